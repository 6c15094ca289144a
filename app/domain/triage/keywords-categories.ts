// Default category keywords (en, zh-CN, es, de, fr, ja). Data, not code: merchants add and remove
// terms through keyword overrides. Strong terms name the intent ("where is my order"); weak terms
// only hint at it ("tracking"). Syntax: see matcher.ts ("refund*" prefix, " ~ " short gap).

import type { CategoryKeywords, KeywordCategory } from "./keywords";

export const DEFAULT_CATEGORY_KEYWORDS: Record<KeywordCategory, CategoryKeywords> = {
  order_status: {
    strong: [
      "where is my order", "where is my package", "where's my order", "where's my package", "status of my order", "status of my package",
      "order status", "tracking number", "no tracking", "when ~ ship*", "when will it ship", "when will my order", "has ~ shipped", "been shipped",
      "been dispatched", "dispatched yet", "shipping confirmation", "still hasn't arrived", "still has not arrived", "hasn't arrived",
      "still nothing", "not arrived yet", "hasn't shipped", "when will it arrive", "when will it get here",
      "到哪了", "什么时候发货", "快递单号", "物流信息", "还没发货", "还没收到", "什么时候能到", "多久能到", "还没到", "清关",
      "donde esta mi pedido", "cuando van a enviar", "numero de seguimiento", "no ha llegado", "todavia no ha llegado",
      "wo ist meine bestellung", "versandbestatigung", "wann wird ~ verschickt", "immer noch nicht da", "noch nicht angekommen", "sendungsnummer",
      "ou en est ma commande", "numero de suivi", "sera-t-elle expediee", "quand ~ expedie*", "toujours rien recu", "pas encore recu",
      "any update", "update on ~ order", "unfulfilled", "not shipped yet", "still processing", "when ~ arrive*", "when ~ be delivered", "eta", "stuck in transit",
      "没有更新", "没更新", "什么时候到", "查一下订单", "查询订单", "cuando llega*", "estado de mi pedido", "estado del pedido",
      "wann ~ ankommt", "wann kommt", "lieferstatus", "sendungsverfolgung", "quand ~ arrive*", "bloque", "suivi de ~ commande",
      "発送されて", "いつ届", "発送予定", "いつ発送", "追跡番号", "届きません", "届かない", "届いていません", "発送状況", "配送状況", "on its way", "heard nothing", "check on ~ order", "催一下", "催促", "转运", "est-elle partie", "届く予定",
    ],
    weak: ["tracking", "courier", "shipped", "shipping update", "arrive", "delivery date", "in transit", "backorder*", "物流", "快递", "发货", "seguimiento", "envio", "lieferung", "paket", "livraison", "colis", "発送", "配送"],
  },
  shipping_address: {
    strong: [
      "change ~ address", "update ~ address", "wrong address", "old address", "address is wrong", "fix ~ address", "redirect ~ package",
      "wrong zip", "zip code", "postcode", "apartment number", "correct ~ address", "shipping address", "delivery address",
      "改地址", "修改地址", "地址填错", "地址写错", "改一下地址", "地址改成", "收货地址", "收件人电话", "修改收件",
      "cambiar la direccion", "direccion de envio", "direccion equivocada",
      "lieferadresse", "adresse andern", "falsche adresse", "umgezogen",
      "modifier l'adresse", "adresse de livraison", "mauvaise adresse", "changer d'adresse",
      "send it to ~ instead", "deliver ~ instead", "different address", "another address", "门牌号", "收货人", "地址有误",
      "otra direccion", "cambiar ~ direccion", "andere adresse", "adresse ~ andern", "autre adresse", "届け先を変更", "住所を変更", "配送先", "住所変更", "お届け先", "street name", "house number", "typo in ~ address", "misspelled",
    ],
    weak: ["address", "street", "avenue", "moved", "地址", "direccion", "adresse", "住所"],
  },
  cancellation: {
    strong: [
      "cancel ~ order", "cancel my", "cancel it", "still cancel", "cancel the order", "cancel subscription", "cancel my subscription",
      "don't ship it", "do not ship", "don't want the order", "changed my mind", "ordered by mistake",
      "取消订单", "取消", "拍错了", "不想要了",
      "cancelar mi pedido", "cancelar el pedido", "cancelar",
      "stornieren", "storno", "stornierung",
      "annuler ma commande", "annuler", "annulation",
      "stop my order", "撤销", "撤单", "下错单", "widerrufen", "widerruf", "anular", "取り消", "キャンセル", "注文を取り消", "不要发", "别发了", "anul*",
    ],
    weak: ["cancel*", "unsubscribe", "后悔"],
  },
  return_refund: {
    strong: [
      "refund*", "money back", "return policy", "return label", "return a", "return the", "return it", "return this", "return them",
      "how do i return", "want to return", "sent the return", "exchange ~ for", "exchange it", "exchange this",
      "退货", "退款", "换货", "退钱", "退回",
      "devolver", "devolucion", "reembolso", "devuelven el dinero", "cambiar por",
      "zuruckschicken", "rucksendung", "ruckerstattung", "geld ~ zuruck*", "umtausch*", "zurucksenden", "retoure",
      "retourner", "retour", "rembourse*", "echanger", "echange",
      "swap", "七天无理由", "cambiar ~ por", "umtauschen", "echanger contre", "返品", "返金", "交換",
    ],
    weak: ["return*", "exchange", "doesn't fit", "too small", "too big", "偏小", "偏大"],
  },
  damaged_wrong_missing: {
    strong: [
      "arrived damaged", "arrived broken", "was damaged", "damaged item", "damaged", "broken", "shattered", "cracked", "crushed", "chip on",
      "wrong item", "wrong size was sent", "received the wrong", "sent me the wrong", "sent the wrong", "received wrong", "wrong colour", "wrong color",
      "missing from", "is missing", "one is missing", "item missing", "was empty", "not in the box",
      "碎了", "破损", "压坏", "发错", "错发", "少发", "漏发", "尺码不对", "颜色不对", "只收到", "变形",
      "danado", "roto", "producto equivocado", "equivocado", "falta un",
      "beschadigt", "zerbrochen", "kaputt", "falschen artikel", "falsche artikel", "fehlt",
      "endommage", "casse", "mauvais article", "manquant", "il manque",
      "dented", "rattling", "torn", "leaking", "leaked", "spilled", "scratched", "missing part*", "parts missing", "incomplete",
      "缺少", "少了", "漏液", "划痕", "faltan", "falta", "incompleto", "unvollstandig", "fehlen", "manque", "incomplet",
      "入っていません", "入っていなかった", "付属品", "傷", "破損", "壊れ", "違う商品", "色が違", "足りません", "欠品", "someone else's", "isn't mine", "not mine", "not my order", "裂痕", "裂了", "摔坏", "摔的", "llego abierta", "vacio", "abierto",
    ],
    weak: ["defect*", "scratch*", "dent*", "wrong", "missing", "错", "坏"],
  },
  product_question: {
    strong: [
      "waterproof", "water resistant", "come in", "in stock", "back in stock", "restock", "what size", "size should i", "which size",
      "ingredients", "compatible", "dishwasher safe", "difference between", "what material", "made of", "do you ship to", "sizing",
      "有大码", "有没有", "面料", "纯棉", "补货", "缺货", "支持快充", "尺码表", "材质", "适合",
      "impermeable", "que talla", "tienen este", "en color",
      "wasserdicht", "fallt ~ klein", "wieder auf lager", "auf lager", "welche grosse",
      "est-il impermeable", "quelle taille", "en stock", "de nouveau en stock",
      "how long does", "battery", "real leather", "genuine leather", "cotton", "能装下", "能不能", "尺寸", "是真皮", "de algodon", "cuero",
      "aus leder", "echtes leder", "baumwolle", "en cuir", "cuir", "coton", "綿", "革", "防水", "サイズ感", "再入荷", "在庫", "素材", "能连", "续航", "兼容", "massivholz", "furniert", "幅広", "履け",
    ],
    weak: ["size", "colour", "color", "material", "fit", "available", "stock", "尺码", "颜色", "talla", "grosse", "taille", "サイズ"],
  },
  payment_invoice: {
    strong: [
      "charged twice", "double charged", "duplicate payment", "duplicate charge", "invoice", "receipt", "vat number", "declined", "charge from your",
      "a charge", "paypal or", "klarna", "discount code", "payment failed", "payment method", "paid full price", "money left my account",
      "发票", "扣款", "扣了", "付款失败", "支付宝", "微信支付", "盗刷", "重复扣", "税号", "抬头",
      "me cobraron", "cobraron dos veces", "factura", "cargo en mi tarjeta", "nif",
      "rechnung", "doppelt abgebucht", "abgebucht", "ust-idnr", "zahlung", "ruckbuchung",
      "facture", "debite deux fois", "debite", "paiement", "faire opposition",
      "tax", "vat", "coupon", "promo code", "price difference", "差价", "优惠券", "vorkasse", "bezahlt", "pagado", "paye", "cupon", "gutschein", "クーポン", "領収書", "請求書", "二重に請求", "請求", "支払い", "決済", "払い", "bank transfer", "pay by",
    ],
    weak: ["payment", "paid", "charge*", "card", "billing", "付款", "支付", "pago", "tarjeta", "karte", "carte", "カード"],
  },
  complaint: {
    strong: [
      "worst customer service", "customer service", "rude", "hung up", "poor quality", "bad quality", "cheap", "falling apart", "coming loose",
      "terrible service", "unacceptable", "not what i expect", "caught fire", "choked", "allergic reaction", "dangerous",
      "态度", "质量太差", "质量差", "图片 ~ 不一样", "与描述不符", "和描述不符", "冒烟", "着火", "过敏", "危险", "曝光",
      "calidad", "decepcionado", "humo", "incendia",
      "qualitat", "mangelhaft", "unverschamt", "unfreundlich", "enttauscht",
      "qualite", "decu*", "reseaux sociaux",
      "no one answers", "no response", "ignored", "没人回复", "不回复", "线头", "pesima", "verguenza", "nadie responde", "atencion al cliente",
      "niemand antwortet", "personne ne repond", "品質", "がっかり", "対応", "失礼", "発火", "危険", "no answer", "appalling", "als auf dem foto", "than in the photo", "than the photo", "not as pictured", "que en la foto", "que sur la photo", "返事がありません", "返事がない", "返事が来ない",
    ],
    weak: ["disappointed", "service", "agent", "失望", "投诉"], // not bare "quality": "how is the quality?" is a product question
  },
};

/** Greetings, thanks and small talk: category other unless something else matched. */
export const DEFAULT_GREETING_KEYWORDS: readonly string[] = [
  "hi", "hello", "hey", "thanks", "thank you", "got it", "love it", "suggestion", "feedback",
  "你好", "在吗", "谢谢", "建议", "满意",
  "hola", "gracias", "sugerencia",
  "hallo", "danke", "vielen dank",
  "bonjour", "merci",
  "こんにちは", "ありがとう",
];

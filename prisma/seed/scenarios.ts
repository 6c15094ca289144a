// Realistic support conversations for the demo shop, in the languages of its markets.
// `{order}` is replaced by the linked order's name, `{name}` by the customer's first name.
import type { MarketLanguage } from "../../dev/fixtures";

export interface SeedScenario {
  key: string;
  category: string;
  severity: "L1" | "L2" | "L3";
  priority: "urgent" | "high" | "normal" | "low";
  subject: Record<MarketLanguage, string>;
  customerMessage: Record<MarketLanguage, string>;
  followUp?: Record<MarketLanguage, string>;
  agentReply: Record<MarketLanguage, string>;
}

export const SEED_SCENARIOS: SeedScenario[] = [
  {
    key: "where-is-my-order",
    category: "order_status",
    severity: "L3",
    priority: "normal",
    subject: { en: "Where is my order {order}?", "zh-CN": "我的订单{order}到哪里了？", es: "¿Dónde está mi pedido {order}?", de: "Wo ist meine Bestellung {order}?", ja: "注文{order}はどこですか？" },
    customerMessage: {
      en: "Hi, I ordered last week and the tracking hasn't moved for four days. Can you check order {order} for me?",
      "zh-CN": "你好，我上周下的订单{order}，物流信息已经四天没有更新了，麻烦帮我查一下。",
      es: "Hola, hice el pedido {order} la semana pasada y el seguimiento no se mueve desde hace cuatro días. ¿Podéis revisarlo?",
      de: "Hallo, ich habe letzte Woche bestellt ({order}) und die Sendungsverfolgung bewegt sich seit vier Tagen nicht. Können Sie nachsehen?",
      ja: "先週注文した{order}の追跡情報が4日間更新されていません。確認していただけますか？",
    },
    followUp: { en: "Any update? I need it before Friday.", "zh-CN": "有进展吗？我周五之前需要收到。", es: "¿Alguna novedad? Lo necesito antes del viernes.", de: "Gibt es Neuigkeiten? Ich brauche es bis Freitag.", ja: "何か進展はありますか？金曜日までに必要です。" },
    agentReply: {
      en: "Hi {name}, thanks for your patience. Your parcel for {order} is with the carrier and moving again; the latest scan shows it at the regional hub.",
      "zh-CN": "{name}您好，感谢您的耐心等待。订单{order}的包裹已恢复运输，最新扫描显示在区域分拨中心。",
      es: "Hola {name}, gracias por tu paciencia. Tu paquete del pedido {order} vuelve a estar en movimiento; el último escaneo lo sitúa en el centro regional.",
      de: "Hallo {name}, danke für Ihre Geduld. Ihr Paket zu {order} ist wieder unterwegs; der letzte Scan zeigt es im regionalen Verteilzentrum.",
      ja: "{name}様、お待たせしております。{order}の荷物は再び輸送中で、最新のスキャンでは地域の配送センターにあります。",
    },
  },
  {
    key: "damaged-item",
    category: "damaged_wrong_missing",
    severity: "L2",
    priority: "high",
    subject: { en: "Arrived damaged – order {order}", "zh-CN": "订单{order}收到的商品破损了", es: "Producto dañado – pedido {order}", de: "Beschädigt angekommen – Bestellung {order}", ja: "商品が破損して届きました（{order}）" },
    customerMessage: {
      en: "The ceramic mug in order {order} arrived cracked and the box was crushed. Photos attached. I'd like a replacement please.",
      "zh-CN": "订单{order}里的陶瓷杯到货时已经裂了，外箱也压坏了，附上照片。希望能补发一个。",
      es: "La taza de cerámica del pedido {order} llegó rota y la caja aplastada. Adjunto fotos. Quisiera un reemplazo.",
      de: "Die Keramiktasse aus Bestellung {order} kam mit einem Sprung an, der Karton war eingedrückt. Fotos anbei. Bitte um Ersatz.",
      ja: "注文{order}の陶器のマグカップが割れた状態で届き、箱もつぶれていました。写真を添付します。交換をお願いします。",
    },
    agentReply: {
      en: "I'm so sorry, {name}. We've sent a replacement for {order} today at no cost; you don't need to return the damaged one.",
      "zh-CN": "{name}，非常抱歉。我们今天已为订单{order}免费补发，破损的商品无需退回。",
      es: "Lo siento mucho, {name}. Hoy hemos enviado un reemplazo del pedido {order} sin coste; no hace falta devolver el dañado.",
      de: "Das tut mir sehr leid, {name}. Wir haben heute kostenlosen Ersatz für {order} verschickt; die beschädigte Tasse müssen Sie nicht zurücksenden.",
      ja: "{name}様、大変申し訳ございません。本日{order}の交換品を無償で発送しました。破損品の返送は不要です。",
    },
  },
  {
    key: "refund-request",
    category: "return_refund",
    severity: "L3",
    priority: "normal",
    subject: { en: "Return and refund for {order}", "zh-CN": "订单{order}申请退货退款", es: "Devolución y reembolso de {order}", de: "Rücksendung und Erstattung für {order}", ja: "{order}の返品・返金について" },
    customerMessage: {
      en: "The jacket from {order} is too small. How do I return it and when will I get my refund?",
      "zh-CN": "订单{order}的外套尺码偏小，请问怎么退货？退款多久能到账？",
      es: "La chaqueta del pedido {order} me queda pequeña. ¿Cómo la devuelvo y cuándo recibiré el reembolso?",
      de: "Die Jacke aus {order} ist zu klein. Wie sende ich sie zurück und wann bekomme ich mein Geld?",
      ja: "{order}のジャケットが小さすぎました。返品方法と返金の時期を教えてください。",
    },
    agentReply: {
      en: "Hi {name}, I've emailed a prepaid return label for {order}. Refunds are issued within 3 business days of the parcel reaching us.",
      "zh-CN": "{name}您好，订单{order}的预付退货标签已发送到您的邮箱。包裹到达后3个工作日内退款。",
      es: "Hola {name}, te he enviado una etiqueta de devolución prepagada para {order}. El reembolso se emite en 3 días hábiles tras recibir el paquete.",
      de: "Hallo {name}, ich habe Ihnen ein vorfrankiertes Rücksendeetikett für {order} gemailt. Die Erstattung erfolgt innerhalb von 3 Werktagen nach Eingang.",
      ja: "{name}様、{order}の着払い返品ラベルをメールでお送りしました。到着後3営業日以内に返金いたします。",
    },
  },
  {
    key: "address-change",
    category: "shipping_address",
    severity: "L3",
    priority: "high",
    subject: { en: "Please change the shipping address on {order}", "zh-CN": "请修改订单{order}的收货地址", es: "Cambiar la dirección de envío de {order}", de: "Lieferadresse für {order} ändern", ja: "{order}の配送先を変更したい" },
    customerMessage: {
      en: "I just noticed I used my old address for {order}. Can you ship it to 22 Harbor Street, Apt 5 instead before it goes out?",
      "zh-CN": "我刚发现订单{order}填的是旧地址，能在发货前改成新地址吗？",
      es: "Acabo de ver que puse mi dirección antigua en {order}. ¿Podéis cambiarla antes de enviarlo?",
      de: "Ich habe bei {order} meine alte Adresse angegeben. Können Sie das vor dem Versand ändern?",
      ja: "{order}で古い住所を入力してしまいました。発送前に変更できますか？",
    },
    agentReply: {
      en: "Done, {name}: {order} will ship to the new address. You'll get the tracking link as soon as it leaves our warehouse.",
      "zh-CN": "{name}，已经改好了：订单{order}将寄往新地址，发货后您会收到物流链接。",
      es: "Hecho, {name}: {order} se enviará a la nueva dirección. Recibirás el enlace de seguimiento en cuanto salga.",
      de: "Erledigt, {name}: {order} geht an die neue Adresse. Den Sendungslink erhalten Sie, sobald das Paket unser Lager verlässt.",
      ja: "{name}様、{order}の配送先を新しい住所に変更しました。発送時に追跡リンクをお送りします。",
    },
  },
  {
    key: "chargeback-threat",
    category: "complaint",
    severity: "L1",
    priority: "urgent",
    subject: { en: "Third email – I will file a chargeback", "zh-CN": "第三次联系了，我要投诉并申请拒付", es: "Tercer correo: voy a abrir una disputa con el banco", de: "Dritte E-Mail – ich leite eine Rückbuchung ein", ja: "3回目の連絡です。チャージバックを申請します" },
    customerMessage: {
      en: "This is my third message about {order}. Nobody answers. If I don't hear back today I'm filing a chargeback and talking to a lawyer. Very disappointed.",
      "zh-CN": "关于订单{order}这是我第三次联系你们了，一直没人回复。今天再不处理我就向银行申请拒付并找律师，太失望了。",
      es: "Es mi tercer mensaje sobre {order} y nadie responde. Si hoy no tengo respuesta abriré una disputa con el banco y hablaré con un abogado.",
      de: "Das ist meine dritte Nachricht zu {order}. Niemand antwortet. Wenn ich heute nichts höre, leite ich eine Rückbuchung ein und gehe zum Anwalt.",
      ja: "{order}について3回目の連絡です。返事がありません。本日中に回答がなければチャージバックを申請し、弁護士に相談します。",
    },
    agentReply: {
      en: "{name}, I'm sorry we let you down. I've personally taken over {order}; a full refund is on its way and you'll see it within 2 business days.",
      "zh-CN": "{name}，非常抱歉让您失望了。订单{order}由我亲自跟进，全额退款已发起，2个工作日内到账。",
      es: "{name}, siento mucho haberte fallado. Me encargo personalmente de {order}: el reembolso completo está en camino y lo verás en 2 días hábiles.",
      de: "{name}, es tut mir leid, dass wir Sie enttäuscht haben. Ich kümmere mich persönlich um {order}; die volle Erstattung ist unterwegs (2 Werktage).",
      ja: "{name}様、ご期待に沿えず申し訳ございません。{order}は私が担当し、全額返金を手配しました。2営業日以内に反映されます。",
    },
  },
  {
    key: "product-question",
    category: "product_question",
    severity: "L3",
    priority: "low",
    subject: { en: "Is the linen shirt true to size?", "zh-CN": "亚麻衬衫尺码标准吗？", es: "¿La camisa de lino talla normal?", de: "Fällt das Leinenhemd normal aus?", ja: "リネンシャツのサイズ感について" },
    customerMessage: {
      en: "I'm usually a medium. Does the linen shirt run small, and is it in stock in sage green?",
      "zh-CN": "我平时穿M码，这款亚麻衬衫偏小吗？鼠尾草绿还有货吗？",
      es: "Normalmente uso la M. ¿La camisa de lino talla pequeño? ¿Hay stock en verde salvia?",
      de: "Ich trage normalerweise M. Fällt das Leinenhemd klein aus, und ist es in Salbeigrün vorrätig?",
      ja: "普段はMサイズです。リネンシャツは小さめですか？セージグリーンの在庫はありますか？",
    },
    agentReply: {
      en: "Hi {name}, it fits true to size with a relaxed cut, so a medium is right. Sage green in M is in stock at our Brooklyn warehouse.",
      "zh-CN": "{name}您好，这款版型标准、略宽松，建议选M码。鼠尾草绿M码在布鲁克林仓有货。",
      es: "Hola {name}, talla normal con corte holgado: la M es tu talla. Hay verde salvia en M en nuestro almacén.",
      de: "Hallo {name}, es fällt normal und locker aus – M passt. Salbeigrün in M ist vorrätig.",
      ja: "{name}様、標準的でゆったりしたサイズ感なのでMがおすすめです。セージグリーンのMは在庫がございます。",
    },
  },
  {
    key: "cancel-order",
    category: "cancellation",
    severity: "L3",
    priority: "high",
    subject: { en: "Cancel order {order}", "zh-CN": "取消订单{order}", es: "Cancelar pedido {order}", de: "Bestellung {order} stornieren", ja: "注文{order}をキャンセルしたい" },
    customerMessage: {
      en: "Please cancel {order}, I ordered the wrong colour by mistake.",
      "zh-CN": "请帮我取消订单{order}，颜色选错了。",
      es: "Por favor cancelad {order}, me equivoqué de color.",
      de: "Bitte stornieren Sie {order}, ich habe die falsche Farbe bestellt.",
      ja: "{order}をキャンセルしてください。色を間違えて注文しました。",
    },
    agentReply: {
      en: "No problem, {name}: {order} is cancelled and the refund goes back to your original payment method.",
      "zh-CN": "没问题，{name}：订单{order}已取消，款项将原路退回。",
      es: "Sin problema, {name}: {order} está cancelado y el reembolso vuelve a tu método de pago.",
      de: "Kein Problem, {name}: {order} ist storniert, die Erstattung geht auf Ihr ursprüngliches Zahlungsmittel.",
      ja: "{name}様、{order}をキャンセルしました。返金は元のお支払い方法に戻ります。",
    },
  },
  {
    key: "payment-invoice",
    category: "payment_invoice",
    severity: "L3",
    priority: "normal",
    subject: { en: "VAT invoice for {order}", "zh-CN": "订单{order}需要开发票", es: "Factura con IVA de {order}", de: "Rechnung mit MwSt. für {order}", ja: "{order}の請求書（インボイス）" },
    customerMessage: {
      en: "Could you send me a VAT invoice for {order} with our company name, Northwind Ltd?",
      "zh-CN": "能给订单{order}开一张公司抬头的发票吗？",
      es: "¿Me podéis enviar una factura con IVA de {order} a nombre de la empresa?",
      de: "Können Sie mir eine Rechnung mit ausgewiesener MwSt. für {order} auf unsere Firma schicken?",
      ja: "{order}の適格請求書を会社名宛てで発行していただけますか？",
    },
    agentReply: {
      en: "Here you go, {name}: the invoice for {order} is attached.",
      "zh-CN": "{name}您好，订单{order}的发票已附上。",
      es: "Aquí la tienes, {name}: adjunto la factura de {order}.",
      de: "Bitte sehr, {name}: die Rechnung zu {order} ist angehängt.",
      ja: "{name}様、{order}の請求書を添付いたしました。",
    },
  },
  {
    key: "greeting",
    category: "other",
    severity: "L3",
    priority: "low",
    subject: { en: "Thank you!", "zh-CN": "谢谢你们！", es: "¡Gracias!", de: "Vielen Dank!", ja: "ありがとうございました！" },
    customerMessage: {
      en: "Just wanted to say the gift arrived beautifully wrapped. My sister loved it!",
      "zh-CN": "礼物包装得很漂亮，妹妹特别喜欢，谢谢！",
      es: "Solo quería decir que el regalo llegó precioso. ¡A mi hermana le encantó!",
      de: "Ich wollte nur sagen: Das Geschenk kam wunderschön verpackt an. Meine Schwester war begeistert!",
      ja: "ギフトがとてもきれいに包装されて届きました。妹がとても喜んでいます！",
    },
    agentReply: {
      en: "That made our day, {name}. Thank you for telling us!",
      "zh-CN": "{name}，谢谢您的分享，我们很开心！",
      es: "¡Nos has alegrado el día, {name}! Gracias por contárnoslo.",
      de: "Das freut uns sehr, {name}. Danke für Ihre Nachricht!",
      ja: "{name}様、うれしいお言葉をありがとうございます！",
    },
  },
];

// Fallbacks for a message no category keyword matched: wording is endless, but two facts carry
// far: a message that talks about an order or parcel is most often asking where it is, and a
// question about "it/this" without an order is most often about a product. Not merchant-editable:
// they only decide between "other" and a best guess, and the reason says it was a guess.

/** Nouns and phrases that place a message around an order in transit. */
export const ORDER_MENTIONS: readonly string[] = [
  "order", "my order", "package", "parcel", "shipment", "courier", "delivery", "on its way", "dispatch*", "tracking",
  "订单", "包裹", "快递", "物流", "单号", "发货",
  "pedido", "paquete", "envio", "compra",
  "bestellung", "paket", "sendung", "lieferung",
  "commande", "colis", "livraison",
  "注文", "荷物", "届く", "届き", "発送",
];

/** Question shapes that ask about a product's properties. */
export const PRODUCT_QUESTION_CUES: readonly string[] = [
  "is it", "is this", "is the", "are these", "are they", "does it", "does this", "do they", "can it", "can this", "can i use", "will it", "will this", "would it",
  "how long", "how big", "how heavy", "how many", "what is the", "what are the",
  "吗", "能否", "是否", "可以用", "多大", "多久",
  "es de", "es este", "es esta", "sirve", "tiene", "tienen",
  "ist der", "ist die", "ist das", "gibt es", "passt",
  "est-il", "est-elle", "est-ce que", "y a-t-il",
  "ですか", "ますか", "でしょうか",
];

// Realistic support text for the benchmark's tickets and messages: the shapes of real questions in the
// languages Shopdesk serves, with products, carriers, order names and numbers varied per ticket.
import { mulberry32 } from "../../dev/fixtures";

export type Random = () => number;

/** Deterministic PRNG: the same seed gives the same shop (the fixture shop's mulberry32). */
export const seededRandom: (seed: number) => Random = mulberry32;

export const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const PRODUCTS = ["linen shirt", "wool coat", "ceramic mug", "leather wallet", "running shoes", "silk scarf", "denim jacket", "travel backpack", "desk lamp", "yoga mat", "espresso cups", "rain jacket", "cotton hoodie", "water bottle", "sunglasses"];
const CARRIERS = ["DHL", "UPS", "FedEx", "USPS", "Royal Mail", "SF Express", "La Poste", "PostNL"];
const ZH_PRODUCTS = ["外套", "陶瓷杯", "运动鞋", "真丝围巾", "牛仔夹克", "背包", "台灯", "瑜伽垫", "钱包", "连帽衫"];
const ZH_CARRIERS = ["顺丰", "中通", "圆通", "京东物流", "EMS"];
const FIRST_NAMES = ["Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Leon", "Sofia", "Hugo", "Chloé", "Mateo", "Yuki", "Hannah", "Omar", "Priya", "Jonas", "Elena"];
const LAST_NAMES = ["Smith", "Müller", "García", "Martin", "Rossi", "Johnson", "Dubois", "Tanaka", "Novak", "Brown", "Silva", "Kowalski", "Jensen", "Patel"];
const ZH_NAMES = ["王小明", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏"];

export interface GeneratedTicketText {
  language: string;
  category: string;
  subject: string;
  messages: { direction: "inbound" | "outbound" | "note"; text: string }[];
}

type Slots = { product: string; carrier: string; order: string; days: number; size: string; amount: string; tracking: string };

const EN_THREADS: { category: string; subject: (s: Slots) => string; customer: ((s: Slots) => string)[] }[] = [
  { category: "order_status", subject: (s) => `Where is my order ${s.order}?`, customer: [(s) => `Hi, I ordered the ${s.product} ${s.days} days ago and the tracking number ${s.tracking} from ${s.carrier} has not updated since.`, (s) => `Any news on ${s.order}? The ${s.carrier} page still says label created.`, () => "It is a birthday present, so I really need it by the weekend."] },
  { category: "return_refund", subject: (s) => `Refund for ${s.order}`, customer: [(s) => `The ${s.product} is too small (I ordered ${s.size}). How do I return it and get a refund of ${s.amount}?`, () => "I sent the parcel back last week, when will the refund arrive on my card?", (s) => `Return label for ${s.order} please, the ${s.product} does not fit.`] },
  { category: "damaged_wrong_missing", subject: (s) => `Damaged ${s.product}`, customer: [(s) => `My ${s.product} arrived broken, the box was crushed. Photos attached. Order ${s.order}.`, (s) => `I received the wrong item: a ${s.product} in size ${s.size} instead of the one I ordered.`, () => "One item is missing from the package, the invoice lists two."] },
  { category: "shipping_address", subject: (s) => `Change address for ${s.order}`, customer: [() => "I moved last week, can you change the shipping address before it ships?", (s) => `Please update the delivery address on ${s.order}, the apartment number is wrong.`] },
  { category: "cancellation", subject: (s) => `Cancel order ${s.order}`, customer: [(s) => `Please cancel ${s.order}, I ordered the ${s.product} twice by mistake.`, () => "I found it cheaper elsewhere, can I still cancel?"] },
  { category: "product_question", subject: (s) => `Question about the ${s.product}`, customer: [(s) => `Is the ${s.product} machine washable? And does size ${s.size} run small?`, (s) => `When will the ${s.product} be back in stock in ${s.size}?`] },
  { category: "payment_invoice", subject: (s) => `Invoice for ${s.order}`, customer: [(s) => `I need a VAT invoice for ${s.order} (${s.amount}) with my company name.`, () => "I was charged twice for the same order, please check my card statement."] },
  { category: "complaint", subject: () => "Very disappointed", customer: [(s) => `This is the third time I write about ${s.order}. Nobody answers. I want a refund of ${s.amount} now.`, () => "Terrible service, I will leave a review if this is not solved today."] },
];
const EN_AGENT = [
  (s: Slots) => `Thanks for reaching out! I checked ${s.order}: ${s.carrier} shows it in transit, it should arrive within ${s.days} business days.`,
  (s: Slots) => `I'm sorry about the ${s.product}. I have started a replacement and emailed you a prepaid return label.`,
  (s: Slots) => `Your refund of ${s.amount} has been issued; banks usually take 5 to 10 days to show it.`,
  () => "I have updated the address on the order, you will get a new confirmation email shortly.",
  () => "Could you send a photo of the item and the packaging so we can file a claim with the carrier?",
];
const ZH_THREADS: { category: string; subject: (s: Slots, p: string) => string; customer: ((s: Slots, p: string, c: string) => string)[] }[] = [
  { category: "return_refund", subject: (s) => `退款申请 ${s.order}`, customer: [(_s, p) => `订单里的${p}尺码偏小，请问怎么退货？`, (s) => `我已经寄回了，退款 ${s.amount} 什么时候到账？`] },
  { category: "order_status", subject: (s) => `订单 ${s.order} 还没发货`, customer: [(s, _p, c) => `我的订单已经下单 ${s.days} 天了，${c}单号 ${s.tracking} 一直没有更新物流信息。`, () => "请问什么时候能送到？我周末要用。"] },
  { category: "damaged_wrong_missing", subject: (_s, p) => `收到的${p}有破损`, customer: [(_s, p) => `收到的${p}外包装被压坏了，东西也碎了，照片在附件里。`, () => "少发了一件商品，发票上是两件。"] },
  { category: "payment_invoice", subject: () => "发票问题", customer: [(s) => `请帮我开 ${s.order} 的增值税发票，金额 ${s.amount}。`] },
];
const ZH_AGENT = [(s: Slots) => `您好，已为您查询订单 ${s.order}，包裹正在运输中，预计 ${s.days} 个工作日内送达。`, () => "非常抱歉给您带来不便，我们已为您安排补发，并发送了退货标签。", (s: Slots) => `退款 ${s.amount} 已经处理，一般 5 到 10 个工作日到账。`];
const OTHER_THREADS: { language: string; subject: (s: Slots) => string; lines: ((s: Slots) => string)[] }[] = [
  { language: "de", subject: (s) => `Wo bleibt meine Bestellung ${s.order}?`, lines: [(s) => `Hallo, die Sendungsnummer ${s.tracking} von ${s.carrier} wird seit ${s.days} Tagen nicht aktualisiert.`, () => "Können Sie bitte nachsehen? Vielen Dank."] },
  { language: "es", subject: (s) => `Devolución del pedido ${s.order}`, lines: [() => "La talla no me queda bien, ¿cómo puedo devolver el artículo y recibir el reembolso?"] },
  { language: "fr", subject: (s) => `Colis endommagé ${s.order}`, lines: [() => "Bonjour, le colis est arrivé abîmé et l'article est cassé. Que faire ?"] },
  { language: "ja", subject: () => "商品が破損していました", lines: [() => "陶器のマグカップが割れた状態で届きました。交換をお願いできますか。"] },
];

export function customerIdentity(random: Random, index: number): { displayName: string; email: string; firstName: string; lastName: string } {
  if (random() < 0.15) {
    const name = pick(random, ZH_NAMES);
    return { displayName: name, email: `user${index}@example.cn`, firstName: name.slice(1), lastName: name.slice(0, 1) };
  }
  const firstName = pick(random, FIRST_NAMES);
  const lastName = pick(random, LAST_NAMES);
  return { displayName: `${firstName} ${lastName}`, email: `${firstName}.${lastName}.${index}@example.com`.toLowerCase(), firstName, lastName };
}

export function ticketText(random: Random, orderName: string, messageCount: number): GeneratedTicketText {
  const slots: Slots = {
    product: pick(random, PRODUCTS),
    carrier: pick(random, CARRIERS),
    order: orderName,
    days: 2 + Math.floor(random() * 12),
    size: pick(random, ["XS", "S", "M", "L", "XL", "38", "42"]),
    amount: `$${(10 + random() * 290).toFixed(2)}`,
    tracking: `1Z${Math.floor(random() * 1e10).toString(36).toUpperCase()}`,
  };
  const roll = random();
  const messages: GeneratedTicketText["messages"] = [];
  if (roll < 0.7) {
    const thread = pick(random, EN_THREADS);
    for (let index = 0; index < messageCount; index++) {
      if (index % 2 === 0) messages.push({ direction: "inbound", text: pick(random, thread.customer)(slots) });
      else messages.push({ direction: random() < 0.1 ? "note" : "outbound", text: pick(random, EN_AGENT)(slots) });
    }
    return { language: "en", category: thread.category, subject: thread.subject(slots), messages };
  }
  if (roll < 0.85) {
    const thread = pick(random, ZH_THREADS);
    const product = pick(random, ZH_PRODUCTS);
    const carrier = pick(random, ZH_CARRIERS);
    for (let index = 0; index < messageCount; index++) {
      if (index % 2 === 0) messages.push({ direction: "inbound", text: pick(random, thread.customer)(slots, product, carrier) });
      else messages.push({ direction: "outbound", text: pick(random, ZH_AGENT)(slots) });
    }
    return { language: "zh-CN", category: thread.category, subject: thread.subject(slots, product), messages };
  }
  const thread = pick(random, OTHER_THREADS);
  for (let index = 0; index < messageCount; index++) {
    if (index % 2 === 0) messages.push({ direction: "inbound", text: pick(random, thread.lines)(slots) });
    else messages.push({ direction: "outbound", text: pick(random, EN_AGENT)(slots) });
  }
  return { language: thread.language, category: "other", subject: thread.subject(slots), messages };
}

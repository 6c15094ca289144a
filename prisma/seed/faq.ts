// The demo shop's FAQ, in English and Simplified Chinese: the questions a cross-border store answers
// every day. Each question shares a groupKey across languages; all are published.
import type { PrismaClient } from "@prisma/client";

interface SeedQuestion {
  groupKey: string;
  category: "products" | "shipping" | "international" | "orders_returns" | "general";
  en: [string, string];
  "zh-CN": [string, string];
}

export const SEED_FAQ: SeedQuestion[] = [
  {
    groupKey: "shipping-times",
    category: "shipping",
    en: ["How long does shipping take?", "Orders leave our warehouse within 1–2 business days. Standard delivery takes 3–5 business days within the US and 7–14 business days to most other countries. Express delivery arrives in 1–3 business days in the US."],
    "zh-CN": ["配送需要多长时间？", "订单会在 1–2 个工作日内从仓库发出。美国境内标准配送需 3–5 个工作日，寄往其他大多数国家需 7–14 个工作日。美国境内加急配送 1–3 个工作日送达。"],
  },
  {
    groupKey: "tracking",
    category: "shipping",
    en: ["How can I track my order?", "As soon as your order ships we email you a tracking number and link. You can also open the order status page from your confirmation email. Tracking can take up to 24 hours to show the first scan."],
    "zh-CN": ["如何查询物流？", "订单发货后，我们会通过电子邮件发送物流单号和查询链接。您也可以在订单确认邮件中打开订单状态页面。首次物流信息最多可能需要 24 小时才会显示。"],
  },
  {
    groupKey: "tracking-stuck",
    category: "shipping",
    en: ["My tracking has not updated for days. What should I do?", "International parcels often show no scans while they are in transit between countries or waiting at customs. If there is no update for 7 days, contact us with your order number and we will open an inquiry with the carrier."],
    "zh-CN": ["物流信息好几天没有更新怎么办？", "国际包裹在国家之间运输或等待清关时，经常暂时没有扫描记录。如果 7 天没有任何更新，请提供订单号联系我们，我们会向承运商发起查询。"],
  },
  {
    groupKey: "returns",
    category: "orders_returns",
    en: ["What is your return policy?", "You can return unworn items with their tags within 30 days of delivery. Start a return from the contact form with your order number; we send you a prepaid label for US orders. Refunds go back to the original payment method within 5–10 business days after we receive the item."],
    "zh-CN": ["退货政策是什么？", "商品未穿着且吊牌完好，可在签收后 30 天内退货。请通过联系表单提交订单号申请退货；美国订单我们会提供预付运单。收到退货后 5–10 个工作日内原路退款。"],
  },
  {
    groupKey: "change-cancel",
    category: "orders_returns",
    en: ["Can I change or cancel my order?", "We can change the address or cancel an order until it ships, usually within a few hours of purchase. Contact us as soon as possible with your order number."],
    "zh-CN": ["可以修改或取消订单吗？", "订单发货前（通常是下单后几个小时内）可以修改地址或取消订单。请尽快提供订单号联系我们。"],
  },
  {
    groupKey: "damaged",
    category: "orders_returns",
    en: ["My item arrived damaged or wrong. What now?", "We are sorry! Send us a photo of the item and the packaging with your order number within 14 days and we will send a replacement or refund right away — no need to return it."],
    "zh-CN": ["收到的商品损坏或发错了怎么办？", "非常抱歉！请在 14 天内发送商品和包装的照片以及订单号，我们会立即补发或退款，无需寄回商品。"],
  },
  {
    groupKey: "sizing",
    category: "products",
    en: ["How do I choose my size?", "Each product page has a size chart in centimetres and inches. If you are between two sizes, choose the larger one. Asian sizing runs about one size smaller than US sizing."],
    "zh-CN": ["如何选择尺码？", "每个商品页面都有厘米和英寸的尺码表。如果介于两个尺码之间，建议选择较大的尺码。亚洲尺码通常比美国尺码小一码。"],
  },
  {
    groupKey: "payment",
    category: "general",
    en: ["Which payment methods do you accept?", "We accept Visa, Mastercard, American Express, PayPal, Apple Pay, Google Pay, Shop Pay, Alipay and WeChat Pay. Prices are charged in the currency shown at checkout."],
    "zh-CN": ["支持哪些付款方式？", "我们支持 Visa、Mastercard、American Express、PayPal、Apple Pay、Google Pay、Shop Pay、支付宝和微信支付。按结账时显示的币种扣款。"],
  },
  {
    groupKey: "customs-duties",
    category: "international",
    en: ["Will I pay customs duties or import taxes?", "Orders to the EU, the UK and Australia include duties and taxes at checkout, so nothing is due on delivery. For other countries, local customs may charge duties or taxes on delivery; they are set by your country and are not included in our prices."],
    "zh-CN": ["需要支付关税或进口税吗？", "寄往欧盟、英国和澳大利亚的订单在结账时已包含关税和税费，签收时无需另付。寄往其他国家的订单，当地海关可能在派送时收取关税或税费，金额由您所在国家规定，不包含在商品价格中。"],
  },
  {
    groupKey: "international-shipping",
    category: "international",
    en: ["Do you ship internationally?", "Yes, we ship to more than 40 countries. Shipping costs and delivery times for your country are shown at checkout before you pay."],
    "zh-CN": ["支持国际配送吗？", "支持，我们配送到 40 多个国家和地区。付款前结账页面会显示寄往您所在国家的运费和时效。"],
  },
];

export async function seedFaq(db: PrismaClient, shopId: string): Promise<number> {
  let count = 0;
  for (const [position, question] of SEED_FAQ.entries()) {
    for (const language of ["en", "zh-CN"] as const) {
      const [text, answer] = question[language];
      await db.faqEntry.create({
        data: { shopId, groupKey: question.groupKey, category: question.category, language, question: text, answer, position, status: "published" },
      });
      count++;
    }
  }
  return count;
}

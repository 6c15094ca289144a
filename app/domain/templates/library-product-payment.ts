// Seeded templates: product questions and payment.
import { GREETING, SIGN_OFF, type SeededTemplate } from "./library-shared";

export const PRODUCT_PAYMENT_TEMPLATES: readonly SeededTemplate[] = [
  {
    key: "product_sizing_advice",
    name: "Sizing advice",
    category: "product_question",
    keywords: ["size", "sizing", "fit", "size chart", "尺码", "尺寸", "talla"],
    sensitive: false,
    variants: {
      en: {
        body: `{% prompt recommended_size, "Recommended size" %}${GREETING.en}

Thanks for asking before you order. Based on the measurements you shared, I'd recommend size {{ prompt.recommended_size }}. If you're between sizes, go for the larger one for a relaxed fit.

And if it doesn't fit perfectly, exchanges are free, so there's no risk in trying.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `{% prompt recommended_size, "Recommended size" %}${GREETING.zh}

感谢您下单前先来咨询。根据您提供的尺寸，我建议选择 {{ prompt.recommended_size }} 码。如果介于两个尺码之间，想穿得宽松些可以选大一码。

即使不合身也可以免费换货，您可以放心尝试。

${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "product_back_in_stock",
    name: "Out of stock: restock date",
    category: "product_question",
    keywords: ["out of stock", "sold out", "restock", "back in stock", "缺货", "补货", "agotado"],
    sensitive: false,
    variants: {
      en: {
        body: `{% prompt product_name, "Product" %}{% prompt restock_date, "Expected restock date" %}${GREETING.en}

Thanks for your interest in {{ prompt.product_name }}! It's sold out right now, but we expect new stock around {{ prompt.restock_date }}.

Tap "Notify me" on the product page and you'll get an email the moment it's back, before it sells out again.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `{% prompt product_name, "Product" %}{% prompt restock_date, "Expected restock date" %}${GREETING.zh}

感谢您对{{ prompt.product_name }}的喜爱！该商品目前已售罄，预计{{ prompt.restock_date }}左右补货。

在商品页面点击“到货通知”，补货后您会第一时间收到邮件，以免再次错过。

${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "product_question_follow_up",
    name: "Checking with the product team",
    category: "product_question",
    keywords: ["product question", "specification", "materials", "checking", "产品咨询", "材质", "consulta de producto"],
    sensitive: false,
    variants: {
      en: {
        body: `${GREETING.en}

That's a great question, and I want to give you an accurate answer rather than a guess. I've passed it to our product team{% if shop.expected_reply_time %}, and you'll hear back from me by {{ shop.expected_reply_time | date: "weekday_at_time" }}{% else %}, and I'll get back to you as soon as I hear from them{% endif %}.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

这个问题问得很好。为了给您准确的答复而不是凭感觉回答，我已将问题转给我们的产品团队{% if shop.expected_reply_time %}，最晚{{ shop.expected_reply_time | date: "weekday_at_time" }}前给您回复{% else %}，一有结果就马上回复您{% endif %}。

${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "payment_failed",
    name: "Payment didn't go through",
    category: "payment_invoice",
    keywords: ["payment failed", "declined", "card", "checkout error", "支付失败", "付款失败", "pago rechazado"],
    sensitive: false,
    variants: {
      en: {
        body: `${GREETING.en}

Sorry about the trouble at checkout. When a payment is declined, the reason is almost always on the bank's side: a security check on online purchases, a daily limit, or a billing address that doesn't match the card exactly.

A few things that usually help:
- Check that the billing address matches your bank statement.
- Approve the purchase in your banking app, if it asks.
- Try another card, PayPal or another payment method at checkout.

No money is taken for a declined payment. If it still won't go through, reply here and I'll help you complete the order.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

很抱歉您在结账时遇到了问题。付款被拒绝的原因几乎都在银行一侧：例如网购安全验证、每日限额，或账单地址与银行卡信息不完全一致。

以下方法通常有效：
- 确认账单地址与银行登记的地址一致；
- 如果银行 App 提示确认交易，请点击确认；
- 结账时换一张卡，或改用 PayPal 等其他支付方式。

付款被拒不会扣款。如果仍无法支付，请回复此邮件，我来帮您完成下单。

${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "payment_invoice_request",
    name: "Invoice request",
    category: "payment_invoice",
    keywords: ["invoice", "receipt", "VAT", "tax invoice", "发票", "收据", "factura"],
    sensitive: false,
    variants: {
      en: {
        subject: "Invoice for order {{ order.name }}",
        body: `${GREETING.en}

Of course! Please find attached the invoice for order {{ order.name }} ({{ order.total | money_with_currency }}, placed on {{ order.created_at | date: "long" }}).

If you need your company name or VAT number on it, just send me the details and I'll issue an updated copy.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        subject: "订单 {{ order.name }} 的发票",
        body: `${GREETING.zh}

没问题！附件是订单 {{ order.name }} 的发票（金额 {{ order.total | money_with_currency }}，下单日期{{ order.created_at | date: "long" }}）。

如需在发票上填写公司名称或税号，请把信息发给我，我会为您重新开具。

${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "payment_charged_twice",
    name: "Charged twice / pending authorization",
    category: "payment_invoice",
    keywords: ["charged twice", "double charge", "pending", "authorization", "重复扣款", "扣了两次", "cobro duplicado"],
    sensitive: false,
    variants: {
      en: {
        body: `${GREETING.en}

I understand seeing two charges is worrying, so let me explain. I've checked order {{ order.name }}: we've taken one payment of {{ order.total | money }}.

The second line on your statement is most likely a pending authorization from an earlier checkout attempt. It isn't a charge: your bank releases it automatically, usually within 3–7 business days.

If it's still there after a week, send me a screenshot of your statement and I'll sort it out with our payment provider.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

看到两笔扣款一定让您很担心，我来为您说明一下。我已核实订单 {{ order.name }}：我们只收取了一笔 {{ order.total | money }} 的款项。

账单上的另一笔很可能是之前某次结账尝试产生的预授权，并非实际扣款，银行通常会在 3–7 个工作日内自动释放。

如果一周后仍未释放，请把账单截图发给我，我会与支付服务商联系处理。

${SIGN_OFF.zh}`,
      },
    },
  },
];

// The automated customer messages Shopdesk sends on order events, and the text each one uses when the
// merchant has not picked a template of their own (Liquid for the template engine; en and zh-CN).
// The seeded library (app/domain/templates/library*.ts) has no shipping confirmation or delivery
// follow-up template, so these defaults live here; a rule's templateId replaces them.
import { GREETING, SIGN_OFF } from "../../domain/templates/library-shared";

export const AUTOMATED_MESSAGE_KINDS = ["shipping_confirmation", "delivery_followup", "delay_notice", "refund_confirmation"] as const;
export type AutomatedMessageKind = (typeof AUTOMATED_MESSAGE_KINDS)[number];

export const DEFAULT_FOLLOWUP_DELAY_DAYS = 2;

interface DefaultText {
  subject: string;
  body: string;
}

export const DEFAULT_TEXTS: Record<AutomatedMessageKind, Record<"en" | "zh-CN", DefaultText>> = {
  shipping_confirmation: {
    en: {
      subject: "Your order {{ order.name }} is on its way",
      body: `${GREETING.en}

Good news: order {{ order.name }} has shipped{% if order.carrier %} with {{ order.carrier }}{% endif %}.{% if order.estimated_delivery %} It should arrive by {{ order.estimated_delivery | date: "weekday_day_month" }}.{% endif %}
{% if order.tracking_url %}Track it here: {{ order.tracking_url }}{% elsif order.tracking_number %}Tracking number: {{ order.tracking_number }}{% endif %}

${SIGN_OFF.en}`,
    },
    "zh-CN": {
      subject: "您的订单 {{ order.name }} 已发货",
      body: `${GREETING.zh}

好消息：订单 {{ order.name }} 已经发出{% if order.carrier %}，承运商为 {{ order.carrier }}{% endif %}。{% if order.estimated_delivery %}预计{{ order.estimated_delivery | date: "weekday_day_month" }}前送达。{% endif %}
{% if order.tracking_url %}物流查询：{{ order.tracking_url }}{% elsif order.tracking_number %}运单号：{{ order.tracking_number }}{% endif %}

${SIGN_OFF.zh}`,
    },
  },
  delivery_followup: {
    en: {
      subject: "How is your order {{ order.name }}?",
      body: `${GREETING.en}

Your order {{ order.name }} arrived a couple of days ago. We hope you love it! If anything isn't right, just reply to this email and we'll sort it out. And if you have a minute, we'd be grateful for your feedback.

${SIGN_OFF.en}`,
    },
    "zh-CN": {
      subject: "您对订单 {{ order.name }} 满意吗？",
      body: `${GREETING.zh}

您的订单 {{ order.name }} 已于前几天送达，希望您喜欢！如有任何问题，直接回复这封邮件，我们会尽快处理。如果方便的话，也欢迎留下您的宝贵意见。

${SIGN_OFF.zh}`,
    },
  },
  delay_notice: {
    en: {
      subject: "An update on your order {{ order.name }}",
      body: `${GREETING.en}

Your order {{ order.name }} was expected by now, but the carrier hasn't marked it delivered yet. We're keeping an eye on it.{% if order.tracking_url %} You can follow it here: {{ order.tracking_url }}{% endif %}
If it still hasn't arrived in a few days, just reply and we'll open an investigation with {{ order.carrier | default: "the carrier" }}.

${SIGN_OFF.en}`,
    },
    "zh-CN": {
      subject: "关于您的订单 {{ order.name }} 的最新情况",
      body: `${GREETING.zh}

您的订单 {{ order.name }} 原本预计此前送达，但承运商尚未显示签收。我们正在跟进。{% if order.tracking_url %}物流查询：{{ order.tracking_url }}{% endif %}
如果几天后仍未收到，请直接回复，我们会联系{{ order.carrier | default: "快递公司" }}调查。

${SIGN_OFF.zh}`,
    },
  },
  refund_confirmation: {
    en: {
      subject: "Your refund for order {{ order.name }}",
      body: `${GREETING.en}

We've issued a refund of {{ prompt.refund_amount }} for order {{ order.name }}. Depending on your bank it can take 5–10 business days to show on your statement.

${SIGN_OFF.en}`,
    },
    "zh-CN": {
      subject: "订单 {{ order.name }} 的退款",
      body: `${GREETING.zh}

我们已为订单 {{ order.name }} 退款 {{ prompt.refund_amount }}。根据您的银行不同，款项可能需要 5–10 个工作日到账。

${SIGN_OFF.zh}`,
    },
  },
};

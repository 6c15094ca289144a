// Seeded templates: complaints, greetings and automatic acknowledgements.
import { GREETING, SIGN_OFF, type SeededTemplate } from "./library-shared";

// Automatic replies have no agent behind them: signed by the team.
const TEAM_SIGN_OFF = {
  en: `The {{ shop.name }} team`,
  zh: `{{ shop.name }} 客服团队`,
  es: `El equipo de {{ shop.name }}`,
} as const;

export const CARE_TEMPLATES: readonly SeededTemplate[] = [
  {
    // Four steps: apology and thanks; the cause without excuses; a dated fix; continue privately.
    key: "complaint_public_reply",
    name: "Public reply to a complaint",
    category: "complaint",
    keywords: ["complaint", "public", "review", "social media", "投诉", "差评", "公开回复", "queja"],
    sensitive: true,
    variants: {
      en: {
        body: `{% prompt cause, "What went wrong, in one plain sentence (no excuses)" %}{% prompt solution, "What we will do" %}{% prompt solution_date, "By when (e.g. Friday, March 21)" %}Hi {{ customer.first_name | default: "there" }}, we're truly sorry, and thank you for telling us so openly.

We looked into it: {{ prompt.cause }} That's on us.

Here's what we're doing: {{ prompt.solution }}, by {{ prompt.solution_date }}.

We've sent you a private message{% if shop.email %} (you can also reach us at {{ shop.email }}){% endif %}, so we can sort out the details with you directly.

{{ agent.first_name | default: "The team" }}, {{ shop.name }}`,
      },
      "zh-CN": {
        body: `{% prompt cause, "What went wrong, in one plain sentence (no excuses)" %}{% prompt solution, "What we will do" %}{% prompt solution_date, "By when (e.g. Friday, March 21)" %}{% if customer.name %}{{ customer.name }}，{% endif %}您好！真的非常抱歉，也感谢您坦诚地告诉我们。

我们已经查明原因：{{ prompt.cause }}这是我们的责任。

我们的解决方案是：{{ prompt.solution }}，将在{{ prompt.solution_date }}前完成。

我们已给您发送私信{% if shop.email %}（也可以发邮件至 {{ shop.email }}）{% endif %}，方便与您单独沟通具体细节。

{{ shop.name }}{% if agent.first_name %} {{ agent.first_name }}{% endif %}`,
      },
    },
  },
  {
    key: "complaint_private_follow_up",
    name: "Complaint follow-up with goodwill code",
    category: "complaint",
    keywords: ["complaint", "apology", "compensation", "discount code", "goodwill", "道歉", "补偿", "优惠码", "compensación"],
    sensitive: true,
    variants: {
      en: {
        body: `{% prompt discount_code, "Discount code" %}{% prompt discount_value, "Discount value (e.g. 20%)" %}${GREETING.en}

Thank you for giving us the chance to put this right, and I'm sorry again for the trouble. I've shared your feedback with the team so it doesn't happen to anyone else.

As a thank-you for your patience, here's {{ prompt.discount_value }} off your next order with the code {{ prompt.discount_code }}. It's valid for 90 days and works on everything in the shop.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `{% prompt discount_code, "Discount code" %}{% prompt discount_value, "Discount value (e.g. 20%)" %}${GREETING.zh}

感谢您给我们弥补的机会，再次为给您带来的不便致歉。我已把您的反馈告知团队，避免其他顾客再遇到同样的问题。

为感谢您的耐心，送您一张下单立减 {{ prompt.discount_value }} 的优惠码：{{ prompt.discount_code }}。有效期 90 天，全店商品通用。

${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "greeting_first_reply",
    name: "First reply: introduction",
    category: "greeting",
    keywords: ["hello", "introduction", "first reply", "welcome", "问候", "首次回复", "saludo"],
    sensitive: false,
    variants: {
      en: {
        body: `${GREETING.en}

Thanks for reaching out to {{ shop.name }}! {% if agent.first_name %}I'm {{ agent.first_name }}, and I'll{% else %}I'll{% endif %} be looking after your request from here, so you won't need to explain anything twice.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

感谢您联系{{ shop.name }}！{% if agent.first_name %}我是{{ agent.first_name }}，{% endif %}接下来由我负责跟进您的问题，您无需重复说明情况。

${SIGN_OFF.zh}`,
      },
      es: {
        body: `${GREETING.es}

¡Gracias por escribir a {{ shop.name }}! {% if agent.first_name %}Soy {{ agent.first_name }} y me{% else %}Me{% endif %} encargaré de tu consulta a partir de ahora, así que no tendrás que explicar nada dos veces.

${SIGN_OFF.es}`,
      },
    },
  },
  {
    key: "greeting_closing_check_in",
    name: "Closing check-in",
    category: "greeting",
    keywords: ["follow up", "check in", "closing", "anything else", "跟进", "结案", "seguimiento"],
    sensitive: false,
    variants: {
      en: {
        body: `${GREETING.en}

Just checking in: is everything sorted on your side? If I don't hear back in the next few days, I'll close this conversation. Replying to this email will always reopen it.

Thanks for shopping with {{ shop.name }}!

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

想跟您确认一下：您的问题都已解决了吗？如果接下来几天没有收到您的回复，我会先关闭此会话；之后您随时回复这封邮件，会话都会重新打开。

感谢您选择{{ shop.name }}！

${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "auto_ack_out_of_hours",
    name: "Auto-reply: outside support hours",
    category: "auto_acknowledgement",
    keywords: ["auto reply", "out of hours", "closed", "weekend", "自动回复", "非工作时间", "fuera de horario"],
    sensitive: false,
    variants: {
      en: {
        subject: "We've received your message [#{{ ticket.number }}]",
        body: `${GREETING.en}

Thanks for your message! Our team is offline right now{% if shop.support_hours %} (support hours: {{ shop.support_hours }}){% endif %}, but it's safely in our queue as ticket #{{ ticket.number }}.

{% if shop.expected_reply_time %}You can expect a reply by {{ shop.expected_reply_time | date: "weekday_at_time" }}.{% elsif shop.next_open_time %}We're back {{ shop.next_open_time | date: "weekday_at_time" }} and will reply then.{% else %}We'll reply as soon as we're back.{% endif %} If your question is about an order, add the order number and we can get straight to it.

${TEAM_SIGN_OFF.en}`,
      },
      "zh-CN": {
        subject: "我们已收到您的留言 [#{{ ticket.number }}]",
        body: `${GREETING.zh}

感谢您的留言！我们的客服团队目前不在线{% if shop.support_hours %}（服务时间：{{ shop.support_hours }}）{% endif %}，您的消息已记录为工单 #{{ ticket.number }}。

{% if shop.expected_reply_time %}我们会在{{ shop.expected_reply_time | date: "weekday_at_time" }}前回复您。{% elsif shop.next_open_time %}我们将于{{ shop.next_open_time | date: "weekday_at_time" }}恢复服务并尽快回复您。{% else %}我们上线后会第一时间回复您。{% endif %}如果您的问题与订单有关，附上订单号能帮我们更快处理。

${TEAM_SIGN_OFF.zh}`,
      },
      es: {
        subject: "Hemos recibido tu mensaje [#{{ ticket.number }}]",
        body: `${GREETING.es}

¡Gracias por tu mensaje! Ahora mismo nuestro equipo está fuera de horario{% if shop.support_hours %} (horario de atención: {{ shop.support_hours }}){% endif %}, pero tu consulta ya está registrada con el número #{{ ticket.number }}.

{% if shop.expected_reply_time %}Te responderemos a más tardar el {{ shop.expected_reply_time | date: "weekday_at_time" }}.{% elsif shop.next_open_time %}Volvemos el {{ shop.next_open_time | date: "weekday_at_time" }} y te responderemos entonces.{% else %}Te responderemos en cuanto volvamos.{% endif %} Si tu consulta es sobre un pedido, añade el número de pedido para que podamos ir directos al grano.

${TEAM_SIGN_OFF.es}`,
      },
    },
  },
  {
    key: "auto_ack_received",
    name: "Auto-reply: message received",
    category: "auto_acknowledgement",
    keywords: ["auto reply", "acknowledgement", "received", "confirmation", "自动回复", "已收到", "acuse de recibo"],
    sensitive: false,
    variants: {
      en: {
        subject: "We've received your message [#{{ ticket.number }}]",
        body: `${GREETING.en}

Thanks for contacting {{ shop.name }}. We've received your message (ticket #{{ ticket.number }}), and a member of our team will reply {% if shop.expected_reply_time %}by {{ shop.expected_reply_time | date: "weekday_at_time" }}{% else %}as soon as possible{% endif %}.

No need to write again: replying to this email adds to the same ticket.

${TEAM_SIGN_OFF.en}`,
      },
      "zh-CN": {
        subject: "我们已收到您的留言 [#{{ ticket.number }}]",
        body: `${GREETING.zh}

感谢您联系{{ shop.name }}。我们已收到您的留言（工单 #{{ ticket.number }}），客服人员将{% if shop.expected_reply_time %}在{{ shop.expected_reply_time | date: "weekday_at_time" }}前{% else %}尽快{% endif %}回复您。

无需重复来信：直接回复这封邮件，内容会自动归入同一工单。

${TEAM_SIGN_OFF.zh}`,
      },
      es: {
        subject: "Hemos recibido tu mensaje [#{{ ticket.number }}]",
        body: `${GREETING.es}

Gracias por contactar con {{ shop.name }}. Hemos recibido tu mensaje (consulta #{{ ticket.number }}) y alguien de nuestro equipo te responderá {% if shop.expected_reply_time %}a más tardar el {{ shop.expected_reply_time | date: "weekday_at_time" }}{% else %}lo antes posible{% endif %}.

No hace falta que vuelvas a escribir: si respondes a este correo, se añadirá a la misma consulta.

${TEAM_SIGN_OFF.es}`,
      },
    },
  },
];

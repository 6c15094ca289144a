// Seeded templates: returns and refunds.
import { GREETING, SIGN_OFF, type SeededTemplate } from "./library-shared";

export const RETURN_TEMPLATES: readonly SeededTemplate[] = [
  {
    key: "return_instructions",
    name: "How to return an item",
    category: "return_refund",
    keywords: ["return", "send back", "return label", "return address", "退货", "退回", "devolución"],
    sensitive: false,
    variants: {
      en: {
        body: `{% prompt return_address, "Return address" %}${GREETING.en}

Happy to help with your return for order {{ order.name }}. Here's how it works:

1. Pack the item(s) unused, with the original tags and packaging.
2. Write your order number {{ order.name }} on a note inside the parcel.
3. Send it to:
{{ prompt.return_address }}

Please keep the shipping receipt. As soon as your return arrives, we'll check it and refund you within 3 business days; you'll get an email when it's done.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `{% prompt return_address, "Return address" %}${GREETING.zh}

很乐意为您办理订单 {{ order.name }} 的退货，流程如下：

1. 请保持商品未使用，并附上原吊牌和包装；
2. 在包裹内放一张写有订单号 {{ order.name }} 的纸条；
3. 寄往以下地址：
{{ prompt.return_address }}

请保留好寄件凭证。退货到达后，我们会在 3 个工作日内完成验收并退款，完成后您会收到邮件通知。

${SIGN_OFF.zh}`,
      },
      es: {
        body: `{% prompt return_address, "Return address" %}${GREETING.es}

Con gusto te ayudo con la devolución del pedido {{ order.name }}. Así funciona:

1. Empaqueta los artículos sin usar, con sus etiquetas y embalaje originales.
2. Incluye una nota con tu número de pedido {{ order.name }} dentro del paquete.
3. Envíalo a esta dirección:
{{ prompt.return_address }}

Guarda el comprobante de envío. En cuanto recibamos la devolución, la revisaremos y te haremos el reembolso en un plazo de 3 días hábiles; te avisaremos por correo cuando esté hecho.

${SIGN_OFF.es}`,
      },
    },
  },
  {
    key: "return_refund_issued",
    name: "Refund issued",
    category: "return_refund",
    keywords: ["refund", "refunded", "money back", "退款", "已退款", "reembolso"],
    sensitive: false,
    variants: {
      en: {
        subject: "Your refund for order {{ order.name }}",
        body: `{% prompt refund_amount, "Refund amount (with currency)" %}${GREETING.en}

Good news: we've refunded {{ prompt.refund_amount }} for order {{ order.name }} to your original payment method.

Banks usually take 5–10 business days to show it on your statement. If it hasn't appeared by then, reply here and I'll send you the refund reference to share with your bank.

Thanks for your patience.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        subject: "订单 {{ order.name }} 的退款",
        body: `{% prompt refund_amount, "Refund amount (with currency)" %}${GREETING.zh}

好消息：订单 {{ order.name }} 的退款 {{ prompt.refund_amount }} 已原路退回到您的支付账户。

银行通常需要 5–10 个工作日才会在账单上显示这笔退款。如果届时仍未到账，请回复此邮件，我会把退款凭证号发给您，方便您向银行查询。

感谢您的耐心等待。

${SIGN_OFF.zh}`,
      },
      es: {
        subject: "Tu reembolso del pedido {{ order.name }}",
        body: `{% prompt refund_amount, "Refund amount (with currency)" %}${GREETING.es}

¡Buenas noticias! Hemos reembolsado {{ prompt.refund_amount }} del pedido {{ order.name }} a tu método de pago original.

Los bancos suelen tardar entre 5 y 10 días hábiles en reflejarlo en tu cuenta. Si para entonces no lo ves, responde a este correo y te enviaré la referencia del reembolso para que puedas consultarlo con tu banco.

Gracias por tu paciencia.

${SIGN_OFF.es}`,
      },
    },
  },
  {
    key: "return_exchange_request",
    name: "Exchange for another size or colour",
    category: "return_refund",
    keywords: ["exchange", "swap", "different size", "different colour", "换货", "换尺码", "cambio"],
    sensitive: false,
    variants: {
      en: {
        body: `{% prompt exchange_item, "Item to send instead (size/colour)" %}${GREETING.en}

Of course, let's get you the right one. I've reserved {{ prompt.exchange_item }} for you so it doesn't sell out while your return is on its way.

Send back the original item from order {{ order.name }} (unused, with its tags), and we'll ship the replacement as soon as the carrier scans your parcel, with no extra shipping cost.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `{% prompt exchange_item, "Item to send instead (size/colour)" %}${GREETING.zh}

没问题，我们帮您换到合适的。我已为您预留 {{ prompt.exchange_item }}，您寄回期间不会被他人买走。

请将订单 {{ order.name }} 中的原商品寄回（未使用、吊牌完好）。承运商一扫描您的包裹，我们就会寄出新商品，不另收运费。

${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "return_outside_window_exception",
    name: "Return outside the return window (exception)",
    category: "return_refund",
    keywords: ["late return", "return window", "exception", "goodwill", "超过退货期", "特殊处理", "fuera de plazo"],
    sensitive: true,
    variants: {
      en: {
        body: `${GREETING.en}

Thanks for explaining what happened. Order {{ order.name }} is outside our usual return window, but since you've been a loyal customer, we're happy to make an exception this time.

Please send the item back unused, with a note showing your order number, and we'll refund it as soon as it arrives. Reply to this email when it's on its way so I can watch for it.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

感谢您说明情况。订单 {{ order.name }} 已超出我们的常规退货期限，但考虑到您一直以来的支持，这次我们很乐意为您破例办理。

请将未使用的商品寄回，并在包裹内附上写有订单号的纸条，我们收到后会尽快为您退款。寄出后请回复此邮件告诉我，我会留意包裹的到达。

${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "refund_above_threshold_approved",
    name: "Large refund approved",
    category: "return_refund",
    keywords: ["large refund", "full refund", "approved", "manager approval", "大额退款", "退款审批", "reembolso aprobado"],
    sensitive: true,
    variants: {
      en: {
        subject: "Your refund for order {{ order.name }} is approved",
        body: `{% prompt refund_amount, "Approved refund amount (with currency)" %}${GREETING.en}

Thank you for bearing with us while we reviewed your request. I'm glad to confirm that a refund of {{ prompt.refund_amount }} for order {{ order.name }} has been approved.

You'll see it on your original payment method within 5–10 business days. There's nothing more you need to do; I'll email you the confirmation once it's been processed.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        subject: "订单 {{ order.name }} 的退款已批准",
        body: `{% prompt refund_amount, "Approved refund amount (with currency)" %}${GREETING.zh}

感谢您在我们审核期间的耐心等待。很高兴通知您，订单 {{ order.name }} 的 {{ prompt.refund_amount }} 退款已获批准。

款项将在 5–10 个工作日内原路退回，您无需再做任何操作；处理完成后我会发邮件向您确认。

${SIGN_OFF.zh}`,
      },
    },
  },
];

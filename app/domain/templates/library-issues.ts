// Seeded templates: damaged, wrong or missing items.
import { GREETING, SIGN_OFF, type SeededTemplate } from "./library-shared";

export const ISSUE_TEMPLATES: readonly SeededTemplate[] = [
  {
    key: "issue_damaged_item",
    name: "Item arrived damaged",
    category: "damaged_wrong_missing",
    keywords: ["damaged", "broken", "defective", "photos", "破损", "损坏", "dañado", "roto"],
    sensitive: false,
    variants: {
      en: {
        body: `${GREETING.en}

I'm so sorry your order {{ order.name }} arrived damaged. That's not the experience we want for you.

Could you reply with a photo of the damaged item and one of the outside of the box? That's all we need, and it helps us fix the problem with our packaging and the carrier.

As soon as I have the photos, I'll send a replacement or refund you, whichever you prefer. You don't need to return the damaged item.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

非常抱歉，您的订单 {{ order.name }} 收到时已有破损，这不是我们希望带给您的体验。

麻烦您回复一张商品破损处的照片和一张外包装的照片。只需这两张即可，它们也能帮助我们改进包装、向承运商反馈。

收到照片后，我会按您的意愿为您补发或退款，破损商品无需寄回。

${SIGN_OFF.zh}`,
      },
      es: {
        body: `${GREETING.es}

Lamento mucho que tu pedido {{ order.name }} haya llegado dañado. No es la experiencia que queremos para ti.

¿Podrías responder con una foto del artículo dañado y otra de la caja por fuera? Es todo lo que necesitamos, y nos ayuda a mejorar el embalaje y a reclamar a la empresa de transporte.

En cuanto tenga las fotos, te enviaré un reemplazo o te haré el reembolso, lo que prefieras. No hace falta que devuelvas el artículo dañado.

${SIGN_OFF.es}`,
      },
    },
  },
  {
    key: "issue_wrong_item",
    name: "Wrong item received",
    category: "damaged_wrong_missing",
    keywords: ["wrong item", "incorrect", "wrong size", "wrong colour", "发错货", "错发", "artículo equivocado"],
    sensitive: false,
    variants: {
      en: {
        body: `${GREETING.en}

I'm sorry, we sent you the wrong item in order {{ order.name }}. That's our mistake, and I've already put the correct item aside for you.

Here's what happens next:
- We'll ship the right item today at no cost, and email you the tracking link.
- A prepaid return label for the wrong item is on its way to you; there's no rush to send it back.

Thanks for letting us know, and sorry for the hassle.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

非常抱歉，订单 {{ order.name }} 给您发错了商品。这是我们的失误，正确的商品我已经为您预留好了。

接下来我们会这样处理：
- 今天免费为您寄出正确的商品，并把物流链接发到您的邮箱；
- 错发商品的预付退货面单也会一并发给您，寄回不必着急。

感谢您告诉我们，给您添麻烦了。

${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "issue_missing_item",
    name: "Item missing from the parcel",
    category: "damaged_wrong_missing",
    keywords: ["missing item", "incomplete", "not in the box", "少件", "漏发", "falta un artículo"],
    sensitive: false,
    variants: {
      en: {
        body: `${GREETING.en}

Sorry to hear something is missing from order {{ order.name }}.
{% if order.fulfillment_status == "partial" %}
Good news: nothing is lost. Your order ships in more than one parcel, and the remaining item is still on its way. You'll get a separate email with its tracking link.
{% else %}
Your order included:{% for item in order.line_items %}
- {{ item.quantity }} × {{ item.title }}{% endfor %}

Could you tell me which item is missing? I'll send it out straight away at no cost.
{% endif %}
${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

很抱歉订单 {{ order.name }} 的包裹里少了东西。
{% if order.fulfillment_status == "partial" %}
好消息是商品并没有丢失：您的订单分多个包裹发出，剩余商品仍在路上，您会另外收到一封附有物流链接的邮件。
{% else %}
您的订单包含：{% for item in order.line_items %}
- {{ item.title }} × {{ item.quantity }}{% endfor %}

请告诉我缺少的是哪件商品，我会立即免费为您补发。
{% endif %}
${SIGN_OFF.zh}`,
      },
    },
  },
];

// Seeded templates: shipping and delivery.
import { GREETING, SIGN_OFF, type SeededTemplate } from "./library-shared";

export const SHIPPING_TEMPLATES: readonly SeededTemplate[] = [
  {
    key: "shipping_tracking_not_updating",
    name: "Tracking hasn't updated",
    category: "shipping_delivery",
    keywords: ["tracking not updating", "stuck", "in transit", "no movement", "物流不更新", "卡住", "seguimiento no se actualiza"],
    sensitive: false,
    variants: {
      en: {
        body: `${GREETING.en}

I understand how frustrating it is when tracking stops moving. I've checked order {{ order.name }}{% if order.carrier %} with {{ order.carrier }}{% endif %}: the parcel is still in the carrier's network, and pauses of a few days are common at sorting hubs and customs.
{% if order.tracking_url %}
Latest tracking: {{ order.tracking_url }}{% endif %}

I'll keep an eye on it for you. If there's no new scan within 3 business days, I'll open a trace with the carrier and, if it's lost, send a replacement or refund right away, so you won't need to chase us.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

物流信息迟迟不更新确实让人着急，我完全理解。我已查询订单 {{ order.name }}{% if order.carrier %}（{{ order.carrier }}）{% endif %}：包裹仍在承运商的运输网络中，在分拨中心或清关环节停留几天是常见情况。
{% if order.tracking_url %}
最新物流信息：{{ order.tracking_url }}{% endif %}

我会持续为您跟进。如果 3 个工作日内仍没有新的扫描记录，我会向承运商发起查件；若确认丢件，我们会立即为您补发或退款，您无需再来回催促。

${SIGN_OFF.zh}`,
      },
      es: {
        body: `${GREETING.es}

Entiendo lo frustrante que es ver que el seguimiento no avanza. He revisado el pedido {{ order.name }}{% if order.carrier %} con {{ order.carrier }}{% endif %}: el paquete sigue en la red de la empresa de transporte, y es habitual que se detenga unos días en centros de clasificación o en aduanas.
{% if order.tracking_url %}
Seguimiento actualizado: {{ order.tracking_url }}{% endif %}

Voy a estar pendiente. Si no hay ningún movimiento en 3 días hábiles, abriré una reclamación con la empresa de transporte y, si se ha perdido, te enviaremos un reemplazo o te haremos el reembolso de inmediato, sin que tengas que volver a escribirnos.

${SIGN_OFF.es}`,
      },
    },
  },
  {
    key: "shipping_delivered_not_received",
    name: "Marked delivered but not received",
    category: "shipping_delivery",
    keywords: ["delivered not received", "missing parcel", "stolen", "显示签收", "没收到", "entregado pero no recibido"],
    sensitive: false,
    variants: {
      en: {
        body: `${GREETING.en}

I'm sorry your parcel hasn't turned up. The carrier marked order {{ order.name }} as delivered{% if order.delivered_at %} on {{ order.delivered_at | date: "weekday_day_month" }}{% endif %}, so here's what usually finds it:

1. Check around your door, mailbox, garage or any safe place the driver may have used.
2. Ask neighbours and your building's reception or mailroom.
3. Parcels marked delivered sometimes arrive a day later, so give it until tomorrow.

If it still hasn't appeared, reply to this email and I'll open a claim with {{ order.carrier | default: "the carrier" }} and arrange a replacement or refund for you.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

很抱歉您还没有收到包裹。承运商显示订单 {{ order.name }} 已{% if order.delivered_at %}于{{ order.delivered_at | date: "weekday_day_month" }}{% endif %}签收，以下方法通常能帮您找到它：

1. 查看门口、信箱、车库或快递员可能放置的其他位置；
2. 问问邻居、前台或物业收发室；
3. 有时显示签收后包裹会晚一天送到，可以再等到明天。

如果仍未找到，请直接回复此邮件，我会向{{ order.carrier | default: "承运商" }}提出索赔，并为您安排补发或退款。

${SIGN_OFF.zh}`,
      },
      es: {
        body: `${GREETING.es}

Siento mucho que tu paquete no haya aparecido. La empresa de transporte marcó el pedido {{ order.name }} como entregado{% if order.delivered_at %} el {{ order.delivered_at | date: "weekday_day_month" }}{% endif %}; esto es lo que suele ayudar a encontrarlo:

1. Revisa la puerta, el buzón, el garaje o cualquier lugar seguro donde el repartidor haya podido dejarlo.
2. Pregunta a tus vecinos y en la recepción o conserjería de tu edificio.
3. A veces los paquetes marcados como entregados llegan un día después; espera hasta mañana.

Si sigue sin aparecer, responde a este correo y abriré una reclamación con {{ order.carrier | default: "la empresa de transporte" }} para enviarte un reemplazo o hacerte el reembolso.

${SIGN_OFF.es}`,
      },
    },
  },
  {
    key: "shipping_address_change",
    name: "Change of shipping address",
    category: "shipping_delivery",
    keywords: ["change address", "wrong address", "update address", "修改地址", "地址错误", "cambiar dirección"],
    sensitive: false,
    variants: {
      en: {
        body: `${GREETING.en}

Thanks for letting us know.
{% if order.fulfillment_status == "unfulfilled" %}
Order {{ order.name }} hasn't shipped yet, so I can still change the address. {% prompt new_address, "New shipping address" %}I've updated it to:

{{ prompt.new_address }}

Please double-check it and reply if anything needs correcting.
{% else %}
Order {{ order.name }} has already shipped{% if order.carrier %} with {{ order.carrier }}{% endif %}, so we can no longer change the address on our side. The carrier can usually redirect it: {% if order.tracking_url %}use "change delivery" on the tracking page ({{ order.tracking_url }}){% else %}contact them with your tracking number{% endif %}. If the parcel comes back to us, I'll reship it to the right address at no cost.
{% endif %}
${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

感谢您及时告知。
{% if order.fulfillment_status == "unfulfilled" %}
订单 {{ order.name }} 还未发货，地址仍可修改。{% prompt new_address, "New shipping address" %}我已将收货地址更新为：

{{ prompt.new_address }}

请再核对一遍，如需更正，直接回复即可。
{% else %}
订单 {{ order.name }} 已经发出{% if order.carrier %}（{{ order.carrier }}）{% endif %}，我们这边无法再修改地址。承运商一般可以改派：{% if order.tracking_url %}请在物流页面（{{ order.tracking_url }}）选择“修改派送”{% else %}请凭运单号联系承运商{% endif %}。如果包裹被退回给我们，我们会免费按正确地址重新寄出。
{% endif %}
${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "shipping_customs_duties",
    name: "Customs and import duties",
    category: "shipping_delivery",
    keywords: ["customs", "duties", "import tax", "held at customs", "关税", "清关", "aduana"],
    sensitive: false,
    variants: {
      en: {
        body: `${GREETING.en}

Good question. Order {{ order.name }} ships internationally{% if order.shipping_country %} to {{ order.shipping_country }}{% endif %}, so it passes through customs on arrival. Any import duties or taxes are set by your country's customs office, not by us, and the carrier collects them before delivery.

Customs checks usually add 1–3 business days. If the carrier asks you for documents or payment, reply here and I'll send you the commercial invoice straight away.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        body: `${GREETING.zh}

这个问题问得好。订单 {{ order.name }} 属于国际运输{% if order.shipping_country %}（寄往{{ order.shipping_country }}）{% endif %}，到达后需要清关。进口关税或税费由您所在国家的海关核定，而非我们收取，承运商会在派送前向您代收。

清关通常会多花 1–3 个工作日。如果承运商要求您提供资料或付款，请在这里回复，我会立即把商业发票发给您。

${SIGN_OFF.zh}`,
      },
    },
  },
];

// Seeded templates: order status.
import { GREETING, SIGN_OFF, type SeededTemplate } from "./library-shared";

export const ORDER_TEMPLATES: readonly SeededTemplate[] = [
  {
    key: "order_where_is_my_order",
    name: "Where is my order?",
    category: "order_status",
    keywords: ["where is my order", "wismo", "tracking", "status", "订单状态", "物流", "dónde está mi pedido", "seguimiento"],
    sensitive: false,
    variants: {
      en: {
        subject: "Your order {{ order.name }}",
        body: `${GREETING.en}

Thanks for checking in on order {{ order.name }}.
{% if order.financial_status == "refunded" or order.financial_status == "voided" %}
This order was cancelled and refunded, so nothing is on its way. If that's unexpected, just reply and I'll look into it.
{% elsif order.delivered_at %}
Our records show it was delivered on {{ order.delivered_at | date: "long" }}{% if order.shipping_city %} in {{ order.shipping_city }}{% endif %}. If you can't find it, please check with neighbours or your building's mailroom, then let me know and I'll open an investigation with the carrier.
{% elsif order.fulfillment_status == "fulfilled" or order.fulfillment_status == "partial" %}
{% if order.fulfillment_status == "partial" %}Part of your order is{% else %}Good news: your order is{% endif %} on its way{% if order.carrier %} with {{ order.carrier }}{% endif %}.{% if order.estimated_delivery %} It should arrive by {{ order.estimated_delivery | date: "weekday_day_month" }}.{% endif %}
{% if order.tracking_url %}Follow it here: {{ order.tracking_url }}{% elsif order.tracking_number %}Tracking number: {{ order.tracking_number }}{% endif %}
{% else %}
It hasn't shipped yet: we're preparing it now. As soon as it leaves our warehouse, you'll get an email with the tracking link.
{% endif %}
Anything else I can help with? Just reply to this message.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        subject: "您的订单 {{ order.name }}",
        body: `${GREETING.zh}

感谢您关注订单 {{ order.name }} 的进度。
{% if order.financial_status == "refunded" or order.financial_status == "voided" %}
该订单已取消并退款，因此不会再发货。如果这与您的预期不符，请直接回复，我会马上为您核实。
{% elsif order.delivered_at %}
系统显示包裹已于{{ order.delivered_at | date: "long" }}签收{% if order.shipping_city %}（{{ order.shipping_city }}）{% endif %}。如果您没有找到包裹，请先问问邻居或物业收发室；若仍未找到，请告诉我，我会立即联系快递公司调查。
{% elsif order.fulfillment_status == "fulfilled" or order.fulfillment_status == "partial" %}
{% if order.fulfillment_status == "partial" %}您的部分商品{% else %}好消息，您的订单{% endif %}已经发出{% if order.carrier %}，承运商为 {{ order.carrier }}{% endif %}。{% if order.estimated_delivery %}预计{{ order.estimated_delivery | date: "weekday_day_month" }}前送达。{% endif %}
{% if order.tracking_url %}物流查询：{{ order.tracking_url }}{% elsif order.tracking_number %}运单号：{{ order.tracking_number }}{% endif %}
{% else %}
您的订单还未发货，我们正在为您备货。包裹一出库，您就会收到附有物流链接的邮件。
{% endif %}
如还有其他问题，直接回复即可。

${SIGN_OFF.zh}`,
      },
      es: {
        subject: "Tu pedido {{ order.name }}",
        body: `${GREETING.es}

Gracias por escribirnos sobre el pedido {{ order.name }}.
{% if order.financial_status == "refunded" or order.financial_status == "voided" %}
Este pedido se canceló y se reembolsó, así que no hay ningún envío en camino. Si no esperabas esto, responde a este mensaje y lo reviso enseguida.
{% elsif order.delivered_at %}
Según nuestros registros, se entregó el {{ order.delivered_at | date: "long" }}{% if order.shipping_city %} en {{ order.shipping_city }}{% endif %}. Si no lo encuentras, pregunta a tus vecinos o en la conserjería de tu edificio; si sigue sin aparecer, avísame y abriré una investigación con la empresa de transporte.
{% elsif order.fulfillment_status == "fulfilled" or order.fulfillment_status == "partial" %}
{% if order.fulfillment_status == "partial" %}Parte de tu pedido ya está{% else %}¡Buenas noticias! Tu pedido ya está{% endif %} en camino{% if order.carrier %} con {{ order.carrier }}{% endif %}.{% if order.estimated_delivery %} Debería llegar a más tardar el {{ order.estimated_delivery | date: "weekday_day_month" }}.{% endif %}
{% if order.tracking_url %}Puedes seguirlo aquí: {{ order.tracking_url }}{% elsif order.tracking_number %}Número de seguimiento: {{ order.tracking_number }}{% endif %}
{% else %}
Todavía no se ha enviado: lo estamos preparando. En cuanto salga de nuestro almacén, recibirás un correo con el enlace de seguimiento.
{% endif %}
¿Puedo ayudarte con algo más? Solo tienes que responder a este mensaje.

${SIGN_OFF.es}`,
      },
    },
  },
  {
    key: "order_processing_delay",
    name: "Order is taking longer than usual",
    category: "order_status",
    keywords: ["delay", "late", "processing", "not shipped", "延迟", "未发货", "retraso"],
    sensitive: false,
    variants: {
      en: {
        subject: "An update on order {{ order.name }}",
        body: `${GREETING.en}

I'm sorry: order {{ order.name }} is taking longer to leave our warehouse than we promised. {% prompt new_ship_date, "New ship date (e.g. Friday, March 21)" %}We now expect to ship it by {{ prompt.new_ship_date }}, and you'll get the tracking link the same day.

If you'd rather not wait, reply "cancel" and I'll cancel the order and refund {{ order.total | money }} in full.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        subject: "订单 {{ order.name }} 的最新进展",
        body: `${GREETING.zh}

非常抱歉，订单 {{ order.name }} 的出库时间比我们承诺的要晚。{% prompt new_ship_date, "New ship date (e.g. Friday, March 21)" %}我们预计在{{ prompt.new_ship_date }}前发货，发货当天您就会收到物流链接。

如果您不想继续等待，回复“取消”即可，我们会取消订单并全额退还 {{ order.total | money }}。

${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "order_cancellation_confirmed",
    name: "Cancellation confirmed",
    category: "order_status",
    keywords: ["cancel", "cancellation", "cancelled", "取消订单", "cancelar"],
    sensitive: false,
    variants: {
      en: {
        subject: "Order {{ order.name }} is cancelled",
        body: `${GREETING.en}

Done: order {{ order.name }} is cancelled. Your refund of {{ order.total | money }} is on its way to your original payment method; depending on your bank, it shows up within 5–10 business days.

Sorry this one didn't work out. If you change your mind, we'd be happy to help you place a new order.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        subject: "订单 {{ order.name }} 已取消",
        body: `${GREETING.zh}

订单 {{ order.name }} 已为您取消。{{ order.total | money }} 的退款已原路退回，具体到账时间取决于您的银行，一般为 5–10 个工作日。

很遗憾这次没能为您服务好。如果您改变主意，我们随时乐意帮您重新下单。

${SIGN_OFF.zh}`,
      },
    },
  },
  {
    key: "order_summary",
    name: "Order details",
    category: "order_status",
    keywords: ["order details", "summary", "what did I order", "items", "订单详情", "商品明细", "detalles del pedido"],
    sensitive: false,
    variants: {
      en: {
        subject: "Details of order {{ order.name }}",
        body: `${GREETING.en}

Here are the details of order {{ order.name }}, placed on {{ order.created_at | date: "long" }}:
{% for item in order.line_items %}
- {{ item.quantity }} × {{ item.title }}{% endfor %}

Total: {{ order.total | money }}

Let me know if anything doesn't look right.

${SIGN_OFF.en}`,
      },
      "zh-CN": {
        subject: "订单 {{ order.name }} 详情",
        body: `${GREETING.zh}

以下是您于{{ order.created_at | date: "long" }}下的订单 {{ order.name }} 的详情：
{% for item in order.line_items %}
- {{ item.title }} × {{ item.quantity }}{% endfor %}

合计：{{ order.total | money }}

如有任何不符，请告诉我。

${SIGN_OFF.zh}`,
      },
    },
  },
];

// Simplified Chinese customer messages (labels: category, severity, escalate to a human).

import { labelled as m, type LabelledMessage } from "./labelled-message";

export const CHINESE_MESSAGES: readonly LabelledMessage[] = [
  // 订单状态
  m("zh-CN", "order_status", "L3", false, "你好，我的订单到哪了？下单三天了还没有物流信息"),
  m("zh-CN", "order_status", "L3", false, "请问什么时候发货？订单号 #8812"),
  m("zh-CN", "order_status", "L3", false, "能给我一下快递单号吗？"),
  m("zh-CN", "order_status", "L2", false, "说好的五天送到，现在已经十天了还没收到，怎么回事？"),
  m("zh-CN", "order_status", "L3", false, "物流一直显示在清关，大概还要多久？"),
  m("zh-CN", "order_status", "L3", false, "我不是很失望，就是想问一下包裹什么时候能到"),
  m("zh-CN", "order_status", "L2", true, "两个星期了还没发货，太失望了，我要投诉！"),
  // 签收未收到 / 破损 / 错发 / 漏发
  m("zh-CN", "damaged_wrong_missing", "L2", false, "物流显示已签收，但是我根本没收到包裹"),
  m("zh-CN", "damaged_wrong_missing", "L3", false, "收到的杯子碎了，附上照片，麻烦补发一个", "", {
    attachments: [{ contentType: "image/jpeg", filename: "破损.jpg" }],
  }),
  m("zh-CN", "damaged_wrong_missing", "L3", false, "发错货了，我买的是黑色，收到的是白色"),
  m("zh-CN", "damaged_wrong_missing", "L3", false, "少发了一件，订单里有两条裤子，只收到一条"),
  m("zh-CN", "damaged_wrong_missing", "L3", false, "包裹外箱压坏了，里面的盒子也变形了"),
  m("zh-CN", "damaged_wrong_missing", "L3", false, "收到的尺码不对，我下单的是L码，发来的是S码"),
  // 修改地址
  m("zh-CN", "shipping_address", "L3", false, "收货地址填错了，能帮我改一下吗？"),
  m("zh-CN", "shipping_address", "L3", false, "我想修改收件人电话和地址，还没发货吧？"),
  m("zh-CN", "shipping_address", "L3", false, "麻烦把地址改成上海市浦东新区世纪大道100号"),
  // 取消订单
  m("zh-CN", "cancellation", "L3", false, "请帮我取消订单，拍错了"),
  m("zh-CN", "cancellation", "L3", false, "我不想要了，可以取消吗？还没发货"),
  m("zh-CN", "cancellation", "L3", false, "怎么取消订单？页面上找不到按钮"),
  // 退货退款
  m("zh-CN", "return_refund", "L3", false, "衣服尺码偏小，我想退货，怎么操作？"),
  m("zh-CN", "return_refund", "L3", false, "退货已经寄回一周了，退款什么时候到账？"),
  m("zh-CN", "return_refund", "L3", false, "可以换货吗？想换大一码"),
  m("zh-CN", "return_refund", "L1", true, "再不给我退款，我就去12315投诉，找律师起诉你们"),
  m("zh-CN", "payment_invoice", "L1", true, "已经申请信用卡拒付了，你们看着办"),
  m("zh-CN", "return_refund", "L2", false, "用了两天就坏了，质量太差了，我要退款"),
  // 付款发票
  m("zh-CN", "payment_invoice", "L3", false, "怎么开发票？需要公司抬头和税号"),
  m("zh-CN", "payment_invoice", "L3", false, "付款失败了，但是钱已经扣了"),
  m("zh-CN", "payment_invoice", "L1", true, "我的信用卡被盗刷了，有一笔你们店的消费不是我买的"),
  m("zh-CN", "payment_invoice", "L3", false, "重复扣款了，同一个订单扣了两次钱"),
  m("zh-CN", "payment_invoice", "L3", false, "可以用支付宝或者微信支付吗？"),
  // 商品咨询
  m("zh-CN", "product_question", "L3", false, "这款有大码吗？我平时穿XL"),
  m("zh-CN", "product_question", "L3", false, "请问这个面料是纯棉的吗？会不会起球？"),
  m("zh-CN", "product_question", "L3", false, "这个充电器支持快充吗？"),
  m("zh-CN", "product_question", "L3", false, "什么时候补货？一直显示缺货"),
  // 投诉 / 安全 / 舆论
  m("zh-CN", "complaint", "L2", true, "你们客服态度太差了，我要投诉"),
  m("zh-CN", "complaint", "L2", true, "太失望了，这质量也太差了吧，跟图片完全不一样"),
  m("zh-CN", "complaint", "L1", true, "充电宝充电的时候冒烟了，差点着火，太危险了！"),
  m("zh-CN", "complaint", "L1", true, "不解决我就发到小红书和微博上曝光你们"),
  m("zh-CN", "complaint", "L1", true, "孩子用了你们的面霜过敏了，脸都肿了，已经去医院了"),
  // 问候 / 其他
  m("zh-CN", "other", "L3", false, "你好"),
  m("zh-CN", "other", "L3", false, "谢谢，已经收到了，很满意"),
  m("zh-CN", "other", "L3", false, "建议你们增加一个礼品包装的选项"),
  m("zh-CN", "other", "L3", false, "在吗？"),
];

import { describe, expect, it } from "vitest";
import { findOrderMentions, orderNumberOf } from "./order-mentions";

const RANGE = { min: 1001, max: 4000 };
const names = (text: string, range: { min: number; max: number } | null = RANGE) => findOrderMentions(text, { range }).map((mention) => mention.name);

describe("findOrderMentions: explicit mentions (a # or an order keyword)", () => {
  it.each([
    ["en: hash", "Where is #1001?", ["#1001"]],
    ["en: order", "My order 1002 has not arrived", ["#1002"]],
    ["en: order #", "Re: order #1003 (damaged)", ["#1003"]],
    ["en: order number is", "Order number is 1004, thanks", ["#1004"]],
    ["en: order no.", "order no. 1005", ["#1005"]],
    ["en: orders list", "orders #1006 and #1007", ["#1006", "#1007"]],
    ["zh-CN: 订单", "我的订单1008还没有到", ["#1008"]],
    ["zh-CN: 订单号：", "订单号：1009", ["#1009"]],
    ["zh-CN: 订单号是", "你好，我的订单号是1010，请帮我查一下", ["#1010"]],
    ["zh-CN: full-width", "订单号：＃１０１１", ["#1011"]],
    ["zh-TW: 訂單", "訂單編號 1012 還沒出貨", ["#1012"]],
    ["ja: 注文", "注文1013の配送状況を教えてください", ["#1013"]],
    ["ja: 注文番号 は", "ご注文番号は 1014 です", ["#1014"]],
    ["ja: 注文番号 full-width", "注文番号：１０１５", ["#1015"]],
    ["es: pedido", "Mi pedido 1016 llegó roto", ["#1016"]],
    ["es: pedido n.º", "pedido n.º 1017", ["#1017"]],
    ["es: número de pedido", "El número de pedido es 1018", ["#1018"]],
    ["pt: pedido nº", "Meu pedido nº 1019 não chegou", ["#1019"]],
    ["de: Bestellung", "Meine Bestellung 1020 ist nicht angekommen", ["#1020"]],
    ["de: Bestellnummer", "Bestellnummer: 1021", ["#1021"]],
    ["de: Bestellung Nr.", "Bestellung Nr. 1022", ["#1022"]],
    ["fr: commande", "Ma commande 1023 est en retard", ["#1023"]],
    ["fr: commande n°", "commande n° 1024", ["#1024"]],
    ["fr: numéro de commande", "Mon numéro de commande : 1025", ["#1025"]],
    ["it: ordine", "il mio ordine 1026", ["#1026"]],
    ["nl: bestelling", "bestelling 1027 is beschadigd", ["#1027"]],
    ["ko: 주문번호", "주문번호 1028", ["#1028"]],
  ])("%s", (_label, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it("accepts explicit mentions outside the range (the shop may have more orders than we know)", () => {
    expect(names("order #98765", RANGE)).toEqual(["#98765"]);
    expect(names("order #98765", null)).toEqual(["#98765"]);
  });

  it("marks explicit mentions and keeps the first occurrence once", () => {
    const mentions = findOrderMentions("#1001 … again #1001, and 1002", { range: RANGE });
    expect(mentions).toEqual([
      { number: 1001, name: "#1001", explicit: true, index: 1 },
      { number: 1002, name: "#1002", explicit: false, index: expect.any(Number) },
    ]);
  });
});

describe("findOrderMentions: bare numbers only inside the shop's order range", () => {
  it.each([
    ["en", "It's 1030 and it never came", ["#1030"]],
    ["zh-CN", "1031 还没收到", ["#1031"]],
    ["ja", "1032が届きません", ["#1032"]],
  ])("%s: a bare number in range", (_label, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it("ignores bare numbers when the range is unknown or they fall outside it", () => {
    expect(names("It's 1030 and it never came", null)).toEqual([]);
    expect(names("I waited 5000 minutes", RANGE)).toEqual([]);
    expect(names("Only 999 left", RANGE)).toEqual([]);
  });
});

describe("findOrderMentions: no false positives", () => {
  it.each([
    ["prices with symbols", "It cost $1500 and €2000 and ¥3000 and ￥1200"],
    ["prices with words", "I paid 1500 USD, 2000 dollars, 3000 元, 1200円, 1800 yuan"],
    ["decimals and thousands", "Total 1,500.00 or 15.00 or 1.234"],
    ["quantities", "I need 1200 pcs, 1500 units, 2000 items, 1100 Stück, 1300件, 1400个"],
    ["years", "I bought it in 2024, since 2019, back in March 2023, 2022年"],
    ["dates", "Delivered 2024-05-01 or 05/01/2024 or 1.5.2024"],
    ["times", "at 10:30 or 1030-1100"],
    ["phone numbers", "Call me on +1 (555) 123-4567 or 555 1234 or +86 138 0013 8000"],
    ["tracking numbers", "Tracking 1Z999AA10123456784, SF1234567890, 9400 1000 0000 0000 0000 00, 123456789012"],
    ["zip codes with letters", "Ship to 10115 Berlin, SW1A 1AA"],
    ["numbers with leading zero", "order #0123 code 01234"],
    ["amounts after an order keyword", "I want to order 1500 units"],
    ["short numbers", "#1 support, order 12, 订单5"],
    ["product codes", "Model X-2000 and size 1500ml and SKU-1234"],
  ])("%s", (_label, text) => {
    expect(names(text)).toEqual([]);
  });

  it("finds the real order among noise", () => {
    const text = "Hi, my order #2051 (3 items, $1,250.00) shipped 2024-11-02 with tracking 1Z999AA10123456784. Call 555 1234.";
    expect(names(text)).toEqual(["#2051"]);
  });

  it("handles an empty text", () => {
    expect(findOrderMentions("")).toEqual([]);
  });
});

describe("orderNumberOf", () => {
  it("reads Shopify's default order names", () => {
    expect(orderNumberOf("#1001")).toBe(1001);
    expect(orderNumberOf(" 1002 ")).toBe(1002);
    expect(orderNumberOf("SD-1001")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { buildTemplateContext, type CustomerInput, type OrderInput, type TemplateContextInput } from "./context";
import { parseTemplate, renderTemplate } from "./engine";
import { LIBRARY_LANGUAGES, SEEDED_TEMPLATES, TEMPLATE_CATEGORIES, type SeededTemplateVariant } from "./library";

const lineItems = [
  { title: "Linen shirt", quantity: 1, sku: "LS-M-OAT" },
  { title: "Canvas tote", quantity: 2, sku: null },
];
const baseOrder: OrderInput = {
  name: "#1042",
  createdAt: "2025-03-10T14:12:00Z",
  total: { amount: "89.90", currencyCode: "USD" },
  lineItems,
  shippingCity: "Portland",
  shippingCountry: "United States",
};

const ORDERS: Record<string, OrderInput> = {
  unfulfilled: { ...baseOrder, financialStatus: "PAID", fulfillmentStatus: "UNFULFILLED" },
  in_transit: {
    ...baseOrder, financialStatus: "PAID", fulfillmentStatus: "FULFILLED", carrier: "UPS",
    trackingNumber: "1Z999AA10123456784", trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
    estimatedDelivery: "2025-03-14",
  },
  delivered: {
    ...baseOrder, financialStatus: "PAID", fulfillmentStatus: "FULFILLED", carrier: "USPS",
    trackingNumber: "9400111899223100012345", deliveredAt: "2025-03-13T17:45:00Z",
  },
  refunded: { ...baseOrder, financialStatus: "REFUNDED", fulfillmentStatus: "UNFULFILLED" },
  partially_fulfilled: {
    ...baseOrder, financialStatus: "PAID", fulfillmentStatus: "PARTIALLY_FULFILLED", carrier: "DHL Express",
    trackingNumber: "JD014600006281230704",
  },
};

const CUSTOMERS: Record<string, Record<string, CustomerInput>> = {
  en: { named: { firstName: "Emma", lastName: "Johnson", language: "en-US" }, unnamed: { email: "e.j@example.com" } },
  "zh-CN": { named: { firstName: "小明", lastName: "王", language: "zh-CN" }, unnamed: { email: "wxm@example.cn" } },
  es: { named: { firstName: "Lucía", lastName: "García", language: "es-MX" }, unnamed: { email: "lg@example.mx" } },
};

const PROMPT_VALUES: Record<string, string> = {
  return_address: "Returns Dept., 120 Harbor St, Portland, OR 97201",
  refund_amount: "$42.00",
  new_ship_date: "Friday, March 21",
  new_address: "55 Pine St, Apt 4, Seattle, WA 98101",
  exchange_item: "Linen shirt, size L, Oat",
  recommended_size: "M",
  product_name: "Canvas tote",
  restock_date: "April 2",
  cause: "Your parcel was packed without enough padding.",
  solution: "a replacement is on its way by express shipping",
  solution_date: "Friday, March 21",
  discount_code: "SORRY20",
  discount_value: "20%",
};

function contextFor(language: string, customer: CustomerInput, order: OrderInput, shopOverrides = {}) {
  const input: TemplateContextInput = {
    customer,
    order,
    ticket: { number: 1187, subject: "Question about my order", channel: "email", createdAt: "2025-03-15T21:05:00Z" },
    agent: { firstName: language === "zh-CN" ? "丽丽" : "Sam", name: "Sam Lee" },
    shop: {
      name: "Northwind Goods", email: "help@northwind.example", domain: "northwind.example",
      supportHours: "Mon–Fri 9:00–18:00", nextOpenTime: "2025-03-17T08:00:00Z",
      expectedReplyTime: "2025-03-17T12:00:00Z", currencyCode: "USD", ...shopOverrides,
    },
  };
  return buildTemplateContext(input);
}

function variantsOf(template: (typeof SEEDED_TEMPLATES)[number]): Array<[string, SeededTemplateVariant]> {
  return Object.entries(template.variants).filter((entry): entry is [string, SeededTemplateVariant] => !!entry[1]);
}

describe("seeded template library: shape", () => {
  it("has at least 24 templates with unique keys and names", () => {
    expect(SEEDED_TEMPLATES.length).toBeGreaterThanOrEqual(24);
    expect(new Set(SEEDED_TEMPLATES.map((t) => t.key)).size).toBe(SEEDED_TEMPLATES.length);
    expect(new Set(SEEDED_TEMPLATES.map((t) => t.name)).size).toBe(SEEDED_TEMPLATES.length);
  });

  it("covers every category", () => {
    const used = new Set(SEEDED_TEMPLATES.map((t) => t.category));
    for (const category of TEMPLATE_CATEGORIES) expect(used, category).toContain(category);
  });

  it("has English and Simplified Chinese for every template and Spanish for at least 8", () => {
    for (const template of SEEDED_TEMPLATES) {
      expect(template.variants.en.body.length, template.key).toBeGreaterThan(50);
      expect(template.variants["zh-CN"].body, template.key).toMatch(/[\u4e00-\u9fff]/);
    }
    const spanish = SEEDED_TEMPLATES.filter((t) => t.variants.es);
    expect(spanish.length).toBeGreaterThanOrEqual(8);
    for (const template of spanish) expect(template.variants.es?.body, template.key).toMatch(/[áéíóúñ¿¡]/);
    for (const template of SEEDED_TEMPLATES) {
      for (const [language] of variantsOf(template)) expect(LIBRARY_LANGUAGES).toContain(language);
    }
  });

  it("gives every template keywords and flags refunds above threshold and policy exceptions as sensitive", () => {
    for (const template of SEEDED_TEMPLATES) expect(template.keywords.length, template.key).toBeGreaterThanOrEqual(3);
    const byKey = new Map(SEEDED_TEMPLATES.map((t) => [t.key, t]));
    expect(byKey.get("refund_above_threshold_approved")?.sensitive).toBe(true);
    expect(byKey.get("return_outside_window_exception")?.sensitive).toBe(true);
    expect(byKey.get("order_where_is_my_order")?.sensitive).toBe(false);
  });

  it("includes the four-step public complaint reply and the out-of-hours acknowledgement", () => {
    const complaint = SEEDED_TEMPLATES.find((t) => t.key === "complaint_public_reply");
    const prompts = parseTemplate(complaint?.variants.en.body ?? "");
    expect(prompts.ok && prompts.prompts.map((p) => p.name)).toEqual(["cause", "solution", "solution_date"]);
    expect(complaint?.variants.en.body).toMatch(/sorry[\s\S]*thank you[\s\S]*cause[\s\S]*solution_date[\s\S]*private/i);
    const outOfHours = SEEDED_TEMPLATES.find((t) => t.key === "auto_ack_out_of_hours");
    for (const [, variant] of variantsOf(outOfHours!)) expect(variant.body).toContain("shop.expected_reply_time");
  });
});

describe("seeded template library: rendering", () => {
  for (const template of SEEDED_TEMPLATES) {
    for (const [language, variant] of variantsOf(template)) {
      it(`${template.key} [${language}] renders completely for every order and customer`, () => {
        const parsed = parseTemplate(variant.body);
        expect(parsed).toMatchObject({ ok: true, warnings: [] });
        for (const [orderState, order] of Object.entries(ORDERS)) {
          for (const [customerKind, customer] of Object.entries(CUSTOMERS[language]!)) {
            const context = contextFor(language, customer, order);
            const where = `${orderState}/${customerKind}`;
            for (const source of [variant.body, variant.subject].filter((s): s is string => !!s)) {
              const result = renderTemplate(source, context, {
                locale: language, timezone: "America/Los_Angeles", channel: "email", promptValues: PROMPT_VALUES,
              });
              if (!result.ok) throw new Error(`${where}: ${result.error.message}`);
              expect(result.missing, where).toEqual([]);
              expect(result.prompts.filter((p) => p.blocking), where).toEqual([]);
              expect(result.canSend, where).toBe(true);
              expect(result.text, where).not.toMatch(/\{\{|\{%|%\}|\}\}/);
              expect(result.text, where).not.toMatch(/ ,|，，|\(\)|（）|\[\]/);
              expect(result.text.length, where).toBeGreaterThan(source === variant.subject ? 5 : 60);
            }
          }
        }
      });
    }
  }

  it("blocks every prompted template until the agent fills the prompts", () => {
    const context = contextFor("en", CUSTOMERS.en!.named!, ORDERS.unfulfilled!);
    const prompted = SEEDED_TEMPLATES.filter((t) => /prompt\./.test(t.variants.en.body));
    expect(prompted.length).toBeGreaterThanOrEqual(5);
    for (const template of prompted) {
      const result = renderTemplate(template.variants.en.body, context, { locale: "en" });
      expect(result.ok && result.canSend, template.key).toBe(false);
      expect(result.ok && result.prompts.some((p) => p.blocking), template.key).toBe(true);
    }
  });

  it("adapts the where-is-my-order reply to the fulfillment status", () => {
    const wismo = SEEDED_TEMPLATES.find((t) => t.key === "order_where_is_my_order")!;
    const render = (state: string, language: "en" | "zh-CN" | "es") => {
      const context = contextFor(language, CUSTOMERS[language]!.named!, ORDERS[state]!);
      const result = renderTemplate(wismo.variants[language]!.body, context, { locale: language, timezone: "America/Los_Angeles" });
      return result.ok ? result.text : result.error.message;
    };
    expect(render("unfulfilled", "en")).toContain("hasn't shipped yet");
    expect(render("in_transit", "en")).toContain(
      "Good news: your order is on its way with UPS. It should arrive by Friday, March 14.\nFollow it here: https://www.ups.com/track",
    );
    expect(render("partially_fulfilled", "en")).toContain(
      "Part of your order is on its way with DHL Express.\nTracking number: JD014600006281230704",
    );
    expect(render("delivered", "en")).toContain("delivered on March 13, 2025 in Portland");
    expect(render("refunded", "en")).toContain("cancelled and refunded");
    expect(render("delivered", "zh-CN")).toContain("亲爱的王小明，您好！");
    expect(render("delivered", "zh-CN")).toContain("已于2025年3月13日签收");
    expect(render("in_transit", "es")).toContain("¡Hola, Lucía!");
    expect(render("in_transit", "es")).toContain("a más tardar el viernes, 14 de marzo");
  });

  it("states the expected reply time out of hours, and falls back when the shop has none", () => {
    const template = SEEDED_TEMPLATES.find((t) => t.key === "auto_ack_out_of_hours")!;
    const withTime = renderTemplate(template.variants.en.body, contextFor("en", CUSTOMERS.en!.unnamed!, ORDERS.unfulfilled!), {
      locale: "en", timezone: "Europe/Madrid",
    });
    expect(withTime.ok && withTime.text).toContain("You can expect a reply by Monday, March 17 at 1:00 PM.");
    const shopWithoutTimes = { expectedReplyTime: null, nextOpenTime: null };
    const without = renderTemplate(template.variants.es!.body, contextFor("es", CUSTOMERS.es!.unnamed!, ORDERS.unfulfilled!, shopWithoutTimes), {
      locale: "es",
    });
    expect(without.ok && without.text).toContain("Te responderemos en cuanto volvamos.");
    expect(without.ok && without.text.startsWith("¡Hola!")).toBe(true);
  });
});

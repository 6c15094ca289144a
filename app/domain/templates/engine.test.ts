import { describe, expect, it } from "vitest";
import { CHANNEL_LENGTH_LIMITS, lengthWarning } from "./channel-limits";
import { buildTemplateContext, type TemplateContextInput } from "./context";
import { parseTemplate, renderTemplate, type RenderResult } from "./engine";
import { formatDate, formatMoney } from "./filters";

const input: TemplateContextInput = {
  customer: { firstName: "Emma", lastName: "Stone", language: "en", ordersCount: 3, totalSpent: { amount: "250.5", currencyCode: "USD" } },
  order: {
    name: "#1001",
    createdAt: "2025-03-14T23:30:00Z",
    financialStatus: "PARTIALLY_REFUNDED",
    fulfillmentStatus: "FULFILLED",
    total: { amount: "49.90", currencyCode: "USD" },
    lineItems: [{ title: "Mug", quantity: 2, sku: "MUG" }],
    trackingUrl: "javascript:alert(1)",
    estimatedDelivery: "2025-03-18",
  },
  ticket: { number: 7, subject: "Where is it?", channel: "chat", createdAt: new Date("2025-03-15T08:00:00Z") },
  agent: { firstName: "Li" },
  shop: { name: "Acme", currencyCode: "EUR" },
};
const context = buildTemplateContext(input);

function text(result: RenderResult): string {
  if (!result.ok) throw new Error(result.error.message);
  return result.text;
}

describe("buildTemplateContext", () => {
  it("exposes only whitelisted snake_case fields with normalized values", () => {
    expect(context.customer).toEqual({
      first_name: "Emma", last_name: "Stone", name: "Emma Stone", email: null, language: "en",
      orders_count: 3, total_spent: 25050,
    });
    expect(context.order).toMatchObject({
      financial_status: "partially_refunded", fulfillment_status: "fulfilled", total: 4990, currency: "USD",
      created_at: "2025-03-14T23:30:00.000Z", estimated_delivery: "2025-03-18", line_items: [{ title: "Mug", quantity: 2, sku: "MUG" }],
    });
    expect(Object.isFrozen(context.order)).toBe(true);
  });

  it("drops non-http links, orders CJK names family-first and maps Admin API statuses", () => {
    expect(context.order?.tracking_url).toBeNull();
    const chinese = buildTemplateContext({ ...input, customer: { firstName: "小明", lastName: "王" } });
    expect(chinese.customer?.name).toBe("王小明");
    const partial = buildTemplateContext({ ...input, order: { ...input.order!, fulfillmentStatus: "PARTIALLY_FULFILLED" } });
    expect(partial.order?.fulfillment_status).toBe("partial");
    const pending = buildTemplateContext({ ...input, order: { ...input.order!, fulfillmentStatus: "IN_PROGRESS" } });
    expect(pending.order?.fulfillment_status).toBe("unfulfilled");
  });
});

describe("renderTemplate", () => {
  it("renders variables, loops and conditions on fulfillment status", () => {
    const source = `{% if order.fulfillment_status == "fulfilled" %}Shipped{% else %}Not yet{% endif %}: {% for item in order.line_items %}{{ item.quantity }}× {{ item.title }}{% endfor %}`;
    expect(text(renderTemplate(source, context))).toBe("Shipped: 2× Mug");
  });

  it("formats money in the reader's language with the order's currency", () => {
    const source = "{{ order.total | money }} / {{ order.total | money_with_currency }} / {{ order.total | money: 'EUR' }}";
    expect(text(renderTemplate(source, context, { locale: "en" }))).toBe("$49.90 / $49.90 USD / €49.90");
    expect(text(renderTemplate(source, context, { locale: "zh-CN" }))).toBe("US$49.90 / $49.90 USD / €49.90");
    expect(text(renderTemplate("{{ order.total | money }}", context, { locale: "es", currency: "EUR" }))).toBe("49,90\u00a0€");
  });

  it("formats dates in the customer's zone and language", () => {
    const source = `{{ order.created_at | date: "long" }}`;
    expect(text(renderTemplate(source, context, { locale: "en", timezone: "America/New_York" }))).toBe("March 14, 2025");
    expect(text(renderTemplate(source, context, { locale: "zh-CN", timezone: "Asia/Shanghai" }))).toBe("2025年3月15日");
    expect(text(renderTemplate(source, context, { locale: "es", timezone: "Europe/Madrid" }))).toBe("15 de marzo de 2025");
    const strftime = `{{ order.created_at | date: "%A, %B %-d at %-I:%M %p" }}`;
    expect(text(renderTemplate(strftime, context, { timezone: "America/Los_Angeles" }))).toBe("Friday, March 14 at 4:30 PM");
  });

  it("keeps calendar dates on their day in every time zone", () => {
    const source = `{{ order.estimated_delivery | date: "weekday_day_month" }}`;
    expect(text(renderTemplate(source, context, { timezone: "Pacific/Honolulu" }))).toBe("Tuesday, March 18");
    expect(text(renderTemplate(source, context, { timezone: "Asia/Tokyo", locale: "zh-CN" }))).toBe("3月18日星期二");
  });

  it("falls back to UTC and English for an unknown zone or language", () => {
    expect(text(renderTemplate(`{{ order.created_at | date: "date_at_time" }}`, context, { timezone: "Mars/Olympus", locale: "??" })))
      .toBe("March 14, 2025 at 11:30 PM");
  });

  it("tidies blank lines and trailing spaces left by tags", () => {
    const source = "Hello   \n{% if false %}\nnever\n{% endif %}\n\n\n\nBye\n";
    expect(text(renderTemplate(source, context))).toBe("Hello\n\nBye");
  });

  it("blocks text that would show Liquid delimiters to the customer", () => {
    const tricky = buildTemplateContext({ ...input, customer: { firstName: "{{ hack }}" } });
    const result = renderTemplate("Hi {{ customer.first_name }}", tricky);
    expect(result).toMatchObject({ ok: true, canSend: false, warnings: [{ code: "liquid_in_output", blocking: true }] });
  });
});

describe("prompts", () => {
  const source = `{% prompt discount_code, "Discount code" %}Use {{ prompt.discount_code }} at checkout.{% if prompt.note %} {{ prompt.note }}{% endif %}{% if false %}{{ prompt.unused }}{% endif %}`;

  it("declares prompts by use, labels them from the tag, and blocks only printed unfilled ones", () => {
    const result = renderTemplate(source, context);
    expect(result).toMatchObject({
      ok: true,
      canSend: false,
      prompts: [
        { name: "discount_code", label: "Discount code", filled: false, blocking: true },
        { name: "note", label: "Note", filled: false, blocking: false },
        { name: "unused", label: "Unused", filled: false, blocking: false },
      ],
    });
  });

  it("fills prompts from promptValues, trimming them and ignoring blanks", () => {
    const result = renderTemplate(source, context, { promptValues: { discount_code: "  SAVE10 ", note: "   " } });
    expect(result).toMatchObject({ ok: true, canSend: true, text: "Use SAVE10 at checkout." });
    expect(result.ok && result.prompts[0]).toMatchObject({ value: "SAVE10", filled: true, blocking: false });
  });

  it("shows the label where an unfilled prompt goes in preview", () => {
    expect(text(renderTemplate(source, context, { preview: true }))).toBe("Use [Discount code] at checkout.");
  });

  it("reports prompt declarations and bad prompt tags at parse time", () => {
    expect(parseTemplate(source)).toMatchObject({ ok: true, prompts: [{ name: "discount_code" }, { name: "note" }, { name: "unused" }] });
    expect(parseTemplate(`Hi\n{% prompt Discount-Code %}`)).toMatchObject({ ok: false, error: { line: 2, column: 1 } });
    expect(parseTemplate(`{% prompt code, label %}`)).toMatchObject({ ok: false, error: { message: expect.stringContaining("quoted label") } });
  });
});

describe("parseTemplate", () => {
  it("accepts a valid template and warns about unknown variables with their position", () => {
    expect(parseTemplate("Hi {{ customer.first_name }}")).toEqual({ ok: true, prompts: [], warnings: [] });
    const result = parseTemplate("Hi {{ customer.firstname }}\n{{ custmer.name }}");
    expect(result).toMatchObject({
      ok: true,
      warnings: [
        { code: "unknown_variable", path: "customer.firstname", line: 1, column: 7 },
        { code: "unknown_variable", path: "custmer", line: 2, column: 4 },
      ],
    });
  });

  it("reports syntax errors with line and column", () => {
    expect(parseTemplate("Hi\n\n  {% if order.name %}yes")).toEqual({
      ok: false, error: { message: "tag {% if order.name %} not closed", line: 3, column: 3 },
    });
    expect(parseTemplate("Hi {{ customer.first_name | shout }}")).toEqual({
      ok: false, error: { message: "undefined filter: shout", line: 1, column: 4 },
    });
    expect(parseTemplate("{{ customer.first_name ")).toMatchObject({ ok: false, error: { line: 1, column: 1 } });
  });

  it("returns the same syntax error from renderTemplate", () => {
    expect(renderTemplate("{% for x in %}", context)).toMatchObject({ ok: false, error: { kind: "syntax", line: 1 } });
  });
});

describe("channel length warnings", () => {
  it("warns over the channel limit, counting characters rather than UTF-16 units", () => {
    expect(CHANNEL_LENGTH_LIMITS.email).toBeNull();
    expect(lengthWarning("x".repeat(5_000), "email")).toBeNull();
    expect(lengthWarning("😀".repeat(1_000), "chat")).toBeNull();
    expect(lengthWarning("中".repeat(1_001), "chat")).toMatchObject({ code: "too_long", length: 1_001, limit: 1_000 });
    expect(lengthWarning("x".repeat(2_001), "social")).toMatchObject({ limit: 2_000 });
    expect(lengthWarning("x".repeat(4_001), "marketplace")).toMatchObject({ limit: 4_000 });
  });

  it("adds the warning to a render without blocking it", () => {
    const result = renderTemplate(`{% for i in (1..60) %}Thanks for waiting. {% endfor %}`, context, { channel: "chat" });
    expect(result).toMatchObject({ ok: true, canSend: true, warnings: [{ code: "too_long", channel: "chat", blocking: false }] });
  });
});

describe("filter helpers", () => {
  it("format money and dates directly", () => {
    expect(formatMoney(123456, "JPY", "en")).toBe("¥1,235");
    expect(formatMoney(4990, "XYZ1", "en")).toBe("49.90 XYZ1");
    expect(formatDate(null, "long", { locale: "en", timezone: "UTC", currency: "USD" })).toBe("");
    expect(formatDate("2025-03-14T10:00:00Z", "%Y-%m-%d %H:%M %%", { locale: "en", timezone: "Asia/Shanghai", currency: "USD" }))
      .toBe("2025-03-14 18:00 %");
  });
});

import { describe, expect, it } from "vitest";
import { buildTemplateContext, type TemplateContextInput } from "./context";
import { renderTemplate, type RenderResult } from "./engine";

const fullInput: TemplateContextInput = {
  customer: { firstName: "Ana", lastName: "Ruiz", ordersCount: 0 },
  order: {
    name: "#1001",
    createdAt: "2025-03-10T10:00:00Z",
    lineItems: [
      { title: "Mug", quantity: 1, sku: "MUG-1" },
      { title: "Tea", quantity: 2, sku: null },
      { title: "Spoon", quantity: 1, sku: null },
    ],
  },
  shop: { name: "Tea House" },
};
const full = buildTemplateContext(fullInput);
const nameless = buildTemplateContext({ ...fullInput, customer: { email: "x@example.com", firstName: "   " } });
const withoutOrder = buildTemplateContext({ ...fullInput, order: null });

function ok(result: RenderResult) {
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe("missing-value detection", () => {
  it("reports a printed variable that is blank, with its line and column, and blocks sending", () => {
    const result = ok(renderTemplate("Thanks!\n  Hi {{ customer.first_name }},", nameless));
    expect(result.text).toBe("Thanks!\n  Hi ,");
    expect(result.missing).toEqual([{ path: "customer.first_name", line: 2, column: 9 }]);
    expect(result.canSend).toBe(false);
  });

  it("accepts the value when present, and a `default` fallback when absent", () => {
    const source = "Hi {{ customer.first_name | default: \"there\" }},";
    expect(ok(renderTemplate(source, full))).toMatchObject({ text: "Hi Ana,", missing: [], canSend: true });
    expect(ok(renderTemplate(source, nameless))).toMatchObject({ text: "Hi there,", missing: [], canSend: true });
  });

  it("does not report a value guarded by a condition that was not taken", () => {
    const source = "Hi{% if customer.first_name %} {{ customer.first_name }}{% endif %}!";
    expect(ok(renderTemplate(source, nameless))).toMatchObject({ text: "Hi!", missing: [], canSend: true });
  });

  it("checks the looked-up value, not the filtered result", () => {
    expect(ok(renderTemplate("{{ customer.first_name | append: ',' }}", nameless)).missing).toEqual([
      { path: "customer.first_name", line: 1, column: 4 },
    ]);
    expect(ok(renderTemplate("{{ customer.first_name | upcase }}", nameless)).missing).toHaveLength(1);
  });

  it("checks variables used as filter arguments unless a later `default` covers them", () => {
    const appended = ok(renderTemplate("{{ 'Dear ' | append: customer.first_name }}", nameless));
    expect(appended.missing).toEqual([{ path: "customer.first_name", line: 1, column: 22 }]);
    const covered = ok(renderTemplate("{{ 'Dear ' | append: customer.first_name | default: 'friend' }}", nameless));
    expect(covered.missing).toEqual([]);
  });

  it("reports loop variables once per place, however many iterations miss them", () => {
    const result = ok(renderTemplate("{% for item in order.line_items %}{{ item.title }} {{ item.sku }}\n{% endfor %}", full));
    expect(result.missing).toEqual([{ path: "item.sku", line: 1, column: 55 }]);
  });

  it("reports a whole missing object (no order linked to the ticket)", () => {
    const result = ok(renderTemplate("About {{ order.name }}: {{ order.line_items | size }} items", withoutOrder));
    expect(result.missing.map((m) => m.path)).toEqual(["order.name", "order.line_items"]);
  });

  it("treats whitespace-only strings and empty lists as missing, but zero and false as values", () => {
    const context = buildTemplateContext({ ...fullInput, order: { ...fullInput.order!, lineItems: [] } });
    const result = ok(renderTemplate("{{ order.line_items }}|{{ customer.orders_count }}|{{ ' ' }}", context));
    expect(result.missing.map((m) => m.path)).toEqual(["order.line_items"]);
    expect(result.text).toContain("|0|");
  });

  it("follows values through assign and echo, including inside {% liquid %}", () => {
    const assigned = ok(renderTemplate("{% assign name = customer.first_name %}Hi {{ name }}", nameless));
    expect(assigned.missing).toEqual([{ path: "name", line: 1, column: 46 }]);
    const echoed = ok(renderTemplate("{% liquid\n  echo customer.first_name\n%}", nameless));
    expect(echoed.missing).toEqual([{ path: "customer.first_name", line: 2, column: 8 }]);
  });

  it("reports each missing place in template order", () => {
    const result = ok(renderTemplate("{{ customer.first_name }}\n{{ customer.email }}{{ order.tracking_url }}", nameless));
    expect(result.missing).toEqual([
      { path: "customer.first_name", line: 1, column: 4 },
      { path: "order.tracking_url", line: 2, column: 24 },
    ]);
  });

  it("marks missing values in preview mode so the agent sees where they are", () => {
    const result = ok(renderTemplate("Hi {{ customer.first_name }},", nameless, { preview: true }));
    expect(result.text).toBe("Hi [customer.first_name],");
    expect(result.canSend).toBe(false);
  });

  it("does not share missing values between renders of the same cached template", () => {
    const source = "Hi {{ customer.first_name }}";
    expect(ok(renderTemplate(source, nameless)).missing).toHaveLength(1);
    expect(ok(renderTemplate(source, full)).missing).toEqual([]);
  });
});

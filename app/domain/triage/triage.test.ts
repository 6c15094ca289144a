import { describe, expect, it } from "vitest";
import { DEFAULT_TRIAGE_KEYWORDS, keywordOverridesSchema, mergeKeywordOverrides } from "./keywords";
import { compileNegations, compileTerms, findTerms, normalizeText } from "./matcher";
import { automationRuleSchema, parseAutomationRules, type AutomationRuleInput, type AutomationRuleSpec } from "./rules";
import { triageMessage } from "./triage";

const ruleNames = (reasons: { rule: string }[]) => reasons.map((r) => r.rule);

describe("matching", () => {
  it("normalises case, full-width characters, accents and curly quotes", () => {
    expect(normalizeText("ＲＥＦＵＮＤ  Déçue  didn’t")).toBe("refund decue didn't");
    expect(normalizeText("ｶﾞｯｶﾘ")).toBe("ガッカリ"); // half-width kana keep their voicing mark
  });

  it("matches Latin terms on word boundaries, prefixes with *, gaps with ~, CJK as substrings", () => {
    const terms = compileTerms(["refund", "cancel*", "change ~ address", "退款"]);
    const found = (text: string) => findTerms(normalizeText(text), terms).map((m) => m.term);
    expect(found("I was refunded")).toEqual([]);
    expect(found("Refund please")).toEqual(["refund"]);
    expect(found("I cancelled it")).toEqual(["cancel*"]);
    expect(found("please change the shipping address")).toEqual(["change ~ address"]);
    expect(found("我要退款")).toEqual(["退款"]);
  });

  it("marks a term negated by a negation word just before it, within the clause", () => {
    const terms = compileTerms(["disappointed", "失望"]);
    const negations = compileNegations(DEFAULT_TRIAGE_KEYWORDS.negations);
    const negated = (text: string) => findTerms(normalizeText(text), terms, negations).map((m) => m.negatedBy);
    expect(negated("I'm not at all disappointed")).toEqual(["not"]);
    expect(negated("Not great. Disappointed.")).toEqual([null]);
    expect(negated("我不是很失望")).toEqual(["不"]);
  });
});

describe("triageMessage", () => {
  it("classifies and explains an angry legal threat", () => {
    const result = triageMessage({ text: "Refund me now or my lawyer will contact you. Extremely disappointed." });
    expect(result).toMatchObject({ category: "return_refund", severity: "L1", priority: "urgent", escalate: true, automationDisabled: true });
    expect(ruleNames(result.reasons)).toEqual(expect.arrayContaining(["category:return_refund", "severity:L1:legal", "escalation:words"]));
  });

  it("does not escalate on a negated anger word", () => {
    const result = triageMessage({ text: "Not disappointed at all, just asking where is my order" });
    expect(result).toMatchObject({ category: "order_status", escalate: false });
    expect(ruleNames(result.reasons)).toContain("negated");
  });

  it("handles full-width text", () => {
    expect(triageMessage({ text: "ＷＨＥＲＥ ＩＳ ＭＹ ＯＲＤＥＲ？" }).category).toBe("order_status");
  });

  it("treats a delivered order that the customer did not receive as a missing parcel (L2, high)", () => {
    const withoutOrder = triageMessage({ text: "Where is my order? I have not received anything." });
    expect(withoutOrder.category).toBe("order_status");
    const delivered = triageMessage({
      text: "Where is my order? I have not received anything.",
      order: { displayFulfillmentStatus: "DELIVERED", deliveredAt: "2024-05-02T10:00:00Z" },
    });
    expect(delivered).toMatchObject({ category: "damaged_wrong_missing", severity: "L2", priority: "high" });
    expect(delivered.tags).toContain("delivered_not_received");
  });

  it("raises the priority of a damage claim that comes with photos", () => {
    const text = "The vase arrived broken.";
    expect(triageMessage({ text }).priority).toBe("normal");
    const withPhotos = triageMessage({ text, attachments: [{ contentType: "image/jpeg", filename: "vase.jpg" }] });
    expect(withPhotos.priority).toBe("high");
    expect(withPhotos.tags).toContain("evidence_photos");
    expect(triageMessage({ text, attachments: [{ contentType: "application/pdf", filename: "invoice.pdf" }] }).priority).toBe("normal");
  });

  it("raises the priority for a valuable customer", () => {
    const text = "Does the jacket come in blue?";
    expect(triageMessage({ text, customer: { lifetimeSpent: 80, ordersCount: 1 } })).toMatchObject({ priority: "normal", segment: "new" });
    const vip = triageMessage({ text, customer: { lifetimeSpent: 2400, ordersCount: 14 } });
    expect(vip).toMatchObject({ priority: "high", segment: "vip" });
    expect(vip.tags).toContain("vip");
  });

  it("gives greetings low priority and urgency words high priority", () => {
    expect(triageMessage({ text: "Hello!" })).toMatchObject({ category: "other", priority: "low" });
    expect(triageMessage({ text: "URGENT: please change the address on my order" })).toMatchObject({ category: "shipping_address", priority: "high" });
  });

  it("files a complaint that asks for something concrete by the request", () => {
    expect(triageMessage({ text: "Terrible quality, it stopped working. I want a refund." })).toMatchObject({ category: "return_refund", severity: "L2" });
  });
});

describe("keyword overrides", () => {
  it("adds and removes terms, validated by a schema", () => {
    const overrides = keywordOverridesSchema.parse({
      add: { categories: { product_question: { strong: ["engraving"] } }, escalation: ["rip-off"] },
      remove: { escalation: ["Manager"] },
    });
    const merged = mergeKeywordOverrides(DEFAULT_TRIAGE_KEYWORDS, overrides);
    expect(merged.categories.product_question.strong).toContain("engraving");
    expect(merged.escalation).not.toContain("manager");
    expect(DEFAULT_TRIAGE_KEYWORDS.escalation).toContain("manager"); // defaults untouched

    expect(triageMessage({ text: "Can you do engraving?", keywordOverrides: overrides }).category).toBe("product_question");
    expect(triageMessage({ text: "What a rip-off", keywordOverrides: overrides }).escalate).toBe(true);
    expect(triageMessage({ text: "Can I talk to the store manager about a bulk order?", keywordOverrides: overrides }).escalate).toBe(false);
    expect(keywordOverridesSchema.safeParse({ add: { severityL1: { aliens: ["x"] } } }).success).toBe(false);
  });
});

describe("merchant rules", () => {
  const rule = (overrides: Partial<AutomationRuleInput>): AutomationRuleSpec =>
    automationRuleSchema.parse({ name: "rule", kind: "triage", trigger: "message_received", conditions: {}, actions: [{ type: "add_tag", tag: "x" }], ...overrides });

  it("apply actions when conditions hold, in position order, and are reported", () => {
    const rules = [
      rule({ name: "Wholesale to sales", position: 2, conditions: { all: [{ field: "text", op: "contains_any", value: ["wholesale", "批发"] }] }, actions: [{ type: "assign", agentId: "agent_sales" }, { type: "set_category", value: "product_question" }] }),
      rule({ name: "Big spenders", position: 1, conditions: { all: [{ field: "customer.lifetimeSpent", op: "gte", value: 500 }] }, actions: [{ type: "set_priority", value: "urgent" }, { type: "add_tag", tag: "big_spender" }] }),
      rule({ name: "Disabled", enabled: false, actions: [{ type: "set_severity", value: "L1" }] }),
    ];
    const result = triageMessage({ text: "Do you offer wholesale prices?", customer: { lifetimeSpent: 600, ordersCount: 3 }, rules });
    expect(result).toMatchObject({ category: "product_question", priority: "urgent", severity: "L3", assignTo: "agent_sales" });
    expect(result.tags).toContain("big_spender");
    expect(ruleNames(result.reasons).filter((r) => r.startsWith("merchant_rule:"))).toEqual(["merchant_rule:Big spenders", "merchant_rule:Wholesale to sales"]);
  });

  it("send auto-replies only while no human is needed", () => {
    const rules = [rule({ kind: "auto_message", conditions: { all: [{ field: "category", op: "is", value: "order_status" }] }, actions: [{ type: "auto_reply" }], templateId: "tpl_wismo" })];
    expect(triageMessage({ text: "Where is my order?", rules }).autoReplyTemplateIds).toEqual(["tpl_wismo"]);
    const angry = triageMessage({ text: "Where is my order? This is ridiculous.", rules });
    expect(angry.autoReplyTemplateIds).toEqual([]);
    expect(ruleNames(angry.reasons)).toContain("automation:suppressed");
  });

  it("report invalid stored rules instead of throwing", () => {
    const { rules, errors } = parseAutomationRules([
      { name: "ok", kind: "triage", trigger: "message_received", conditions: { any: [{ field: "severity", op: "in", value: ["L1", "L2"] }] }, actions: [{ type: "escalate" }] },
      { name: "bad", kind: "triage", trigger: "message_received", conditions: { all: [{ field: "priority", op: "is", value: "extreme" }] }, actions: [] },
    ]);
    expect(rules.map((r) => r.name)).toEqual(["ok"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^rule 1: /);
  });
});

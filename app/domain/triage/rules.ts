// Merchant automation rules (AutomationRule rows): conditions → actions, evaluated in position order
// by a pure function. Each rule sees the changes of the rules before it, and every rule that fires
// is reported, so triage stays explainable.

import { z } from "zod";
import { TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_SEVERITIES, type TicketCategory, type TicketPriority, type TicketSeverity } from "../ticket-fields";
import { CUSTOMER_SEGMENTS, type CustomerSegment } from "../sla-policies";
import { compileTerms, findTerms, normalizeText, type CompiledTermList } from "./matcher";

const enumFieldCondition = z.discriminatedUnion("field", [
  z.object({ field: z.literal("category"), op: z.enum(["is", "is_not", "in"]), value: z.union([z.enum(TICKET_CATEGORIES), z.array(z.enum(TICKET_CATEGORIES))]) }),
  z.object({ field: z.literal("severity"), op: z.enum(["is", "is_not", "in"]), value: z.union([z.enum(TICKET_SEVERITIES), z.array(z.enum(TICKET_SEVERITIES))]) }),
  z.object({ field: z.literal("priority"), op: z.enum(["is", "is_not", "in"]), value: z.union([z.enum(TICKET_PRIORITIES), z.array(z.enum(TICKET_PRIORITIES))]) }),
  z.object({ field: z.literal("channel"), op: z.enum(["is", "is_not", "in"]), value: z.union([z.enum(TICKET_CHANNELS), z.array(z.enum(TICKET_CHANNELS))]) }),
  z.object({ field: z.literal("customer.segment"), op: z.enum(["is", "is_not", "in"]), value: z.union([z.enum(CUSTOMER_SEGMENTS), z.array(z.enum(CUSTOMER_SEGMENTS))]) }),
  z.object({ field: z.enum(["text", "subject"]), op: z.enum(["contains_any", "contains_none"]), value: z.array(z.string().min(1)).min(1) }),
  z.object({ field: z.literal("tags"), op: z.enum(["includes", "excludes"]), value: z.string().min(1) }),
  z.object({ field: z.enum(["customer.lifetimeSpent", "customer.ordersCount", "attachments.count"]), op: z.enum(["gte", "lte", "gt", "lt", "eq"]), value: z.number() }),
  z.object({ field: z.literal("escalate"), op: z.literal("is"), value: z.boolean() }),
]);
export const ruleConditionSchema = enumFieldCondition;
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

/** all: every condition holds; any: at least one holds (when given). Empty = always. */
export const ruleConditionsSchema = z.object({ all: z.array(ruleConditionSchema).default([]), any: z.array(ruleConditionSchema).default([]) }).strict();
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

export const ruleActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("set_priority"), value: z.enum(TICKET_PRIORITIES) }),
  z.object({ type: z.literal("set_category"), value: z.enum(TICKET_CATEGORIES) }),
  z.object({ type: z.literal("set_severity"), value: z.enum(TICKET_SEVERITIES) }),
  z.object({ type: z.literal("assign"), agentId: z.string().min(1) }),
  z.object({ type: z.literal("add_tag"), tag: z.string().trim().min(1).max(60) }),
  z.object({ type: z.literal("auto_reply"), templateId: z.string().min(1).optional() }),
  z.object({ type: z.literal("escalate"), reason: z.string().max(200).optional() }),
]);
export type RuleAction = z.infer<typeof ruleActionSchema>;

export const automationRuleSchema = z.object({
  id: z.string().optional(),
  name: z.string().min(1),
  kind: z.enum(["triage", "auto_message", "escalation"]),
  trigger: z.string().min(1),
  conditions: ruleConditionsSchema,
  actions: z.array(ruleActionSchema).min(1),
  templateId: z.string().nullable().default(null),
  enabled: z.boolean().default(true),
  position: z.number().int().default(0),
});
export type AutomationRuleSpec = z.infer<typeof automationRuleSchema>;
/** A rule as stored or edited, before defaults are filled in. */
export type AutomationRuleInput = z.input<typeof automationRuleSchema>;

/** What rules can look at: the triage result so far plus the message and customer. */
export interface RuleFacts {
  category: TicketCategory;
  severity: TicketSeverity;
  priority: TicketPriority;
  channel: string | null;
  escalate: boolean;
  tags: string[];
  text: string;
  subject: string;
  segment: CustomerSegment | null;
  lifetimeSpent: number | null;
  ordersCount: number | null;
  attachmentsCount: number;
}

export interface RuleEvaluation {
  facts: RuleFacts;
  assignTo: string | null;
  autoReplyTemplateIds: string[];
  escalationReasons: string[];
  fired: { rule: string; detail: string }[];
}

const compiledTextConditions = new WeakMap<RuleCondition, CompiledTermList>();

function compiledTerms(condition: RuleCondition & { value: string[] }): CompiledTermList {
  let compiled = compiledTextConditions.get(condition);
  if (!compiled) {
    compiled = compileTerms(condition.value);
    compiledTextConditions.set(condition, compiled);
  }
  return compiled;
}

function compare(op: "gte" | "lte" | "gt" | "lt" | "eq", actual: number | null, expected: number): boolean {
  if (actual === null) return false;
  return { gte: actual >= expected, lte: actual <= expected, gt: actual > expected, lt: actual < expected, eq: actual === expected }[op];
}

export function conditionHolds(condition: RuleCondition, facts: RuleFacts): boolean {
  switch (condition.field) {
    case "category":
    case "severity":
    case "priority":
    case "channel":
    case "customer.segment": {
      const actual = condition.field === "customer.segment" ? facts.segment : facts[condition.field];
      const values: readonly string[] = Array.isArray(condition.value) ? condition.value : [condition.value];
      const matches = actual !== null && values.includes(actual);
      return condition.op === "is_not" ? !matches : matches;
    }
    case "text":
    case "subject": {
      const found = findTerms(normalizeText(facts[condition.field]), compiledTerms(condition)).length > 0;
      return condition.op === "contains_any" ? found : !found;
    }
    case "tags":
      return condition.op === "includes" ? facts.tags.includes(condition.value) : !facts.tags.includes(condition.value);
    case "customer.lifetimeSpent":
      return compare(condition.op, facts.lifetimeSpent, condition.value);
    case "customer.ordersCount":
      return compare(condition.op, facts.ordersCount, condition.value);
    case "attachments.count":
      return compare(condition.op, facts.attachmentsCount, condition.value);
    case "escalate":
      return facts.escalate === condition.value;
  }
}

export function conditionsHold(conditions: RuleConditions, facts: RuleFacts): boolean {
  const all = conditions.all.every((c) => conditionHolds(c, facts));
  return all && (conditions.any.length === 0 || conditions.any.some((c) => conditionHolds(c, facts)));
}

function describeAction(action: RuleAction, rule: AutomationRuleSpec): string {
  switch (action.type) {
    case "set_priority":
    case "set_category":
    case "set_severity":
      return `${action.type} ${action.value}`;
    case "assign":
      return `assign ${action.agentId}`;
    case "add_tag":
      return `tag ${action.tag}`;
    case "auto_reply":
      return `auto_reply ${action.templateId ?? rule.templateId ?? "(no template)"}`;
    case "escalate":
      return `escalate${action.reason ? ` (${action.reason})` : ""}`;
  }
}

/** Applies the enabled rules for `trigger` in position order (stable for equal positions). */
export function evaluateRules(rules: readonly AutomationRuleSpec[], initial: RuleFacts, trigger = "message_received"): RuleEvaluation {
  const facts: RuleFacts = { ...initial, tags: [...initial.tags] };
  const evaluation: RuleEvaluation = { facts, assignTo: null, autoReplyTemplateIds: [], escalationReasons: [], fired: [] };
  const applicable = rules.filter((r) => r.enabled && r.trigger === trigger).sort((a, b) => a.position - b.position);
  for (const rule of applicable) {
    if (!conditionsHold(rule.conditions, facts)) continue;
    for (const action of rule.actions) {
      if (action.type === "set_priority") facts.priority = action.value;
      else if (action.type === "set_category") facts.category = action.value;
      else if (action.type === "set_severity") facts.severity = action.value;
      else if (action.type === "assign") evaluation.assignTo = action.agentId;
      else if (action.type === "add_tag" && !facts.tags.includes(action.tag)) facts.tags.push(action.tag);
      else if (action.type === "escalate") {
        facts.escalate = true;
        evaluation.escalationReasons.push(action.reason ?? rule.name);
      } else if (action.type === "auto_reply") {
        const templateId = action.templateId ?? rule.templateId;
        if (templateId) evaluation.autoReplyTemplateIds.push(templateId);
      }
    }
    evaluation.fired.push({ rule: rule.name, detail: rule.actions.map((a) => describeAction(a, rule)).join(", ") });
  }
  return evaluation;
}

/** Parses stored rules, keeping the valid ones and naming the invalid ones (never throws). */
export function parseAutomationRules(rows: readonly unknown[]): { rules: AutomationRuleSpec[]; errors: string[] } {
  const rules: AutomationRuleSpec[] = [];
  const errors: string[] = [];
  rows.forEach((row, index) => {
    const parsed = automationRuleSchema.safeParse(row);
    if (parsed.success) rules.push(parsed.data);
    else errors.push(`rule ${index}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  });
  return { rules, errors };
}

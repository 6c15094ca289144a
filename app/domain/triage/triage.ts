// Triage of an inbound customer message: category, severity, priority and whether a human must take
// over, from keywords (multilingual, merchant-editable), order state, evidence and customer value,
// then the merchant's rules. Every decision is listed in `reasons`.

import { customerSegment, type CustomerSegment, type CustomerValue, type VipThresholds } from "../sla-policies";
import { priorityRank, TICKET_PRIORITIES, type TicketCategory, type TicketChannel, type TicketPriority, type TicketSeverity } from "../ticket-fields";
import { DEFAULT_TRIAGE_KEYWORDS, L1_SIGNALS, L2_SIGNALS, mergeKeywordOverrides, type KeywordCategory, type KeywordOverrides, type TriageKeywords } from "./keywords";
import { compileKeywords, type CompiledKeywords } from "./compiled-keywords";
import { ORDER_MENTIONS, PRODUCT_QUESTION_CUES } from "./fallbacks";
import { compileTerms, findTerms, normalizeText, type TermMatch } from "./matcher";
import { evaluateRules, type AutomationRuleSpec } from "./rules";

export interface TriageInput {
  subject?: string;
  text: string;
  attachments?: { contentType: string; filename: string }[];
  customer?: CustomerValue;
  order?: { displayFulfillmentStatus: string | null; deliveredAt: string | Date | null };
  channel?: TicketChannel;
  keywordOverrides?: KeywordOverrides;
  rules?: readonly AutomationRuleSpec[];
  vipThresholds?: VipThresholds;
}

export interface TriageReason {
  rule: string;
  detail: string;
}

export interface TriageResult {
  category: TicketCategory;
  severity: TicketSeverity;
  priority: TicketPriority;
  escalate: boolean;
  /** Anger/escalation switches automated answers off; a human replies. */
  automationDisabled: boolean;
  tags: string[];
  segment: CustomerSegment | null;
  assignTo: string | null;
  autoReplyTemplateIds: string[];
  reasons: TriageReason[];
}

const STRONG_WEIGHT = 3;
const WEAK_WEIGHT = 1;
// On equal scores the more specific, more actionable category wins.
const CATEGORY_PRECEDENCE: readonly KeywordCategory[] = [
  "damaged_wrong_missing", "cancellation", "shipping_address", "return_refund", "payment_invoice", "order_status", "complaint", "product_question",
];

// By content, not identity: each intake parses the shop's settings into a new overrides object, and
// compiling the merged lists costs more than triaging a message. Few distinct lists exist per process.
const compiledOverrides = new Map<string, CompiledKeywords>();
const MAX_COMPILED_OVERRIDES = 200;

function keywordsFor(overrides: KeywordOverrides | undefined): CompiledKeywords {
  if (!overrides) return compileKeywords(DEFAULT_TRIAGE_KEYWORDS);
  const key = JSON.stringify(overrides);
  let compiled = compiledOverrides.get(key);
  if (!compiled) {
    const merged: TriageKeywords = mergeKeywordOverrides(DEFAULT_TRIAGE_KEYWORDS, overrides);
    compiled = compileKeywords(merged);
    if (compiledOverrides.size >= MAX_COMPILED_OVERRIDES) compiledOverrides.clear();
    compiledOverrides.set(key, compiled);
  }
  return compiled;
}

const quote = (matches: TermMatch[]) => matches.map((m) => `"${m.term}"`).join(", ");

function raisePriority(current: TicketPriority, atLeast: TicketPriority): TicketPriority {
  return priorityRank(atLeast) < priorityRank(current) ? atLeast : current;
}
function bumpPriority(current: TicketPriority): TicketPriority {
  return TICKET_PRIORITIES[Math.max(0, priorityRank(current) - 1)];
}

// Category evidence a severity signal carries when no category keyword matched.
const CATEGORY_IMPLIED_BY_SIGNAL: Partial<Record<string, KeywordCategory>> = {
  fraud: "payment_invoice", chargeback: "payment_invoice", safety: "complaint", legal: "complaint", public: "complaint",
  quality: "complaint", staff_conduct: "complaint",
};

function chooseCategory(text: string, keywords: CompiledKeywords, signals: readonly string[], reasons: TriageReason[]): TicketCategory {
  const scored = CATEGORY_PRECEDENCE.map((category) => {
    // Negation flips sentiment ("not disappointed" is no complaint) but not requests ("if you don't refund me").
    const negations = category === "complaint" ? keywords.negations : undefined;
    const strong = findTerms(text, keywords.categories[category].strong, negations).filter((m) => !m.negatedBy);
    const weak = findTerms(text, keywords.categories[category].weak, negations).filter((m) => !m.negatedBy);
    return { category, score: strong.length * STRONG_WEIGHT + weak.length * WEAK_WEIGHT, matches: [...strong, ...weak] };
  });
  let best = scored.reduce<(typeof scored)[number] | null>((top, s) => (s.score > 0 && (!top || s.score > top.score) ? s : top), null);
  // A complaint that also makes a concrete request (refund, replacement, cancel…) is filed by the request.
  if (best?.category === "complaint") {
    const request = scored.find((s) => s.category !== "complaint" && s.category !== "product_question" && s.score >= STRONG_WEIGHT);
    if (request) {
      reasons.push({ rule: "category:request_over_complaint", detail: `${request.category} request beats complaint wording` });
      best = request;
    }
  }
  const greetings = findTerms(text, keywords.greetings);
  const implied = signals.map((signal) => CATEGORY_IMPLIED_BY_SIGNAL[signal]).find((c) => c !== undefined);
  if (!best && !implied) {
    const guess = fallbackCategory(text, greetings);
    if (guess) {
      reasons.push({ rule: `category:fallback:${guess.category}`, detail: `no category keywords; ${guess.detail}` });
      return guess.category;
    }
  }
  // A bare hint ("size") next to a greeting or thanks is small talk, not a request.
  if (!best || (best.score <= WEAK_WEIGHT && greetings.length > 0)) {
    if (implied) {
      reasons.push({ rule: `category:${implied}`, detail: `implied by severity signal ${signals.join(", ")}` });
      return implied;
    }
    reasons.push({ rule: "category:other", detail: greetings.length ? `greeting/feedback ${quote(greetings)}` : "no category keywords" });
    return "other";
  }
  reasons.push({ rule: `category:${best.category}`, detail: `score ${best.score}: ${quote(best.matches)}` });
  return best.category;
}

const fallbackLists = { orders: compileTerms(ORDER_MENTIONS), productQuestions: compileTerms(PRODUCT_QUESTION_CUES) };
// Below this many characters besides the greeting, a greeting with a question mark is small talk.
const SUBSTANTIVE_CHARS = 12;

/** The best guess for a message no category keyword matched (see fallbacks.ts), or null for "other". */
function fallbackCategory(text: string, greetings: TermMatch[]): { category: KeywordCategory; detail: string } | null {
  // "Thanks, it arrived!" is small talk: next to a greeting or thanks, only a question is a request.
  if (greetings.length > 0 && !/[?？]/u.test(text)) return null;
  const orders = findTerms(text, fallbackLists.orders);
  if (orders.length > 0) return { category: "order_status", detail: `mentions ${quote(orders)}` };
  const rest = greetings.reduce((remaining, g) => remaining.replace(g.term, ""), text).replace(/[\s\p{P}]/gu, "");
  if (greetings.length > 0 && rest.length < SUBSTANTIVE_CHARS) return null;
  const cues = findTerms(text, fallbackLists.productQuestions);
  if (cues.length > 0) return { category: "product_question", detail: `a question ${quote(cues)}` };
  return null;
}

function activeMatches(text: string, list: CompiledKeywords["escalation"], keywords: CompiledKeywords, reasons: TriageReason[]): TermMatch[] {
  const matches = findTerms(text, list, keywords.negations);
  for (const m of matches.filter((m) => m.negatedBy)) reasons.push({ rule: "negated", detail: `"${m.term}" negated by "${m.negatedBy}"` });
  return matches.filter((m) => !m.negatedBy);
}

function isDelivered(order: TriageInput["order"]): boolean {
  return Boolean(order && (order.displayFulfillmentStatus?.toUpperCase() === "DELIVERED" || order.deliveredAt));
}

export function triageMessage(input: TriageInput): TriageResult {
  const keywords = keywordsFor(input.keywordOverrides);
  const text = normalizeText(`${input.subject ?? ""}\n${input.text}`);
  const reasons: TriageReason[] = [];
  const tags: string[] = [];

  const severityReasons: TriageReason[] = [];
  let severity: TicketSeverity = "L3";
  for (const signal of L1_SIGNALS) {
    const matches = activeMatches(text, keywords.severityL1[signal], keywords, severityReasons);
    if (matches.length === 0) continue;
    severity = "L1";
    tags.push(signal);
    severityReasons.push({ rule: `severity:L1:${signal}`, detail: quote(matches) });
  }
  for (const signal of L2_SIGNALS) {
    const matches = activeMatches(text, keywords.severityL2[signal], keywords, severityReasons);
    if (matches.length === 0) continue;
    if (severity === "L3") severity = "L2";
    tags.push(signal);
    severityReasons.push({ rule: `severity:L2:${signal}`, detail: quote(matches) });
  }

  let category = chooseCategory(text, keywords, tags, reasons);
  reasons.push(...severityReasons);

  // Delivered (by the carrier's word or the order) yet not received: a missing parcel.
  const notReceived = findTerms(text, keywords.notReceived);
  const deliveredClaim = findTerms(text, keywords.deliveredClaim);
  const deliveredNotReceived = notReceived.length > 0 && (deliveredClaim.length > 0 || isDelivered(input.order));
  if (deliveredNotReceived) {
    const source = deliveredClaim.length > 0 ? `text ${quote(deliveredClaim)}` : `order ${input.order?.displayFulfillmentStatus ?? "delivered"}`;
    reasons.push({ rule: "order:delivered_not_received", detail: `${source} + ${quote(notReceived)}` });
    category = "damaged_wrong_missing";
    tags.push("delivered_not_received");
  }
  if (deliveredNotReceived && severity === "L3") {
    severity = "L2";
    reasons.push({ rule: "severity:L2:delivered_not_received", detail: "a parcel marked delivered is missing" });
  }

  const anger = activeMatches(text, keywords.escalation, keywords, reasons);
  let escalate = false;
  if (anger.length > 0) {
    escalate = true;
    tags.push("angry");
    reasons.push({ rule: "escalation:words", detail: quote(anger) });
  }
  if (tags.includes("staff_conduct")) {
    escalate = true;
    reasons.push({ rule: "escalation:staff_conduct", detail: "a complaint about staff goes to a human" });
  }
  if (severity === "L1") {
    escalate = true;
    reasons.push({ rule: "escalation:severity_L1", detail: "L1 needs a human and an immediate alert" });
  }

  let priority: TicketPriority = category === "other" && severity === "L3" ? "low" : "normal";
  if (severity === "L1") priority = "urgent";
  else if (severity === "L2") priority = raisePriority(priority, "high");
  if (escalate) priority = raisePriority(priority, "high");
  if (deliveredNotReceived) priority = raisePriority(priority, "high");
  const urgency = findTerms(text, keywords.urgency, keywords.negations).filter((m) => !m.negatedBy);
  if (urgency.length > 0) {
    priority = raisePriority(priority, "high");
    reasons.push({ rule: "priority:urgency_words", detail: quote(urgency) });
  }

  const photos = (input.attachments ?? []).filter((a) => a.contentType.toLowerCase().startsWith("image/"));
  if (photos.length > 0 && category === "damaged_wrong_missing") {
    tags.push("evidence_photos");
    priority = bumpPriority(priority);
    reasons.push({ rule: "evidence:photos", detail: `${photos.length} photo(s) attached to a damage claim: ready to process` });
  }

  const segment = input.customer ? customerSegment(input.customer, input.vipThresholds) : null;
  if (segment === "vip" && input.customer) {
    tags.push("vip");
    priority = bumpPriority(priority);
    reasons.push({ rule: "customer:vip", detail: `lifetime spend ${input.customer.lifetimeSpent}, ${input.customer.ordersCount} orders` });
  }

  const evaluation = evaluateRules(input.rules ?? [], {
    category, severity, priority, escalate, tags,
    channel: input.channel ?? null,
    text: input.text,
    subject: input.subject ?? "",
    segment,
    lifetimeSpent: input.customer?.lifetimeSpent ?? null,
    ordersCount: input.customer?.ordersCount ?? null,
    attachmentsCount: input.attachments?.length ?? 0,
  });
  for (const fired of evaluation.fired) reasons.push({ rule: `merchant_rule:${fired.rule}`, detail: fired.detail });
  const final = evaluation.facts;
  let autoReplyTemplateIds = evaluation.autoReplyTemplateIds;
  if (final.escalate && autoReplyTemplateIds.length > 0) {
    reasons.push({ rule: "automation:suppressed", detail: `auto-replies ${autoReplyTemplateIds.join(", ")} withheld: a human takes over` });
    autoReplyTemplateIds = [];
  }

  return {
    category: final.category,
    severity: final.severity,
    priority: final.priority,
    escalate: final.escalate,
    automationDisabled: final.escalate,
    tags: final.tags,
    segment,
    assignTo: evaluation.assignTo,
    autoReplyTemplateIds,
    reasons,
  };
}

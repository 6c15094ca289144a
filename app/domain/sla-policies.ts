// SLA policies: which response-time promise applies to a ticket, and the e-commerce defaults.
// Mirrors the SlaPolicy model; the first enabled policy (by position) whose set columns all match wins.

import { z } from "zod";
import { TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_SEVERITIES, type TicketCategory, type TicketChannel, type TicketPriority, type TicketSeverity } from "./ticket-fields";

export const CUSTOMER_SEGMENTS = ["vip", "repeat", "new"] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

export const DEFAULT_WARN_AT_SHARE = 0.75;

export const slaPolicyRuleSchema = z.object({
  id: z.string().optional(),
  name: z.string().min(1),
  position: z.number().int(),
  matchPriority: z.enum(TICKET_PRIORITIES).nullable(),
  matchSeverity: z.enum(TICKET_SEVERITIES).nullable(),
  matchCategory: z.enum(TICKET_CATEGORIES).nullable(),
  matchChannel: z.enum(TICKET_CHANNELS).nullable(),
  matchSegment: z.enum(CUSTOMER_SEGMENTS).nullable(),
  firstResponseMinutes: z.number().positive().nullable(),
  nextResponseMinutes: z.number().positive().nullable(),
  resolutionMinutes: z.number().positive().nullable(),
  businessHoursOnly: z.boolean(),
  // 0 = warn as soon as the clock starts (L1's immediate alert); 1 = warn only at breach.
  warnAtShare: z.number().min(0).max(1),
  enabled: z.boolean(),
});

/** One SlaPolicy row; parse DB rows with slaPolicyRuleSchema. */
export type SlaPolicyRule = z.infer<typeof slaPolicyRuleSchema>;

export interface SlaTicketFacts {
  priority: TicketPriority;
  severity: TicketSeverity;
  category: TicketCategory;
  channel: TicketChannel;
  segment?: CustomerSegment | null;
}

export interface CustomerValue {
  lifetimeSpent: number; // in the shop's currency
  ordersCount: number;
}
export interface VipThresholds {
  lifetimeSpent: number;
  ordersCount: number;
}
export const DEFAULT_VIP_THRESHOLDS: VipThresholds = { lifetimeSpent: 1000, ordersCount: 10 };

/** vip at either threshold, repeat from a second order, else new. */
export function customerSegment(customer: CustomerValue, thresholds: VipThresholds = DEFAULT_VIP_THRESHOLDS): CustomerSegment {
  if (customer.lifetimeSpent >= thresholds.lifetimeSpent || customer.ordersCount >= thresholds.ordersCount) return "vip";
  return customer.ordersCount >= 2 ? "repeat" : "new";
}

export function selectSlaPolicy<P extends SlaPolicyRule>(policies: readonly P[], facts: SlaTicketFacts): P | null {
  const ordered = policies.filter((p) => p.enabled).sort((a, b) => a.position - b.position); // stable sort keeps ties in list order
  return (
    ordered.find(
      (p) =>
        (p.matchPriority === null || p.matchPriority === facts.priority) &&
        (p.matchSeverity === null || p.matchSeverity === facts.severity) &&
        (p.matchCategory === null || p.matchCategory === facts.category) &&
        (p.matchChannel === null || p.matchChannel === facts.channel) &&
        (p.matchSegment === null || p.matchSegment === (facts.segment ?? null)),
    ) ?? null
  );
}

const HOUR = 60;
const BUSINESS_DAY = 8 * HOUR; // "same business day" = one business day of open time

type PolicyDraft = Pick<SlaPolicyRule, "name" | "firstResponseMinutes" | "nextResponseMinutes" | "resolutionMinutes" | "businessHoursOnly"> &
  Partial<SlaPolicyRule>;

function policy(draft: PolicyDraft): Omit<SlaPolicyRule, "position"> {
  return {
    matchPriority: null,
    matchSeverity: null,
    matchCategory: null,
    matchChannel: null,
    matchSegment: null,
    warnAtShare: DEFAULT_WARN_AT_SHARE,
    enabled: true,
    ...draft,
  };
}

function forCategories(categories: TicketCategory[], draft: PolicyDraft): Omit<SlaPolicyRule, "position">[] {
  return categories.map((matchCategory) => policy({ ...draft, name: `${draft.name}: ${matchCategory}`, matchCategory }));
}

/**
 * E-commerce defaults, most specific first. Severity beats category (an L1 chargeback about an
 * order is not an "order question"); marketplace messages get an internal 12 h calendar target,
 * stricter than the platform's 24 h and safe over weekends. Feedback and greetings land in
 * "other" (same business day), stricter than L3's 24 h, so the L3 row is the catch-all.
 */
export const DEFAULT_SLA_POLICIES: readonly SlaPolicyRule[] = [
  policy({
    name: "L1 critical (safety, fraud, chargeback, legal, public): 1 h, alert immediately",
    matchSeverity: "L1",
    firstResponseMinutes: 1 * HOUR,
    nextResponseMinutes: 1 * HOUR,
    resolutionMinutes: 24 * HOUR,
    businessHoursOnly: false,
    warnAtShare: 0,
  }),
  policy({
    name: "L2 serious (quality, late delivery, staff conduct): 4 h, resolved within 24 h",
    matchSeverity: "L2",
    firstResponseMinutes: 4 * HOUR,
    nextResponseMinutes: 4 * HOUR,
    resolutionMinutes: 24 * HOUR,
    businessHoursOnly: false,
  }),
  policy({
    name: "Marketplace messages: 12 h internal (platform allows 24 h)",
    matchChannel: "marketplace",
    firstResponseMinutes: 12 * HOUR,
    nextResponseMinutes: 12 * HOUR,
    resolutionMinutes: null,
    businessHoursOnly: false,
  }),
  ...forCategories(["order_status", "shipping_address", "cancellation"], {
    name: "Order questions: 30 min (goal 10 min)",
    firstResponseMinutes: 30,
    nextResponseMinutes: 1 * HOUR,
    resolutionMinutes: 2 * BUSINESS_DAY,
    businessHoursOnly: true,
  }),
  ...forCategories(["damaged_wrong_missing", "return_refund", "complaint", "payment_invoice"], {
    name: "Complaints, after-sales and payments: 1 h",
    firstResponseMinutes: 1 * HOUR,
    nextResponseMinutes: 2 * HOUR,
    resolutionMinutes: 3 * BUSINESS_DAY,
    businessHoursOnly: true,
  }),
  ...forCategories(["product_question"], {
    name: "Product questions: 4 h",
    firstResponseMinutes: 4 * HOUR,
    nextResponseMinutes: 4 * HOUR,
    resolutionMinutes: 2 * BUSINESS_DAY,
    businessHoursOnly: true,
  }),
  ...forCategories(["other"], {
    name: "Greetings and other: same business day",
    firstResponseMinutes: BUSINESS_DAY,
    nextResponseMinutes: BUSINESS_DAY,
    resolutionMinutes: null,
    businessHoursOnly: true,
  }),
  policy({
    name: "L3 feedback and suggestions: 24 h (catch-all)",
    firstResponseMinutes: 24 * HOUR,
    nextResponseMinutes: 24 * HOUR,
    resolutionMinutes: null,
    businessHoursOnly: false,
  }),
].map((p, index) => ({ ...p, position: (index + 1) * 10 }));

// Complaint analysis: which reasons customers give, per month, and which keep rising. A reason is a
// keyword or phrase triage matched for the ticket's category (Ticket.triageReasons), e.g. "crushed".

export const COMPLAINT_CATEGORIES = ["complaint", "damaged_wrong_missing", "return_refund"] as const;

/** Months of growth in a row (each month above the one before it) that flag a reason as rising. */
export const RISING_MONTHS = 3;

interface StoredReason {
  rule?: unknown;
  detail?: unknown;
}

/** The matched terms of the ticket's category rule: `score 12: "was damaged", "broken"` → ["was damaged", "broken"]. */
export function reasonTerms(triageReasons: unknown, category: string): string[] {
  if (!Array.isArray(triageReasons)) return [];
  const terms = new Set<string>();
  for (const reason of triageReasons as StoredReason[]) {
    if (reason?.rule !== `category:${category}` || typeof reason.detail !== "string") continue;
    for (const match of reason.detail.matchAll(/"([^"]{1,80})"/g)) terms.add(match[1]!.toLocaleLowerCase());
  }
  // "was damaged" already says "damaged": keep the longest phrase only.
  return [...terms].filter((term) => ![...terms].some((other) => other !== term && other.includes(term)));
}

/** True when the last RISING_MONTHS monthly counts each rose above the month before. */
export function isRising(monthlyCounts: readonly number[]): boolean {
  if (monthlyCounts.length < RISING_MONTHS + 1) return false;
  const recent = monthlyCounts.slice(-(RISING_MONTHS + 1));
  return recent.every((count, index) => index === 0 || count > recent[index - 1]!);
}

export interface ReasonTrend {
  reason: string;
  category: string;
  counts: number[]; // per month, oldest first
  total: number;
  rising: boolean;
  exampleTicketIds: string[];
}

export interface ComplaintTicket {
  id: string;
  category: string;
  monthIndex: number; // 0 = the oldest month of the window
  triageReasons: unknown;
}

export function reasonTrends(tickets: readonly ComplaintTicket[], months: number, limit = 10): ReasonTrend[] {
  const trends = new Map<string, ReasonTrend>();
  for (const ticket of tickets) {
    for (const reason of reasonTerms(ticket.triageReasons, ticket.category)) {
      const key = `${ticket.category}\u0000${reason}`;
      let trend = trends.get(key);
      if (!trend) {
        trend = { reason, category: ticket.category, counts: Array.from({ length: months }, () => 0), total: 0, rising: false, exampleTicketIds: [] };
        trends.set(key, trend);
      }
      trend.counts[ticket.monthIndex]! += 1;
      trend.total += 1;
      if (trend.exampleTicketIds.length < 3) trend.exampleTicketIds.push(ticket.id);
    }
  }
  return [...trends.values()]
    .map((trend) => ({ ...trend, rising: isRising(trend.counts) }))
    .sort((a, b) => Number(b.rising) - Number(a.rising) || b.total - a.total || a.reason.localeCompare(b.reason))
    .slice(0, limit);
}

// Complaint analysis for the product team: complaint-type tickets per week and per month by category
// and severity, the recurring reasons with their monthly trend and example tickets, and a flat export.
import type { PrismaClient } from "@prisma/client";
import { DateTime } from "luxon";
import { COMPLAINT_CATEGORIES, reasonTerms, reasonTrends, type ReasonTrend } from "../../domain/reports/complaints";
import { TICKET_SEVERITIES } from "../../domain/ticket-fields";

export type ComplaintGranularity = "week" | "month";

export interface ComplaintSeries {
  key: string;
  counts: number[]; // one per period label
}

export interface ComplaintAnalysis {
  granularity: ComplaintGranularity;
  labels: string[]; // "2026-W47" or "2026-11", oldest first
  byCategory: ComplaintSeries[];
  bySeverity: ComplaintSeries[];
  reasons: (ReasonTrend & { examples: { id: string; number: number; subject: string }[] })[];
  months: string[]; // the reasons' monthly columns
}

const PERIODS: Record<ComplaintGranularity, number> = { week: 12, month: 6 };

function labelOf(date: DateTime, granularity: ComplaintGranularity): string {
  return granularity === "week" ? `${date.weekYear}-W${String(date.weekNumber).padStart(2, "0")}` : date.toFormat("yyyy-MM");
}

async function complaintTickets(db: PrismaClient, shopId: string, from: Date, to: Date) {
  return db.ticket.findMany({
    where: { shopId, mergedIntoId: null, category: { in: [...COMPLAINT_CATEGORIES] }, createdAt: { gte: from, lt: to } },
    select: { id: true, number: true, subject: true, category: true, severity: true, createdAt: true, triageReasons: true },
    orderBy: { createdAt: "asc" },
  });
}

/** The index of the period an instant falls in, given the periods' start instants (ascending) and the end; -1 outside. */
function periodIndex(starts: readonly number[], end: number, instant: number): number {
  if (instant < starts[0]! || instant >= end) return -1;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= instant) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The complete weeks or months before `now` (the current, partial one would read as a drop). */
export async function loadComplaintAnalysis(
  db: PrismaClient,
  input: { shopId: string; timeZone: string; now: Date; granularity: ComplaintGranularity },
): Promise<ComplaintAnalysis> {
  const { granularity } = input;
  const unit = granularity === "week" ? "week" : "month";
  const end = DateTime.fromJSDate(input.now, { zone: input.timeZone }).startOf(unit);
  const starts = Array.from({ length: PERIODS[granularity] }, (_, index) => end.minus({ [`${unit}s`]: PERIODS[granularity] - index }));
  const labels = starts.map((start) => labelOf(start, granularity));
  const monthStarts = Array.from({ length: PERIODS.month }, (_, index) => DateTime.fromJSDate(input.now, { zone: input.timeZone }).startOf("month").minus({ months: PERIODS.month - index }));
  const from = DateTime.min(starts[0]!, monthStarts[0]!).toJSDate();
  const tickets = await complaintTickets(db, input.shopId, from, end.toJSDate());
  // Periods as instants (local boundaries, DST included), so each ticket is placed by a binary search.
  const periodStarts = starts.map((start) => start.toMillis());
  const monthStartsMs = monthStarts.map((start) => start.toMillis());
  const monthsEnd = DateTime.fromJSDate(input.now, { zone: input.timeZone }).startOf("month").toMillis();

  const series = (keys: readonly string[], keyOf: (ticket: (typeof tickets)[number]) => string) => {
    const counts = new Map(keys.map((key) => [key, labels.map(() => 0)]));
    for (const ticket of tickets) {
      const index = periodIndex(periodStarts, end.toMillis(), ticket.createdAt.getTime());
      const row = counts.get(keyOf(ticket));
      if (index >= 0 && row) row[index]! += 1;
    }
    return [...counts.entries()].map(([key, values]) => ({ key, counts: values }));
  };

  const months = monthStarts.map((start) => start.toFormat("yyyy-MM"));
  const trends = reasonTrends(
    tickets.flatMap((ticket) => {
      const monthIndex = periodIndex(monthStartsMs, monthsEnd, ticket.createdAt.getTime());
      return monthIndex >= 0 ? [{ id: ticket.id, category: ticket.category, monthIndex, triageReasons: ticket.triageReasons }] : [];
    }),
    months.length,
  );
  const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
  return {
    granularity,
    labels,
    byCategory: series(COMPLAINT_CATEGORIES, (ticket) => ticket.category),
    bySeverity: series(TICKET_SEVERITIES, (ticket) => ticket.severity),
    reasons: trends.map((trend) => ({
      ...trend,
      examples: trend.exampleTicketIds.flatMap((id) => {
        const ticket = byId.get(id);
        return ticket ? [{ id, number: ticket.number, subject: ticket.subject }] : [];
      }),
    })),
    months,
  };
}

/** One row per complaint-type ticket of the period, for the product team's spreadsheet. */
export async function complaintExportRows(db: PrismaClient, shopId: string, from: Date, to: Date): Promise<string[][]> {
  const tickets = await complaintTickets(db, shopId, from, to);
  return [
    ["ticket", "created_at", "category", "severity", "reasons", "subject"],
    ...tickets.map((ticket) => [
      `#${ticket.number}`,
      ticket.createdAt.toISOString(),
      ticket.category,
      ticket.severity,
      reasonTerms(ticket.triageReasons, ticket.category).join("; "),
      ticket.subject,
    ]),
  ];
}

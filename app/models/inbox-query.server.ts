// The inbox's queries: views, filters, sort, keyset pagination and the view counts, always within one shop.
//
// Why the page is read in "segments" and per status: both databases can walk an index in order and stop
// after a page only when the ORDER BY matches the index exactly. `status IN (…)` and "nulls last" break that
// (each would sort every matching row), so each status and each part of the order (due tickets, then the
// ones without a target; urgent, then high, …) is read as its own index-ordered range with LIMIT, and the
// small results are merged here. Then the page's rows are loaded by id.
import type { Prisma, PrismaClient } from "@prisma/client";
import { DateTime } from "luxon";
import {
  AT_RISK_WINDOW_MINUTES,
  encodeInboxCursor,
  type InboxCursor,
  type InboxFilters,
  type InboxQuery,
  type InboxView,
  type SlaFilterState,
} from "../domain/inbox-filters";
import { TICKET_PRIORITIES, type TicketStatus } from "../domain/ticket-fields";

export const INBOX_PAGE_SIZE = 50;

export interface InboxContext {
  shopId: string;
  /** The agent looking ("Mine", assignee "me"); null for an offline session. */
  agentId: string | null;
  /** The shop's IANA time zone: created-date filters are calendar days there. */
  timeZone: string;
  now: Date;
}

// The working queue: open tickets and the ones waiting on the customer; snoozed ones come back by themselves.
const WORKING_STATUSES: TicketStatus[] = ["open", "pending"];

// No cuid looks like this: "Mine" for a session without an agent matches nothing.
const NO_AGENT = "__no_agent__";

interface ViewDefinition {
  statuses: TicketStatus[];
  where: Prisma.TicketWhereInput;
}

export function viewDefinition(view: InboxView, context: InboxContext): ViewDefinition {
  switch (view) {
    case "all":
      return { statuses: WORKING_STATUSES, where: {} };
    case "mine":
      return { statuses: WORKING_STATUSES, where: { assigneeId: context.agentId ?? NO_AGENT } };
    case "unassigned":
      return { statuses: WORKING_STATUSES, where: { assigneeId: null } };
    case "urgent":
      return { statuses: WORKING_STATUSES, where: { priority: "urgent" } };
    case "breaching":
      return { statuses: WORKING_STATUSES, where: { slaDueAt: { lte: atRiskLimit(context.now) }, slaPausedAt: null } };
    case "waiting":
      return { statuses: ["pending"], where: {} };
    case "snoozed":
      return { statuses: ["snoozed"], where: {} };
    case "resolved":
      return { statuses: ["resolved", "closed"], where: {} };
  }
}

function atRiskLimit(now: Date): Date {
  return new Date(now.getTime() + AT_RISK_WINDOW_MINUTES * 60_000);
}

function slaStateWhere(state: SlaFilterState, now: Date): Prisma.TicketWhereInput {
  switch (state) {
    case "on_track":
      return { slaDueAt: { gt: atRiskLimit(now) }, slaPausedAt: null };
    case "at_risk":
      return { slaDueAt: { gte: now, lte: atRiskLimit(now) }, slaPausedAt: null };
    case "breached":
      return { slaDueAt: { lt: now }, slaPausedAt: null };
    case "no_target":
      return { slaDueAt: null };
    case "paused":
      return { slaDueAt: { not: null }, slaPausedAt: { not: null } };
  }
}

/** A calendar day in the shop's time zone → the instant it starts. */
function startOfDay(day: string, timeZone: string): Date {
  const start = DateTime.fromISO(day, { zone: timeZone });
  return (start.isValid ? start : DateTime.fromISO(day, { zone: "UTC" })).startOf("day").toJSDate();
}

/** Filter conditions other than status (statuses are intersected with the view's, see inboxStatuses). */
export function filterWhere(filters: InboxFilters, context: InboxContext): Prisma.TicketWhereInput[] {
  const and: Prisma.TicketWhereInput[] = [];
  if (filters.priorities.length > 0) and.push({ priority: { in: filters.priorities } });
  if (filters.severities.length > 0) and.push({ severity: { in: filters.severities } });
  if (filters.categories.length > 0) and.push({ category: { in: filters.categories } });
  if (filters.channels.length > 0) and.push({ channel: { in: filters.channels } });
  if (filters.assignees.length > 0) {
    const ids = filters.assignees.filter((value) => value !== "unassigned").map((value) => (value === "me" ? (context.agentId ?? NO_AGENT) : value));
    const either: Prisma.TicketWhereInput[] = [];
    if (ids.length > 0) either.push({ assigneeId: { in: ids } });
    if (filters.assignees.includes("unassigned")) either.push({ assigneeId: null });
    and.push(either.length === 1 ? either[0]! : { OR: either });
  }
  if (filters.tags.length > 0) and.push({ tags: { some: { shopId: context.shopId, tag: { in: filters.tags } } } });
  if (filters.slaStates.length > 0) {
    const states = filters.slaStates.map((state) => slaStateWhere(state, context.now));
    and.push(states.length === 1 ? states[0]! : { OR: states });
  }
  if (filters.createdFrom) and.push({ createdAt: { gte: startOfDay(filters.createdFrom, context.timeZone) } });
  if (filters.createdTo) {
    const dayAfter = DateTime.fromJSDate(startOfDay(filters.createdTo, context.timeZone), { zone: context.timeZone }).plus({ days: 1 }).toJSDate();
    and.push({ createdAt: { lt: dayAfter } });
  }
  return and;
}

export function inboxStatuses(query: Pick<InboxQuery, "view" | "filters">, context: InboxContext): TicketStatus[] {
  const view = viewDefinition(query.view, context);
  if (query.filters.statuses.length === 0) return view.statuses;
  return view.statuses.filter((status) => query.filters.statuses.includes(status));
}

/**
 * One status, without merged tickets. Merging closes the source ticket (services/merge-tickets.server.ts), so
 * only "closed" needs the mergedIntoId test; leaving it off elsewhere keeps counts index-only.
 */
function statusWhere(status: TicketStatus): Prisma.TicketWhereInput {
  return status === "closed" ? { status, mergedIntoId: null } : { status };
}

// --- Sort segments ---

type SortField = "slaDueAt" | "lastActivityAt" | "createdAt";

interface Segment {
  where: Prisma.TicketWhereInput;
  /** Ordered by this field then id; null: by id only (tickets without an SLA target). */
  field: SortField | null;
  ascending: boolean;
  cursorValues(key: SortKeyRow): (string | number | null)[];
}

export interface SortKeyRow {
  id: string;
  slaDueAt?: Date | null;
  lastActivityAt?: Date;
  createdAt?: Date;
}

function segmentsFor(query: Pick<InboxQuery, "sort" | "direction">): Segment[] {
  const ascending = query.direction === "asc";
  switch (query.sort) {
    case "sla_due":
      return [
        { where: { slaDueAt: { not: null } }, field: "slaDueAt", ascending: true, cursorValues: (row) => [row.slaDueAt!.toISOString()] },
        { where: { slaDueAt: null }, field: null, ascending: true, cursorValues: () => [null] },
      ];
    case "last_activity":
      return [{ where: {}, field: "lastActivityAt", ascending, cursorValues: (row) => [row.lastActivityAt!.toISOString()] }];
    case "created":
      return [{ where: {}, field: "createdAt", ascending, cursorValues: (row) => [row.createdAt!.toISOString()] }];
    case "priority":
      // Urgent first; within a priority the longest-waiting ticket first.
      return TICKET_PRIORITIES.map((priority, rank) => ({
        where: { priority },
        field: "createdAt" as const,
        ascending: true,
        cursorValues: (row: SortKeyRow) => [rank, row.createdAt!.toISOString()],
      }));
  }
}

/** Which segment a cursor points into. */
function cursorSegmentIndex(cursor: InboxCursor): number {
  if (cursor.sort === "sla_due") return cursor.values[0] === null ? 1 : 0;
  if (cursor.sort === "priority") return cursor.values[0] as number;
  return 0;
}

/** Rows strictly after the cursor within its segment: `field ≥ v AND (field > v OR id > cursorId)`, index-friendly. */
function afterCursorWhere(segment: Segment, cursor: InboxCursor): Prisma.TicketWhereInput {
  const idAfter = segment.ascending ? { gt: cursor.id } : { lt: cursor.id };
  if (segment.field === null) return { id: idAfter };
  const value = new Date(cursor.values[cursor.values.length - 1] as string);
  const bound = segment.ascending ? { gte: value } : { lte: value };
  const beyond = segment.ascending ? { gt: value } : { lt: value };
  return { [segment.field]: bound, OR: [{ [segment.field]: beyond }, { id: idAfter }] };
}

function compareKeys(segment: Segment, a: SortKeyRow, b: SortKeyRow): number {
  const sign = segment.ascending ? 1 : -1;
  if (segment.field) {
    const difference = a[segment.field]!.getTime() - b[segment.field]!.getTime();
    if (difference !== 0) return sign * difference;
  }
  return sign * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface InboxKeyPage {
  ids: string[];
  nextCursor: string | null;
}

/**
 * The ids of one inbox page in order, and the cursor of the next page. `searchIds` (from searchTicketIds)
 * narrows to the search matches when a search is active.
 */
export async function listInboxPageIds(
  db: PrismaClient,
  context: InboxContext,
  query: InboxQuery,
  options: { limit?: number; searchIds?: string[] | null } = {},
): Promise<InboxKeyPage> {
  const limit = options.limit ?? INBOX_PAGE_SIZE;
  const statuses = inboxStatuses(query, context);
  if (statuses.length === 0 || options.searchIds?.length === 0) return { ids: [], nextCursor: null };
  const base: Prisma.TicketWhereInput[] = [
    { shopId: context.shopId },
    viewDefinition(query.view, context).where,
    ...filterWhere(query.filters, context),
  ];
  if (options.searchIds) base.push({ id: { in: options.searchIds } });

  const segments = segmentsFor(query);
  const startIndex = query.cursor ? cursorSegmentIndex(query.cursor) : 0;
  const keys: { row: SortKeyRow; segmentIndex: number }[] = [];
  const select = { id: true, slaDueAt: true, lastActivityAt: true, createdAt: true } as const;
  for (let index = startIndex; index < segments.length && keys.length <= limit; index++) {
    const segment = segments[index]!;
    const wanted = limit + 1 - keys.length;
    const after = query.cursor && index === startIndex ? [afterCursorWhere(segment, query.cursor)] : [];
    const direction = segment.ascending ? ("asc" as const) : ("desc" as const);
    const orderBy: Prisma.TicketOrderByWithRelationInput[] = segment.field
      ? [{ [segment.field]: direction }, { id: direction }]
      : [{ id: direction }];
    const perStatus = await Promise.all(
      statuses.map((status) =>
        db.ticket.findMany({ where: { AND: [...base, segment.where, statusWhere(status), ...after] }, orderBy, take: wanted, select }),
      ),
    );
    const merged = perStatus.flat().sort((a, b) => compareKeys(segment, a, b)).slice(0, wanted);
    for (const row of merged) keys.push({ row, segmentIndex: index });
  }

  const hasMore = keys.length > limit;
  const page = keys.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    hasMore && last
      ? encodeInboxCursor({ sort: query.sort, direction: query.direction, values: segments[last.segmentIndex]!.cursorValues(last.row), id: last.row.id })
      : null;
  return { ids: page.map((key) => key.row.id), nextCursor };
}

// --- Counts per view ---

export type InboxViewCounts = Record<InboxView, number>;

/** How many tickets each view holds (the view alone, without the current filters), for the tabs. */
export async function countInboxViews(db: PrismaClient, context: InboxContext): Promise<InboxViewCounts> {
  const views = ["all", "mine", "unassigned", "urgent", "breaching", "waiting", "snoozed", "resolved"] as const;
  const counts = await Promise.all(
    views.map(async (view) => {
      const definition = viewDefinition(view, context);
      // Per status, like the page queries, so each count is one index range.
      const perStatus = await Promise.all(
        definition.statuses.map((status) =>
          db.ticket.count({ where: { AND: [{ shopId: context.shopId }, statusWhere(status), definition.where] } }),
        ),
      );
      return [view, perStatus.reduce((sum, count) => sum + count, 0)] as const;
    }),
  );
  return Object.fromEntries(counts) as InboxViewCounts;
}

// The inbox's queries: views, filters, sort, keyset pagination and the view counts, always within one shop.
//
// Why the page is read in "segments" and per status: both databases can walk an index in order and stop
// after a page only when the ORDER BY matches the index exactly. `status IN (…)` and "nulls last" break that
// (each would sort every matching row), so each status and each part of the order (due tickets, then the
// ones without a target; urgent, then high, …) is read as its own index-ordered range with LIMIT, and the
// small results are merged here. The statuses of one segment go to the database as one statement
// (UNION ALL of the per-status ranges), and the page's rows with their customer, assignee and first order
// as one more: SQL text from inbox-sql.server.ts, because per-query client work dominated the page.
import type { PrismaClient } from "@prisma/client";
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
import { parseSqlTime, SqlParams, timeText, type SqlDialect } from "./inbox-sql.server";
import { sqlReaderFor } from "../db/sql-reader.server";

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

/** A condition on the ticket alias `t`, binding its values into `params` (called in textual order). */
type Condition = (params: SqlParams) => string;

interface ViewDefinition {
  statuses: TicketStatus[];
  where: Condition | null;
}

export function viewDefinition(view: InboxView, context: InboxContext): ViewDefinition {
  switch (view) {
    case "all":
      return { statuses: WORKING_STATUSES, where: null };
    case "mine":
      return { statuses: WORKING_STATUSES, where: (p) => `t."assigneeId" = ${p.add(context.agentId ?? NO_AGENT)}` };
    case "unassigned":
      return { statuses: WORKING_STATUSES, where: () => `t."assigneeId" IS NULL` };
    case "urgent":
      return { statuses: WORKING_STATUSES, where: (p) => `t.priority = ${p.add("urgent")}` };
    case "breaching":
      return { statuses: WORKING_STATUSES, where: (p) => `t."slaDueAt" <= ${p.time(atRiskLimit(context.now))} AND t."slaPausedAt" IS NULL` };
    case "waiting":
      return { statuses: ["pending"], where: null };
    case "snoozed":
      return { statuses: ["snoozed"], where: null };
    case "resolved":
      return { statuses: ["resolved", "closed"], where: null };
  }
}

function atRiskLimit(now: Date): Date {
  return new Date(now.getTime() + AT_RISK_WINDOW_MINUTES * 60_000);
}

function slaStateWhere(state: SlaFilterState, now: Date, p: SqlParams): string {
  switch (state) {
    case "on_track":
      return `(t."slaDueAt" > ${p.time(atRiskLimit(now))} AND t."slaPausedAt" IS NULL)`;
    case "at_risk":
      return `(t."slaDueAt" >= ${p.time(now)} AND t."slaDueAt" <= ${p.time(atRiskLimit(now))} AND t."slaPausedAt" IS NULL)`;
    case "breached":
      return `(t."slaDueAt" < ${p.time(now)} AND t."slaPausedAt" IS NULL)`;
    case "no_target":
      return `t."slaDueAt" IS NULL`;
    case "paused":
      return `(t."slaDueAt" IS NOT NULL AND t."slaPausedAt" IS NOT NULL)`;
  }
}

/** A calendar day in the shop's time zone → the instant it starts. */
function startOfDay(day: string, timeZone: string): Date {
  const start = DateTime.fromISO(day, { zone: timeZone });
  return (start.isValid ? start : DateTime.fromISO(day, { zone: "UTC" })).startOf("day").toJSDate();
}

/** Filter conditions other than status (statuses are intersected with the view's, see inboxStatuses). */
export function filterWhere(filters: InboxFilters, context: InboxContext): Condition[] {
  const and: Condition[] = [];
  const anyOf = (column: string, values: readonly string[]) => (p: SqlParams) => `t.${column} IN (${p.list(values)})`;
  if (filters.priorities.length > 0) and.push(anyOf("priority", filters.priorities));
  if (filters.severities.length > 0) and.push(anyOf("severity", filters.severities));
  if (filters.categories.length > 0) and.push(anyOf("category", filters.categories));
  if (filters.channels.length > 0) and.push(anyOf("channel", filters.channels));
  if (filters.assignees.length > 0) {
    const ids = filters.assignees.filter((value) => value !== "unassigned").map((value) => (value === "me" ? (context.agentId ?? NO_AGENT) : value));
    const unassigned = filters.assignees.includes("unassigned");
    and.push((p) => {
      const either: string[] = [];
      if (ids.length > 0) either.push(`t."assigneeId" IN (${p.list(ids)})`);
      if (unassigned) either.push(`t."assigneeId" IS NULL`);
      return `(${either.join(" OR ")})`;
    });
  }
  if (filters.tags.length > 0) {
    and.push((p) => `EXISTS (SELECT 1 FROM "TicketTag" g WHERE g."ticketId" = t.id AND g."shopId" = ${p.add(context.shopId)} AND g.tag IN (${p.list(filters.tags)}))`);
  }
  if (filters.slaStates.length > 0) {
    and.push((p) => `(${filters.slaStates.map((state) => slaStateWhere(state, context.now, p)).join(" OR ")})`);
  }
  if (filters.createdFrom) {
    const from = startOfDay(filters.createdFrom, context.timeZone);
    and.push((p) => `t."createdAt" >= ${p.time(from)}`);
  }
  if (filters.createdTo) {
    const dayAfter = DateTime.fromJSDate(startOfDay(filters.createdTo, context.timeZone), { zone: context.timeZone }).plus({ days: 1 }).toJSDate();
    and.push((p) => `t."createdAt" < ${p.time(dayAfter)}`);
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
function statusWhere(status: TicketStatus): Condition {
  return (p) => (status === "closed" ? `t.status = ${p.add(status)} AND t."mergedIntoId" IS NULL` : `t.status = ${p.add(status)}`);
}

// --- Sort segments ---

type SortField = "slaDueAt" | "lastActivityAt" | "createdAt";

interface Segment {
  where: Condition | null;
  /** Ordered by this field then id; null: by id only (tickets without an SLA target). */
  field: SortField | null;
  ascending: boolean;
  cursorValues(key: SortKeyRow): (string | number | null)[];
}

export interface SortKeyRow {
  id: string;
  /** The segment's sort field (null in the by-id segment). */
  value: Date | null;
}

function segmentsFor(query: Pick<InboxQuery, "sort" | "direction">): Segment[] {
  const ascending = query.direction === "asc";
  const valueIso = (row: SortKeyRow) => row.value!.toISOString();
  switch (query.sort) {
    case "sla_due":
      return [
        { where: () => `t."slaDueAt" IS NOT NULL`, field: "slaDueAt", ascending: true, cursorValues: (row) => [valueIso(row)] },
        { where: () => `t."slaDueAt" IS NULL`, field: null, ascending: true, cursorValues: () => [null] },
      ];
    case "last_activity":
      return [{ where: null, field: "lastActivityAt", ascending, cursorValues: (row) => [valueIso(row)] }];
    case "created":
      return [{ where: null, field: "createdAt", ascending, cursorValues: (row) => [valueIso(row)] }];
    case "priority":
      // Urgent first; within a priority the longest-waiting ticket first.
      return TICKET_PRIORITIES.map((priority, rank) => ({
        where: (p: SqlParams) => `t.priority = ${p.add(priority)}`,
        field: "createdAt" as const,
        ascending: true,
        cursorValues: (row: SortKeyRow) => [rank, valueIso(row)],
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
function afterCursorWhere(segment: Segment, cursor: InboxCursor): Condition {
  const idAfter = segment.ascending ? ">" : "<";
  if (segment.field === null) return (p) => `t.id ${idAfter} ${p.add(cursor.id)}`;
  const column = `t."${segment.field}"`;
  const value = new Date(cursor.values[cursor.values.length - 1] as string);
  const bound = segment.ascending ? ">=" : "<=";
  return (p) => `${column} ${bound} ${p.time(value)} AND (${column} ${idAfter} ${p.time(value)} OR t.id ${idAfter} ${p.add(cursor.id)})`;
}

function compareKeys(segment: Segment, a: SortKeyRow, b: SortKeyRow): number {
  const sign = segment.ascending ? 1 : -1;
  if (segment.field) {
    const difference = a.value!.getTime() - b.value!.getTime();
    if (difference !== 0) return sign * difference;
  }
  return sign * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The SLA order narrowed to some priorities (the Urgent view, a priority filter) reads one range per
 * status and priority of `[shopId, status, priority, slaDueAt, id]`: walking the whole status in due order
 * and skipping the other priorities read thousands of rows for a page of fifty.
 */
function slaRangePriorities(query: Pick<InboxQuery, "view" | "filters" | "sort">): string[] | null {
  if (query.sort !== "sla_due") return null;
  const allowed: readonly string[][] = [
    ...(query.view === "urgent" ? [["urgent"]] : []),
    ...(query.filters.priorities.length > 0 ? [query.filters.priorities] : []),
  ];
  if (allowed.length === 0) return null;
  return TICKET_PRIORITIES.filter((priority) => allowed.every((list) => list.includes(priority)));
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
  dialect: SqlDialect,
  context: InboxContext,
  query: InboxQuery,
  options: { limit?: number; searchIds?: string[] | null } = {},
): Promise<InboxKeyPage> {
  const limit = options.limit ?? INBOX_PAGE_SIZE;
  const statuses = inboxStatuses(query, context);
  const searchIds = options.searchIds;
  if (statuses.length === 0 || searchIds?.length === 0) return { ids: [], nextCursor: null };
  const view = viewDefinition(query.view, context);
  const base: Condition[] = [
    (p) => `t."shopId" = ${p.add(context.shopId)}`,
    ...(view.where ? [view.where] : []),
    ...filterWhere(query.filters, context),
    ...(searchIds ? [(p: SqlParams) => p.inIds("t.id", searchIds)] : []),
  ];

  const priorities = slaRangePriorities(query);
  if (priorities?.length === 0) return { ids: [], nextCursor: null };
  const segments = segmentsFor(query);
  const startIndex = query.cursor ? cursorSegmentIndex(query.cursor) : 0;
  const keys: { row: SortKeyRow; segmentIndex: number }[] = [];
  for (let index = startIndex; index < segments.length && keys.length <= limit; index++) {
    const segment = segments[index]!;
    const wanted = limit + 1 - keys.length;
    const conditions = [...base, ...(segment.where ? [segment.where] : [])];
    if (query.cursor && index === startIndex) conditions.push(afterCursorWhere(segment, query.cursor));
    const direction = segment.ascending ? "ASC" : "DESC";
    const orderBy = segment.field ? `t."${segment.field}" ${direction}, t.id ${direction}` : `t.id ${direction}`;
    const value = segment.field ? timeText(dialect, `t."${segment.field}"`) : "NULL";
    const params = new SqlParams(dialect);
    const ranges = statuses.flatMap((status) => (priorities ?? [null]).map((priority) => ({ status, priority })));
    // Built left to right: each branch binds its own values in the order its placeholders appear.
    const branches = ranges.map(({ status, priority }, position) => {
      const range = [statusWhere(status), ...(priority ? [(p: SqlParams) => `t.priority = ${p.add(priority)}`] : [])];
      const where = [...conditions, ...range].map((condition) => condition(params)).join(" AND ");
      return `SELECT * FROM (SELECT t.id AS id, ${value} AS "sortValue" FROM "Ticket" t WHERE ${where} ORDER BY ${orderBy} LIMIT ${Number(wanted)}) AS s${position}`;
    });
    const rows = await sqlReaderFor(db).rows<{ id: string; sortValue: unknown }>(branches.join(" UNION ALL "), params.values);
    const merged = rows
      .map((row) => ({ id: row.id, value: parseSqlTime(row.sortValue) }))
      .sort((a, b) => compareKeys(segment, a, b))
      .slice(0, wanted);
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

const COUNTED_VIEWS = ["all", "mine", "unassigned", "urgent", "breaching", "waiting", "snoozed", "resolved"] as const;

/** How many tickets each view holds (the view alone, without the current filters), for the tabs: one statement. */
export async function countInboxViews(db: PrismaClient, dialect: SqlDialect, context: InboxContext): Promise<InboxViewCounts> {
  const params = new SqlParams(dialect);
  const columns: string[] = [];
  const owners: InboxView[] = [];
  for (const view of COUNTED_VIEWS) {
    const definition = viewDefinition(view, context);
    // Per status, like the page queries, so each count is one index range.
    for (const status of definition.statuses) {
      const conditions = [(p: SqlParams) => `t."shopId" = ${p.add(context.shopId)}`, statusWhere(status), ...(definition.where ? [definition.where] : [])];
      columns.push(`(SELECT COUNT(*) FROM "Ticket" t WHERE ${conditions.map((condition) => condition(params)).join(" AND ")}) AS c${columns.length}`);
      owners.push(view);
    }
  }
  const [row] = await sqlReaderFor(db).rows(`SELECT ${columns.join(", ")}`, params.values);
  const counts = Object.fromEntries(COUNTED_VIEWS.map((view) => [view, 0])) as InboxViewCounts;
  owners.forEach((view, position) => (counts[view] += Number(row![`c${position}`])));
  return counts;
}

// Tickets: always read and written through a shop id. The inbox's query logic is in inbox-query.server.ts.
import type { PrismaClient } from "@prisma/client";
import type { InboxQuery } from "../domain/inbox-filters";
import { cachedInboxCounts } from "./inbox-counts-cache.server";
import { countInboxViews, INBOX_PAGE_SIZE, listInboxPageIds, type InboxContext } from "./inbox-query.server";
import { SqlParams, timeText, type SqlDialect } from "./inbox-sql.server";
import { sqlDateIso } from "../db/model-rows.server";
import { searchTicketIds } from "./ticket-search.server";
import { sqlReaderFor } from "../db/sql-reader.server";

export { INBOX_PAGE_SIZE };

// Search narrows the inbox to at most this many matches, then the inbox's own sort orders them.
// 500 keeps `id IN (…)` under the SQLite driver adapter's bound-parameter limit (999) with the filters added.
export const INBOX_SEARCH_LIMIT = 500;

export interface InboxPage {
  rows: InboxRowView[];
  nextCursor: string | null;
  /** The search matched more tickets than the inbox narrows to (INBOX_SEARCH_LIMIT). */
  searchTruncated: boolean;
}

/** An inbox row as the page shows it (plain JSON; a type alias so Polaris's resource helpers accept it). */
export type InboxRowView = {
  id: string;
  number: number;
  subject: string;
  snippet: string;
  status: string;
  priority: string;
  severity: string;
  category: string;
  channel: string;
  unread: boolean;
  slaDueAt: string | null;
  slaPaused: boolean;
  lastActivityAt: string;
  createdAt: string;
  customerName: string | null;
  customerEmail: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  orderName: string | null;
};

/** One page of the inbox for a view, filters, search and sort; keyset-paged by an opaque cursor. */
export async function listInboxPage(
  db: PrismaClient,
  provider: SqlDialect,
  context: InboxContext,
  query: InboxQuery,
  options: { limit?: number } = {},
): Promise<InboxPage> {
  const searchIds = query.search ? await searchTicketIds(db, provider, context.shopId, query.search, INBOX_SEARCH_LIMIT + 1) : null;
  const searchTruncated = searchIds !== null && searchIds.length > INBOX_SEARCH_LIMIT;
  const keys = await listInboxPageIds(db, provider, context, query, {
    limit: options.limit,
    searchIds: searchIds?.slice(0, INBOX_SEARCH_LIMIT) ?? null,
  });
  if (keys.ids.length === 0) return { rows: [], nextCursor: null, searchTruncated };
  const rows = await loadInboxRows(db, provider, context.shopId, keys.ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    rows: keys.ids.map((id) => byId.get(id)).filter((row): row is InboxRowView => row !== undefined),
    nextCursor: keys.nextCursor,
    searchTruncated,
  };
}

interface InboxRowRecord {
  id: string;
  number: number | bigint;
  subject: string;
  snippet: string;
  status: string;
  priority: string;
  severity: string;
  category: string;
  channel: string;
  unread: boolean | number | bigint;
  slaDueAt: unknown;
  slaPausedAt: unknown;
  lastActivityAt: unknown;
  createdAt: unknown;
  customerName: string | null;
  customerEmail: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  orderName: string | null;
}

/** The page's tickets with their customer, assignee and first linked order, in one statement (any order). */
async function loadInboxRows(db: PrismaClient, dialect: SqlDialect, shopId: string, ids: string[]): Promise<InboxRowView[]> {
  const params = new SqlParams(dialect);
  const time = (column: string) => `${timeText(dialect, `t."${column}"`)} AS "${column}"`;
  const records = await sqlReaderFor(db).rows<InboxRowRecord>(
    `SELECT t.id, t.number, t.subject, t.snippet, t.status, t.priority, t.severity, t.category, t.channel, t.unread,
        ${time("slaDueAt")}, ${time("slaPausedAt")}, ${time("lastActivityAt")}, ${time("createdAt")},
        c."displayName" AS "customerName", c.email AS "customerEmail", a.id AS "assigneeId", a.name AS "assigneeName",
        (SELECT o."orderName" FROM "TicketOrder" o WHERE o."ticketId" = t.id ORDER BY o."createdAt", o."shopifyOrderId" LIMIT 1) AS "orderName"
      FROM "Ticket" t
        LEFT JOIN "Customer" c ON c.id = t."customerId"
        LEFT JOIN "Agent" a ON a.id = t."assigneeId"
      WHERE t."shopId" = ${params.add(shopId)} AND ${params.inIds("t.id", ids)}`,
    params.values,
  );
  return records.map((record) => ({
    id: record.id,
    number: Number(record.number),
    subject: record.subject,
    snippet: record.snippet,
    status: record.status,
    priority: record.priority,
    severity: record.severity,
    category: record.category,
    channel: record.channel,
    unread: Boolean(Number(record.unread)),
    slaDueAt: record.slaDueAt === null ? null : sqlDateIso(record.slaDueAt),
    slaPaused: record.slaPausedAt !== null,
    lastActivityAt: sqlDateIso(record.lastActivityAt),
    createdAt: sqlDateIso(record.createdAt),
    customerName: record.customerName,
    customerEmail: record.customerEmail,
    assigneeId: record.assigneeId,
    assigneeName: record.assigneeName,
    orderName: record.orderName,
  }));
}

/** The shop's agents for the assignee filter and bulk assign, by name. */
async function listAgentNames(db: PrismaClient, dialect: SqlDialect, shopId: string): Promise<{ id: string; name: string }[]> {
  const params = new SqlParams(dialect);
  return sqlReaderFor(db).rows<{ id: string; name: string }>(`SELECT id, name FROM "Agent" WHERE "shopId" = ${params.add(shopId)} ORDER BY name ASC`, params.values);
}

/** Everything the inbox page shows for one request: the page of rows, the view counts and the agents. */
export async function loadInboxView(
  db: PrismaClient,
  provider: SqlDialect,
  context: InboxContext,
  query: InboxQuery,
) {
  const [page, counts, agents] = await Promise.all([
    listInboxPage(db, provider, context, query),
    cachedInboxCounts(context.shopId, context.agentId, () => countInboxViews(db, provider, context)),
    listAgentNames(db, provider, context.shopId),
  ]);
  return {
    rows: page.rows,
    nextCursor: page.nextCursor,
    searchTruncated: page.searchTruncated,
    counts,
    agents,
  };
}

export async function countTicketsByStatus(db: PrismaClient, shopId: string): Promise<Record<string, number>> {
  const groups = await db.ticket.groupBy({ by: ["status"], where: { shopId, mergedIntoId: null }, _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
}

/** A ticket of this shop, or null: another shop's id is indistinguishable from a missing one. */
export async function findTicket(db: PrismaClient, shopId: string, ticketId: string) {
  return db.ticket.findFirst({ where: { id: ticketId, shopId } });
}

// Tickets: always read and written through a shop id. The inbox's query logic is in inbox-query.server.ts.
import type { PrismaClient, Prisma } from "@prisma/client";
import type { InboxQuery } from "../domain/inbox-filters";
import { cachedInboxCounts } from "./inbox-counts-cache.server";
import { countInboxViews, INBOX_PAGE_SIZE, listInboxPageIds, type InboxContext } from "./inbox-query.server";
import { searchTicketIds } from "./ticket-search.server";

export { INBOX_PAGE_SIZE };

// Search narrows the inbox to at most this many matches, then the inbox's own sort orders them.
// 500 keeps `id IN (…)` under the SQLite driver adapter's bound-parameter limit (999) with the filters added.
export const INBOX_SEARCH_LIMIT = 500;

const inboxRowSelect = {
  id: true,
  number: true,
  subject: true,
  snippet: true,
  status: true,
  priority: true,
  severity: true,
  category: true,
  channel: true,
  unread: true,
  slaDueAt: true,
  slaPausedAt: true,
  lastActivityAt: true,
  createdAt: true,
  customer: { select: { displayName: true, email: true } },
  assignee: { select: { id: true, name: true } },
  orders: { select: { orderName: true }, orderBy: { createdAt: "asc" as const }, take: 1 },
} satisfies Prisma.TicketSelect;

export type InboxRow = Prisma.TicketGetPayload<{ select: typeof inboxRowSelect }>;

export interface InboxPage {
  rows: InboxRow[];
  nextCursor: string | null;
  /** The search matched more tickets than the inbox narrows to (INBOX_SEARCH_LIMIT). */
  searchTruncated: boolean;
}

/** One page of the inbox for a view, filters, search and sort; keyset-paged by an opaque cursor. */
export async function listInboxPage(
  db: PrismaClient,
  provider: "sqlite" | "postgresql",
  context: InboxContext,
  query: InboxQuery,
  options: { limit?: number } = {},
): Promise<InboxPage> {
  const searchIds = query.search ? await searchTicketIds(db, provider, context.shopId, query.search, INBOX_SEARCH_LIMIT + 1) : null;
  const searchTruncated = searchIds !== null && searchIds.length > INBOX_SEARCH_LIMIT;
  const keys = await listInboxPageIds(db, context, query, {
    limit: options.limit,
    searchIds: searchIds?.slice(0, INBOX_SEARCH_LIMIT) ?? null,
  });
  if (keys.ids.length === 0) return { rows: [], nextCursor: null, searchTruncated };
  const rows = await db.ticket.findMany({ where: { shopId: context.shopId, id: { in: keys.ids } }, select: inboxRowSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    rows: keys.ids.map((id) => byId.get(id)).filter((row): row is InboxRow => row !== undefined),
    nextCursor: keys.nextCursor,
    searchTruncated,
  };
}

/** An inbox row as the page shows it (plain JSON). */
export function toInboxRowView(row: InboxRow) {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    snippet: row.snippet,
    status: row.status,
    priority: row.priority,
    severity: row.severity,
    category: row.category,
    channel: row.channel,
    unread: row.unread,
    slaDueAt: row.slaDueAt?.toISOString() ?? null,
    slaPaused: row.slaPausedAt !== null,
    lastActivityAt: row.lastActivityAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    customerName: row.customer?.displayName ?? null,
    customerEmail: row.customer?.email ?? null,
    assigneeId: row.assignee?.id ?? null,
    assigneeName: row.assignee?.name ?? null,
    orderName: row.orders[0]?.orderName ?? null,
  };
}
export type InboxRowView = ReturnType<typeof toInboxRowView>;

/** Everything the inbox page shows for one request: the page of rows, the view counts and the agents. */
export async function loadInboxView(
  db: PrismaClient,
  provider: "sqlite" | "postgresql",
  context: InboxContext,
  query: InboxQuery,
) {
  const [page, counts, agents] = await Promise.all([
    listInboxPage(db, provider, context, query),
    cachedInboxCounts(context.shopId, context.agentId, () => countInboxViews(db, context)),
    db.agent.findMany({ where: { shopId: context.shopId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    rows: page.rows.map(toInboxRowView),
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

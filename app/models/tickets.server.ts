// Tickets: always read and written through a shop id.
import type { PrismaClient, Prisma } from "@prisma/client";
import { ACTIVE_STATUSES } from "../domain/ticket-fields";

export const INBOX_PAGE_SIZE = 50;

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
}

/** The open inbox, soonest SLA due first (tickets without a target last), by cursor. */
export async function listInboxPage(
  db: PrismaClient,
  shopId: string,
  options: { cursor?: string | null; limit?: number; statuses?: readonly string[] } = {},
): Promise<InboxPage> {
  const limit = options.limit ?? INBOX_PAGE_SIZE;
  const statuses = options.statuses ?? ACTIVE_STATUSES;
  const rows = await db.ticket.findMany({
    where: { shopId, status: { in: [...statuses] }, mergedIntoId: null },
    orderBy: [{ slaDueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    select: inboxRowSelect,
    take: limit + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 0 } : {}),
  });
  const hasMore = rows.length > limit;
  return { rows: rows.slice(0, limit), nextCursor: hasMore ? rows[limit]!.id : null };
}

export async function countTicketsByStatus(db: PrismaClient, shopId: string): Promise<Record<string, number>> {
  const groups = await db.ticket.groupBy({ by: ["status"], where: { shopId, mergedIntoId: null }, _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
}

/** A ticket of this shop, or null: another shop's id is indistinguishable from a missing one. */
export async function findTicket(db: PrismaClient, shopId: string, ticketId: string) {
  return db.ticket.findFirst({ where: { id: ticketId, shopId } });
}

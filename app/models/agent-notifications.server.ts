// The in-app notifications an agent sees (SLA warnings and breaches, L1 alerts, assignments): their own
// and the shop-wide ones (agentId null; reading one marks it read for the shop).
import type { PrismaClient } from "@prisma/client";

const PAGE = 100;

export async function listNotifications(db: PrismaClient, shopId: string, agentId: string) {
  const mine = { shopId, OR: [{ agentId }, { agentId: null }] };
  const [items, unread] = await Promise.all([
    db.notification.findMany({ where: mine, orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], take: PAGE }),
    db.notification.count({ where: { ...mine, readAt: null } }),
  ]);
  const tickets = await db.ticket.findMany({
    where: { shopId, id: { in: [...new Set(items.flatMap((item) => (item.ticketId ? [item.ticketId] : [])))] } },
    select: { id: true, number: true, subject: true },
  });
  const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
  return {
    unread,
    items: items.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      body: item.body,
      read: item.readAt !== null,
      createdAt: item.createdAt.toISOString(),
      ticket: item.ticketId ? (byId.get(item.ticketId) ?? null) : null,
    })),
  };
}

/** Marks the given notifications (or all) of this agent and the shop-wide ones read; returns how many. */
export async function markNotificationsRead(db: PrismaClient, shopId: string, agentId: string, ids: string[] | "all", now = new Date()): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { shopId, readAt: null, OR: [{ agentId }, { agentId: null }], ...(ids === "all" ? {} : { id: { in: ids.slice(0, PAGE) } }) },
    data: { readAt: now },
  });
  return count;
}

// A ticket as the ticket page shows it: header fields, the conversation and timeline interleaved in
// time order, and the neighbouring tickets in the inbox's default order (for j/k).
import type { Prisma, PrismaClient } from "@prisma/client";

const ticketPageInclude = {
  tags: { select: { tag: true }, orderBy: { tag: "asc" } },
  messages: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      direction: true,
      authorType: true,
      authorName: true,
      bodyText: true,
      bodyHtml: true, // sanitised when stored (app/services/email)
      channel: true,
      isAutomated: true,
      deliveryStatus: true,
      deliveryError: true,
      createdAt: true,
      attachments: { select: { id: true, filename: true, contentType: true, sizeBytes: true }, orderBy: { createdAt: "asc" } },
    },
  },
  events: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, type: true, actorType: true, actorAgentId: true, data: true, createdAt: true },
  },
} satisfies Prisma.TicketInclude;

export type TicketPageRecord = Prisma.TicketGetPayload<{ include: typeof ticketPageInclude }>;

export type ThreadItem =
  | ({ kind: "message" } & Omit<TicketPageRecord["messages"][number], "createdAt"> & { createdAt: string })
  | { kind: "event"; id: string; type: string; actorType: string; actorName: string | null; data: Prisma.JsonValue; createdAt: string };

// Where the default inbox lists its working queue (app/models/inbox-query.server.ts, view "all", sort "sla_due").
const INBOX_WORKING_STATUSES = ["open", "pending"];

export async function findTicketForPage(db: PrismaClient, shopId: string, ticketId: string): Promise<TicketPageRecord | null> {
  return db.ticket.findFirst({ where: { id: ticketId, shopId }, include: ticketPageInclude });
}

/** Messages and timeline events in one list, oldest first; a message comes before an event of the same instant. */
export function buildThread(ticket: TicketPageRecord, agentNames: ReadonlyMap<string, string>): ThreadItem[] {
  const items: (ThreadItem & { at: number; order: number })[] = [
    ...ticket.messages.map((message) => ({ ...message, kind: "message" as const, createdAt: message.createdAt.toISOString(), at: message.createdAt.getTime(), order: 0 })),
    ...ticket.events.map((event) => ({
      kind: "event" as const,
      id: event.id,
      type: event.type,
      actorType: event.actorType,
      actorName: event.actorAgentId ? (agentNames.get(event.actorAgentId) ?? null) : null,
      data: event.data,
      createdAt: event.createdAt.toISOString(),
      at: event.createdAt.getTime(),
      order: 1,
    })),
  ];
  items.sort((a, b) => a.at - b.at || a.order - b.order);
  return items.map(({ at: _at, order: _order, ...item }) => item as ThreadItem);
}

type SortKey = { id: string; slaDueAt: Date | null };

/** Inbox order: tickets with an SLA due time first (by due time, then id), then those without one by id. */
function compareInboxOrder(a: SortKey, b: SortKey): number {
  if (a.slaDueAt && b.slaDueAt && a.slaDueAt.getTime() !== b.slaDueAt.getTime()) return a.slaDueAt.getTime() - b.slaDueAt.getTime();
  if (a.slaDueAt && !b.slaDueAt) return -1;
  if (!a.slaDueAt && b.slaDueAt) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The previous and next ticket in the default inbox order. One LIMIT 1 query per status and part of the
 * order, each walking the (shopId, status, slaDueAt) index, as the inbox itself reads its pages.
 */
export async function inboxNeighbours(
  db: PrismaClient,
  shopId: string,
  position: SortKey,
): Promise<{ previousId: string | null; nextId: string | null }> {
  const due = position.slaDueAt;
  const nearest = async (where: Prisma.TicketWhereInput, direction: "asc" | "desc"): Promise<SortKey | null> => {
    const orderBy: Prisma.TicketOrderByWithRelationInput[] = where.slaDueAt === null ? [{ id: direction }] : [{ slaDueAt: direction }, { id: direction }];
    const rows = await Promise.all(
      INBOX_WORKING_STATUSES.map((status) =>
        db.ticket.findFirst({ where: { shopId, status, mergedIntoId: null, ...where }, orderBy, select: { id: true, slaDueAt: true } }),
      ),
    );
    const found = rows.filter((row): row is SortKey => row !== null).sort(compareInboxOrder);
    return (direction === "asc" ? found[0] : found.at(-1)) ?? null;
  };
  const dueAfter: Prisma.TicketWhereInput = due ? { slaDueAt: { gte: due }, OR: [{ slaDueAt: { gt: due } }, { id: { gt: position.id } }] } : {};
  const dueBefore: Prisma.TicketWhereInput = due ? { slaDueAt: { lte: due }, OR: [{ slaDueAt: { lt: due } }, { id: { lt: position.id } }] } : {};
  const [previous, next] = await Promise.all([
    due
      ? nearest(dueBefore, "desc")
      : nearest({ slaDueAt: null, id: { lt: position.id } }, "desc").then((row) => row ?? nearest({ slaDueAt: { not: null } }, "desc")),
    due
      ? nearest(dueAfter, "asc").then((row) => row ?? nearest({ slaDueAt: null }, "asc"))
      : nearest({ slaDueAt: null, id: { gt: position.id } }, "asc"),
  ]);
  return { previousId: previous?.id ?? null, nextId: next?.id ?? null };
}

/** The newest message the agent has seen: the composer posts it back to detect a colleague's reply. */
export function lastMessageId(ticket: TicketPageRecord): string | null {
  return ticket.messages.at(-1)?.id ?? null;
}

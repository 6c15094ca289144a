// Merging duplicates: the source tickets' conversation, orders and tags move to the target; each
// source is closed with mergedIntoId set, and both sides get a timeline entry.
import { invalidateInboxCounts } from "../models/inbox-counts-cache.server";
import type { PrismaClient } from "@prisma/client";
import { refreshSearchDocument } from "../models/ticket-search.server";

export interface MergeTicketsInput {
  shopId: string;
  sourceTicketIds: string[];
  targetTicketId: string;
  actorAgentId: string | null;
  now?: Date;
}

export class MergeError extends Error {
  constructor(readonly reason: "target_not_found" | "target_merged") {
    super(reason === "target_not_found" ? "The ticket to merge into does not exist in this shop." : "The ticket to merge into was itself merged.");
  }
}

export async function mergeTickets(db: PrismaClient, input: MergeTicketsInput): Promise<{ merged: number }> {
  const now = input.now ?? new Date();
  const { shopId } = input;
  const target = await db.ticket.findFirst({ where: { id: input.targetTicketId, shopId } });
  if (!target) throw new MergeError("target_not_found");
  if (target.mergedIntoId) throw new MergeError("target_merged");

  const sources = await db.ticket.findMany({
    where: { shopId, id: { in: input.sourceTicketIds.filter((id) => id !== target.id) }, mergedIntoId: null },
    include: { tags: true, orders: true },
  });
  const actorType = input.actorAgentId ? "agent" : "system";
  let merged = 0;
  for (const source of sources) {
    await db.$transaction(async (tx) => {
      const moved = await tx.message.updateMany({ where: { ticketId: source.id, shopId }, data: { ticketId: target.id } });
      // Orders and tags are keyed by ticket: copy the ones the target lacks, then drop the source's.
      const targetOrders = new Set((await tx.ticketOrder.findMany({ where: { ticketId: target.id }, select: { shopifyOrderId: true } })).map((row) => row.shopifyOrderId));
      const newOrders = source.orders.filter((order) => !targetOrders.has(order.shopifyOrderId));
      if (newOrders.length > 0) {
        await tx.ticketOrder.createMany({
          data: newOrders.map((order) => ({ ticketId: target.id, shopId, shopifyOrderId: order.shopifyOrderId, orderName: order.orderName, linkedBy: order.linkedBy })),
        });
      }
      await tx.ticketOrder.deleteMany({ where: { ticketId: source.id, shopId } });
      const targetTags = new Set((await tx.ticketTag.findMany({ where: { ticketId: target.id }, select: { tag: true } })).map((row) => row.tag));
      const newTags = source.tags.filter((tag) => !targetTags.has(tag.tag));
      if (newTags.length > 0) await tx.ticketTag.createMany({ data: newTags.map((tag) => ({ ticketId: target.id, shopId, tag: tag.tag })) });
      await tx.ticketTag.deleteMany({ where: { ticketId: source.id, shopId } });

      await tx.ticket.update({
        where: { id: source.id },
        data: { mergedIntoId: target.id, status: "closed", closedAt: now, snoozedUntil: null, snippet: "", lastActivityAt: now },
      });
      const latestVisible = await tx.message.findFirst({
        where: { ticketId: target.id, direction: { in: ["inbound", "outbound"] } },
        orderBy: { createdAt: "desc" },
        select: { bodyText: true },
      });
      await tx.ticket.update({
        where: { id: target.id },
        data: {
          lastActivityAt: now,
          snippet: latestVisible ? snippetOf(latestVisible.bodyText) : target.snippet,
          lastCustomerMessageAt: maxDate(target.lastCustomerMessageAt, source.lastCustomerMessageAt),
          lastAgentMessageAt: maxDate(target.lastAgentMessageAt, source.lastAgentMessageAt),
          customerId: target.customerId ?? source.customerId,
        },
      });
      await tx.ticketEvent.createMany({
        data: [
          { shopId, ticketId: source.id, type: "merged_into", actorType, actorAgentId: input.actorAgentId, createdAt: now, data: { ticketId: target.id, number: target.number } },
          {
            shopId,
            ticketId: target.id,
            type: "merged_from",
            actorType,
            actorAgentId: input.actorAgentId,
            createdAt: now,
            data: { ticketId: source.id, number: source.number, subject: source.subject, messages: moved.count },
          },
        ],
      });
    });
    await refreshSearchDocument(db, shopId, source.id);
    merged += 1;
  }
  if (merged > 0) await refreshSearchDocument(db, shopId, target.id);
  invalidateInboxCounts(input.shopId);
  return { merged };
}

export function snippetOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

function maxDate(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

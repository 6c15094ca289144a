// An agent's reply or internal note: validated, stored, handed to the channel adapter (replies only),
// the ticket's clocks and snippet updated, the search document refreshed.
import { invalidateInboxCounts } from "../models/inbox-counts-cache.server";
import type { Message, PrismaClient } from "@prisma/client";
import { refreshSearchDocument } from "../models/ticket-search.server";
import { checkTemplateSendable } from "../models/templates-approval.server";
import { recordTemplateUse } from "../models/templates.server";
import { channelAdapterFor, type ChannelAdapter } from "./channels/channel-adapter";
import { snippetOf } from "./merge-tickets.server";
import { loadSlaContext, slaColumnsAfterReply } from "./sla.server";
import { updateTickets } from "./ticket-updates.server";

export const MAX_REPLY_CHARS = 20_000;

export interface SendMessageInput {
  shopId: string;
  ticketId: string;
  agent: { id: string; name: string } | null;
  kind: "reply" | "note";
  body: string;
  /** The newest message the composer had seen: newer outbound messages mean someone else replied. */
  lastSeenMessageId?: string | null;
  /** Send even though someone else replied meanwhile (the agent confirmed). */
  force?: boolean;
  /** "Send and mark pending/resolved". */
  thenStatus?: "pending" | "resolved" | null;
  /** The reply was written from this template: refused while it needs approval; counts as a use. */
  templateId?: string | null;
  now?: Date;
  adapterFor?: (channel: string) => ChannelAdapter;
}

export interface ConflictMessage {
  id: string;
  authorName: string | null;
  bodyText: string;
  createdAt: string;
}

export type SendMessageResult =
  | { kind: "sent"; message: Message }
  | { kind: "invalid"; errors: { body: "empty" | "tooLong" } | { template: string; templateReason: "not_found" | "archived" | "needs_approval" | "liquid" } }
  | { kind: "not_found" }
  | { kind: "conflict"; newMessages: ConflictMessage[] };

export function validateBody(body: string): "empty" | "tooLong" | null {
  if (body.trim().length === 0) return "empty";
  if (body.length > MAX_REPLY_CHARS) return "tooLong";
  return null;
}

/** Outbound messages that arrived after the one the composer saw (by someone other than this agent). */
async function repliesSince(db: PrismaClient, input: SendMessageInput): Promise<ConflictMessage[]> {
  let since = new Date(0);
  if (input.lastSeenMessageId) {
    const seen = await db.message.findFirst({ where: { id: input.lastSeenMessageId, ticketId: input.ticketId, shopId: input.shopId }, select: { createdAt: true } });
    if (seen) since = seen.createdAt;
  }
  const rows = await db.message.findMany({
    where: {
      shopId: input.shopId,
      ticketId: input.ticketId,
      direction: "outbound",
      createdAt: { gt: since },
      id: input.lastSeenMessageId ? { not: input.lastSeenMessageId } : undefined,
      // Automated replies have no author agent: a plain "not me" would drop them (SQL NULL).
      ...(input.agent ? { OR: [{ authorAgentId: null }, { authorAgentId: { not: input.agent.id } }] } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, authorName: true, bodyText: true, createdAt: true },
  });
  return rows.map((row) => ({ ...row, bodyText: snippetOf(row.bodyText), createdAt: row.createdAt.toISOString() }));
}

export async function sendMessage(db: PrismaClient, input: SendMessageInput): Promise<SendMessageResult> {
  const now = input.now ?? new Date();
  const problem = validateBody(input.body);
  if (problem) return { kind: "invalid", errors: { body: problem } };
  const ticket = await db.ticket.findFirst({
    where: { id: input.ticketId, shopId: input.shopId },
    include: { customer: { select: { displayName: true, email: true, phone: true, lifetimeSpent: true, ordersCount: true } } },
  });
  if (!ticket) return { kind: "not_found" };
  const templateId = input.templateId || null;
  if (templateId) {
    const check = await checkTemplateSendable(db, input.shopId, templateId);
    if (!check.ok) return { kind: "invalid", errors: { template: check.message, templateReason: check.reason } };
    if (/\{\{|\{%/.test(input.body)) {
      return { kind: "invalid", errors: { template: "The reply still contains Liquid ({{ or {%); customers must not see it.", templateReason: "liquid" } };
    }
  }
  if (input.kind === "reply" && !input.force) {
    const newMessages = await repliesSince(db, input);
    if (newMessages.length > 0) return { kind: "conflict", newMessages };
  }

  const isReply = input.kind === "reply";
  const lastInbound = isReply
    ? await db.message.findFirst({ where: { ticketId: ticket.id, direction: "inbound" }, orderBy: { createdAt: "desc" }, select: { channelMessageId: true } })
    : null;
  let message = await db.message.create({
    data: {
      shopId: input.shopId,
      ticketId: ticket.id,
      direction: isReply ? "outbound" : "note",
      authorType: "agent",
      authorAgentId: input.agent?.id ?? null,
      authorName: input.agent?.name ?? null,
      bodyText: input.body,
      channel: ticket.channel,
      inReplyTo: lastInbound?.channelMessageId ?? null,
      templateId,
      deliveryStatus: isReply ? "queued" : "none",
      createdAt: now,
    },
  });

  if (isReply) message = await deliver(db, message, ticket, input, now);
  if (isReply && templateId) await recordTemplateUse(db, input.shopId, templateId);

  await db.ticket.update({
    where: { id: ticket.id },
    data: isReply
      ? {
          firstRespondedAt: ticket.firstRespondedAt ?? now,
          lastAgentMessageAt: now,
          waitingSince: null,
          snippet: snippetOf(input.body),
          lastActivityAt: now,
          unread: false,
          // The response targets are met; the resolution target (if any) is what remains due.
          ...slaColumnsAfterReply(await loadSlaContext(db, input.shopId), ticket, now),
        }
      : { lastActivityAt: now },
  });
  if (isReply && input.thenStatus) {
    await updateTickets(db, { shopId: input.shopId, ticketIds: [ticket.id], actorAgentId: input.agent?.id ?? null, changes: { status: input.thenStatus }, now });
  }
  await refreshSearchDocument(db, input.shopId, ticket.id);
  invalidateInboxCounts(input.shopId);
  return { kind: "sent", message };
}

async function deliver(
  db: PrismaClient,
  message: Message,
  ticket: { id: string; subject: string; channel: string; customer: { displayName: string | null; email: string | null; phone: string | null } | null },
  input: SendMessageInput,
  now: Date,
): Promise<Message> {
  const adapter = (input.adapterFor ?? channelAdapterFor)(ticket.channel);
  const eventBase = { shopId: input.shopId, ticketId: ticket.id, actorType: "agent", actorAgentId: input.agent?.id ?? null, createdAt: now };
  try {
    const result = await adapter.send({
      shopId: input.shopId,
      ticketId: ticket.id,
      messageId: message.id,
      channel: ticket.channel,
      to: { name: ticket.customer?.displayName ?? null, email: ticket.customer?.email ?? null, phone: ticket.customer?.phone ?? null },
      subject: ticket.subject,
      bodyText: message.bodyText,
      inReplyTo: message.inReplyTo,
    });
    const updated = await db.message.update({
      where: { id: message.id },
      data: { deliveryStatus: result.status, channelMessageId: result.channelMessageId, sentAt: result.status === "sent" ? now : null },
    });
    await db.ticketEvent.create({
      data: { ...eventBase, type: "message_sent", data: { messageId: message.id, adapter: adapter.channel, channel: ticket.channel, status: result.status, channelMessageId: result.channelMessageId } },
    });
    return updated;
  } catch (error) {
    // The reply stays stored and visible as failed: the agent can see it and send again.
    const reason = error instanceof Error ? error.message : String(error);
    const updated = await db.message.update({ where: { id: message.id }, data: { deliveryStatus: "failed", deliveryError: reason.slice(0, 500) } });
    await db.ticketEvent.create({ data: { ...eventBase, type: "message_failed", data: { messageId: message.id, adapter: adapter.channel, error: reason.slice(0, 500) } } });
    return updated;
  }
}

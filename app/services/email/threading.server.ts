// Which shop and ticket an inbound email belongs to, most certain first:
// 1. the reply+<ticket>.<signature>@ address we gave as Reply-To (signature verified);
// 2. In-Reply-To / References naming one of our Message-IDs, or a Message-ID stored on the shop's
//    messages (Message.channelMessageId);
// 3. the same sender writing again with the same subject (Re:/AW:/回复: and [#n] ignored) within 30 days.
// The shop comes from the reply token, our Message-ID, or the <shop-handle>@<inbound domain> alias.
import type { PrismaClient } from "@prisma/client";
import {
  messageIdOfOurs, normalizeSubject, parseReplyAddress, shopDomainOfInboundAddress, verifyReplyToken,
} from "./addresses.server";
import type { EmailConfig } from "./config.server";

export type ThreadVia = "reply_token" | "message_id" | "subject" | "new";

export interface ThreadTarget {
  shopId: string;
  ticketId: string | null;
  via: ThreadVia;
}

export interface ThreadingInput {
  recipients: string[];
  from: string;
  subject: string;
  inReplyTo: string | null;
  references: string[];
}

const SUBJECT_WINDOW_DAYS = 30;

export async function resolveThread(db: PrismaClient, config: EmailConfig, input: ThreadingInput, now: Date): Promise<ThreadTarget | null> {
  for (const recipient of input.recipients) {
    const candidate = parseReplyAddress(recipient, config.inboundDomain);
    if (!candidate) continue;
    const ticket = await db.ticket.findUnique({ where: { id: candidate.ticketId }, select: { id: true, shopId: true } });
    if (ticket && verifyReplyToken(config.replyTokenSecret, candidate, ticket)) return { shopId: ticket.shopId, ticketId: ticket.id, via: "reply_token" };
  }

  let shopId: string | null = null;
  for (const recipient of input.recipients) {
    const domain = shopDomainOfInboundAddress(recipient, config.inboundDomain);
    if (!domain) continue;
    const shop = await db.shop.findUnique({ where: { domain }, select: { id: true, installState: true } });
    if (shop && shop.installState === "installed") {
      shopId = shop.id;
      break;
    }
  }

  // Newest first: the message replied to, then the thread's references from the end.
  const referenced = [...new Set([input.inReplyTo, ...[...input.references].reverse()].filter((id): id is string => Boolean(id)))];
  const ourIds = referenced.map(messageIdOfOurs).filter((id): id is string => id !== null);
  if (ourIds.length > 0) {
    const ours = await db.message.findMany({ where: { id: { in: ourIds }, ...(shopId ? { shopId } : {}) }, select: { id: true, shopId: true, ticketId: true } });
    const first = ourIds.map((id) => ours.find((message) => message.id === id)).find(Boolean);
    if (first) return { shopId: first.shopId, ticketId: first.ticketId, via: "message_id" };
  }
  if (!shopId) return null;
  if (referenced.length > 0) {
    const known = await db.message.findMany({ where: { shopId, channelMessageId: { in: referenced } }, select: { ticketId: true, channelMessageId: true } });
    const first = referenced.map((id) => known.find((message) => message.channelMessageId === id)).find(Boolean);
    if (first) return { shopId, ticketId: first.ticketId, via: "message_id" };
  }

  const subject = normalizeSubject(input.subject);
  const numberTag = /\[#(\d+)\]/.exec(input.subject)?.[1];
  if (subject || numberTag) {
    const recent = await db.ticket.findMany({
      where: { shopId, customer: { email: input.from.toLowerCase() }, lastActivityAt: { gte: new Date(now.getTime() - SUBJECT_WINDOW_DAYS * 86_400_000) } },
      orderBy: { lastActivityAt: "desc" },
      take: 50,
      select: { id: true, number: true, subject: true },
    });
    const match = recent.find((ticket) => (numberTag && String(ticket.number) === numberTag) || (subject && normalizeSubject(ticket.subject) === subject));
    if (match) return { shopId, ticketId: match.id, via: "subject" };
  }
  return { shopId, ticketId: null, via: "new" };
}

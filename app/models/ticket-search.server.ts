// The search document of a ticket: the text the inbox search looks in (see docs/decisions/004-inbox-search.md).
import type { PrismaClient } from "@prisma/client";

// Long threads are capped so one ticket cannot bloat the index; the newest text is kept.
const MAX_SEARCH_DOCUMENT_CHARS = 20_000;

export function buildSearchBody(parts: {
  subject: string;
  customerName?: string | null;
  customerEmail?: string | null;
  orderNames: string[];
  messageTexts: string[];
}): string {
  const header = [parts.subject, parts.customerName, parts.customerEmail, ...parts.orderNames].filter(Boolean).join("\n");
  let body = header;
  for (const text of [...parts.messageTexts].reverse()) {
    if (body.length + text.length + 1 > MAX_SEARCH_DOCUMENT_CHARS) break;
    body += `\n${text}`;
  }
  return body;
}

export async function refreshSearchDocument(db: PrismaClient, shopId: string, ticketId: string): Promise<void> {
  const ticket = await db.ticket.findFirst({
    where: { id: ticketId, shopId },
    select: {
      subject: true,
      customer: { select: { displayName: true, email: true } },
      orders: { select: { orderName: true } },
      messages: { select: { bodyText: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!ticket) return;
  const body = buildSearchBody({
    subject: ticket.subject,
    customerName: ticket.customer?.displayName,
    customerEmail: ticket.customer?.email,
    orderNames: ticket.orders.map((order) => order.orderName),
    messageTexts: ticket.messages.map((message) => message.bodyText),
  });
  await db.ticketSearchDocument.upsert({
    where: { ticketId },
    create: { ticketId, shopId, body },
    update: { body },
  });
}

// Tickets with every inbox-relevant field under the test's control, and loader/action calls.
import type { Prisma } from "@prisma/client";
import prisma from "../../app/db.server";
import { loader, action } from "../../app/routes/app._index";
import { refreshSearchDocument } from "../../app/models/ticket-search.server";
import { invalidateInboxCounts } from "../../app/models/inbox-counts-cache.server";
import { adminRequest } from "../helpers/admin-request";

let nextNumber = 1;

export async function inboxTicket(
  shopId: string,
  fields: Partial<Prisma.TicketUncheckedCreateInput> & { tags?: string[]; orderName?: string; message?: string; customerName?: string; customerEmail?: string } = {},
) {
  const { tags, orderName, message, customerName, customerEmail, ...ticketFields } = fields;
  const number = ticketFields.number ?? nextNumber++;
  const customer = await prisma.customer.create({
    data: { shopId, email: customerEmail ?? `buyer${number}@example.com`, displayName: customerName ?? `Buyer ${number}` },
  });
  const ticket = await prisma.ticket.create({
    data: {
      shopId,
      number,
      subject: `Question ${number}`,
      customerId: customer.id,
      ...ticketFields,
      messages: { create: { shopId, direction: "inbound", authorType: "customer", bodyText: message ?? `Hello about ${number}`, channel: "email" } },
      tags: tags ? { create: tags.map((tag) => ({ shopId, tag })) } : undefined,
      orders: orderName ? { create: { shopId, shopifyOrderId: `gid://shopify/Order/${number}`, orderName } } : undefined,
    },
  });
  await refreshSearchDocument(prisma, shopId, ticket.id);
  invalidateInboxCounts(shopId); // as every ticket write path does: the view counts are cached per shop
  return ticket;
}

export async function loadInbox(domain: string, search = "") {
  return loader({ request: await adminRequest(domain, `/app${search ? `?${search}` : ""}`), params: {}, context: {} });
}

export async function postBulk(domain: string, entries: [string, string][]) {
  const body = new URLSearchParams(entries);
  const request = await adminRequest(domain, "/app?index", {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  const response = (await action({ request, params: {}, context: {} })) as Response;
  return { status: response.status, body: (await response.json()) as { ok: boolean; count?: number; errors?: Record<string, string> } };
}

/** The agent the test session (staff 12345) becomes on its first request. */
export async function sessionAgent(shopId: string) {
  return prisma.agent.findFirstOrThrow({ where: { shopId, shopifyStaffId: "12345" } });
}

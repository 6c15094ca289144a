// customers/redact: the customer's personal data in Shopdesk becomes a redaction marker — their
// customer rows, the text of their tickets (subjects, snippets, message bodies, CSAT comments),
// search documents, contact-form submissions, stored webhook payloads and cached Admin answers —
// while ticket counts, statuses, timings and scores (the aggregate metrics) stay. A final sweep
// replaces any remaining occurrence of their email, phone or full name in every text and JSON column
// of the shop's rows (scrub-shop-text.server.ts).
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { invalidateInboxCounts } from "../../models/inbox-counts-cache.server";
import { refreshSearchDocument } from "../../models/ticket-search.server";
import { customerGid, orderGid, PayloadError } from "../order-events/order-state";
import { complianceCustomer, matchingCustomers } from "./customer-match.server";
import { containsIdentifier, customerIdentifiers, REDACTION_MARKER } from "./identifiers";
import { scrubShopText } from "./scrub-shop-text.server";

const redactPayload = z.object({
  shop_domain: z.string().optional(),
  customer: complianceCustomer,
  orders_to_redact: z.array(z.union([z.number(), z.string()])).nullish(),
});

export interface RedactionSummary {
  customers: number;
  tickets: number;
  messages: number;
  rowsScrubbed: number;
}

export async function redactCustomer(db: PrismaClient, shopId: string, payload: unknown, now: Date): Promise<RedactionSummary> {
  const parsed = redactPayload.safeParse(payload);
  if (!parsed.success) throw new PayloadError(`customers/redact payload: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  const request = parsed.data;
  const customers = await matchingCustomers(db, shopId, request.customer);
  const identifiers = customerIdentifiers([...customers, { email: request.customer.email, phone: request.customer.phone }]);
  const customerIds = customers.map((customer) => customer.id);
  const tickets = await db.ticket.findMany({ where: { shopId, customerId: { in: customerIds } }, select: { id: true } });
  const ticketIds = tickets.map((ticket) => ticket.id);
  const orderIds = (request.orders_to_redact ?? []).map((id) => orderGid(String(id)));
  const shopifyCustomerId = request.customer.id ? customerGid(request.customer.id) : null;

  const messages = await db.$transaction(async (tx) => {
    const { count: messageCount } = await tx.message.updateMany({
      where: { shopId, ticketId: { in: ticketIds } },
      data: { bodyText: REDACTION_MARKER, bodyHtml: null },
    });
    await tx.message.updateMany({ where: { shopId, ticketId: { in: ticketIds }, authorType: "customer" }, data: { authorName: null } });
    await tx.attachment.updateMany({ where: { shopId, message: { ticketId: { in: ticketIds } } }, data: { filename: REDACTION_MARKER } });
    await tx.ticket.updateMany({
      where: { shopId, id: { in: ticketIds } },
      data: { subject: REDACTION_MARKER, snippet: REDACTION_MARKER, csatComment: null },
    });
    await tx.surveyResponse.updateMany({ where: { shopId, customerId: { in: customerIds } }, data: { comment: null, reason: null } });
    await tx.customer.updateMany({
      where: { shopId, id: { in: customerIds } },
      data: { email: null, phone: null, firstName: null, lastName: null, displayName: REDACTION_MARKER, shopifyCustomerId: null, redactedAt: now },
    });
    // Data-request exports of this customer are copies of what was just erased.
    await tx.dataExport.deleteMany({ where: { shopId, customerId: { in: customerIds }, kind: "customer_data_request" } });
    // Cached Admin API answers (names, addresses) are only a cache: they go.
    await tx.adminCacheEntry.deleteMany({ where: { shopId, key: { startsWith: "panel:" } } });
    if (orderIds.length > 0 || shopifyCustomerId) {
      await tx.orderSnapshot.updateMany({
        where: { shopId, OR: [{ shopifyOrderId: { in: orderIds } }, ...(shopifyCustomerId ? [{ shopifyCustomerId }] : [])] },
        data: { shopifyCustomerId: null },
      });
    }
    return messageCount;
  });

  // Stored webhook payloads carry names, emails and addresses: those of this customer are emptied.
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { domain: true } });
  const deliveries = await db.webhookDelivery.findMany({ where: { shopDomain: shop.domain }, select: { id: true, payload: true } });
  const customerNumericId = request.customer.id ? String(request.customer.id).replace(/^gid:\/\/shopify\/Customer\//, "") : null;
  for (const delivery of deliveries) {
    const mentionsCustomer = containsIdentifier(delivery.payload, identifiers) || (customerNumericId !== null && new RegExp(`"id":\\s*"?${customerNumericId}"?[,}]`).test(delivery.payload));
    if (mentionsCustomer) await db.webhookDelivery.update({ where: { id: delivery.id }, data: { payload: JSON.stringify({ redacted: true }) } });
  }

  const rowsScrubbed = await scrubShopText(db, { shopId, shopDomain: shop.domain }, identifiers);
  for (const ticketId of ticketIds) await refreshSearchDocument(db, shopId, ticketId);
  invalidateInboxCounts(shopId);
  return { customers: customers.length, tickets: ticketIds.length, messages, rowsScrubbed };
}

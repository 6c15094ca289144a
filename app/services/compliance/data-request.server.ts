// customers/data_request: everything Shopdesk holds about the customer (their customer rows, tickets,
// messages, events, automated sends, survey answers, contact-form submissions) as one JSON document,
// stored as a DataExport the merchant downloads from the privacy page and passes on.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { PayloadError } from "../order-events/order-state";
import { complianceCustomer, matchingCustomers } from "./customer-match.server";
import { evidenceRecords } from "./evidence.server";

export const CUSTOMER_DATA_EXPORT_KIND = "customer_data_request";

const dataRequestPayload = z.object({
  shop_domain: z.string().optional(),
  customer: complianceCustomer,
  orders_requested: z.array(z.union([z.number(), z.string()])).nullish(),
  data_request: z.object({ id: z.union([z.number(), z.string()]) }).nullish(),
});

export async function buildCustomerDataExport(db: PrismaClient, shopId: string, payload: unknown, now: Date): Promise<{ exportId: string; tickets: number }> {
  const parsed = dataRequestPayload.safeParse(payload);
  if (!parsed.success) throw new PayloadError(`customers/data_request payload: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  const request = parsed.data;
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId } });
  const customers = await matchingCustomers(db, shopId, request.customer);
  const customerIds = customers.map((customer) => customer.id);
  const tickets: unknown[] = [];
  const messages: unknown[] = [];
  const events: unknown[] = [];
  if (customerIds.length > 0) {
    for await (const record of evidenceRecords(db, { shopId, shopDomain: shop.domain, customerIds, now })) {
      if (record.type === "ticket") tickets.push(record.data);
      if (record.type === "message") messages.push(record.data);
      if (record.type === "event") events.push(record.data);
    }
  }
  const [automatedSends, surveys, contactSubmissions] = customerIds.length > 0
    ? await Promise.all([
        db.automatedSend.findMany({ where: { shopId, customerId: { in: customerIds } }, orderBy: { createdAt: "asc" } }),
        db.surveyResponse.findMany({ where: { shopId, customerId: { in: customerIds } }, orderBy: { sentAt: "asc" } }),
        db.contactSubmission.findMany({ where: { shopId, email: { in: customers.map((c) => c.email).filter((e): e is string => !!e) } }, orderBy: { createdAt: "asc" } }),
      ])
    : [[], [], []];
  const document = {
    format: "shopdesk-customer-data/1",
    shop: shop.domain,
    generatedAt: now.toISOString(),
    dataRequestId: request.data_request?.id != null ? String(request.data_request.id) : null,
    requestedCustomer: request.customer,
    ordersRequested: (request.orders_requested ?? []).map(String),
    customers,
    tickets,
    messages,
    events,
    automatedSends,
    surveyResponses: surveys,
    contactSubmissions,
  };
  const row = await db.dataExport.create({
    data: {
      shopId,
      customerId: customers[0]?.id ?? null,
      kind: CUSTOMER_DATA_EXPORT_KIND,
      status: "ready",
      content: JSON.stringify(document, null, 2),
      createdAt: now,
      readyAt: now,
    },
  });
  return { exportId: row.id, tickets: tickets.length };
}

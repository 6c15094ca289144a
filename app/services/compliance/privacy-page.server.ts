// What the privacy page shows: the customer data requests Shopify forwarded (with their exports), how
// many customers were redacted, and the latest compliance deliveries.
import type { PrismaClient } from "@prisma/client";
import { COMPLIANCE_TOPICS } from "../webhooks/topics";
import { CUSTOMER_DATA_EXPORT_KIND } from "./data-request.server";

export interface DataRequestRow {
  id: string;
  createdAt: string;
  status: string;
  customerEmail: string | null;
  tickets: number;
  bytes: number;
}

export interface PrivacyPageData {
  dataRequests: DataRequestRow[];
  redactedCustomers: number;
  recentRequests: { id: string; topic: string; receivedAt: string; status: string }[];
}

function summaryOf(content: string | null): { customerEmail: string | null; tickets: number } {
  if (!content) return { customerEmail: null, tickets: 0 };
  try {
    const document = JSON.parse(content) as { requestedCustomer?: { email?: string | null }; tickets?: unknown[] };
    return { customerEmail: document.requestedCustomer?.email ?? null, tickets: document.tickets?.length ?? 0 };
  } catch {
    return { customerEmail: null, tickets: 0 };
  }
}

export async function loadPrivacyPage(db: PrismaClient, shop: { id: string; domain: string }): Promise<PrivacyPageData> {
  const [exports, redactedCustomers, deliveries] = await Promise.all([
    db.dataExport.findMany({ where: { shopId: shop.id, kind: CUSTOMER_DATA_EXPORT_KIND }, orderBy: { createdAt: "desc" }, take: 50 }),
    db.customer.count({ where: { shopId: shop.id, redactedAt: { not: null } } }),
    db.webhookDelivery.findMany({
      where: { shopDomain: shop.domain, topic: { in: [...COMPLIANCE_TOPICS] } },
      orderBy: { receivedAt: "desc" },
      take: 20,
      select: { id: true, topic: true, receivedAt: true, status: true },
    }),
  ]);
  return {
    dataRequests: exports.map((row) => ({ id: row.id, createdAt: row.createdAt.toISOString(), status: row.status, bytes: row.content?.length ?? 0, ...summaryOf(row.content) })),
    redactedCustomers,
    recentRequests: deliveries.map((row) => ({ ...row, receivedAt: row.receivedAt.toISOString() })),
  };
}

export async function findDataExport(db: PrismaClient, shopId: string, exportId: string) {
  return db.dataExport.findFirst({ where: { id: exportId, shopId, kind: CUSTOMER_DATA_EXPORT_KIND } });
}

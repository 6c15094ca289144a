// WebhookDelivery rows: every delivery Shopify sent us, once per X-Shopify-Webhook-Id.
import type { PrismaClient, WebhookDelivery } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "../../jobs/run-once.server";

export interface DeliveryHeaders {
  webhookId: string;
  eventId: string | null;
  topic: string;
  shopDomain: string;
  apiVersion: string | null;
  triggeredAt: Date | null;
}

/** The new row, or null when this webhook id was recorded before (a redelivery). */
export async function recordDelivery(
  db: PrismaClient,
  headers: DeliveryHeaders,
  payload: string,
  outcome: { status: "received" | "failed" | "ignored"; error?: string } = { status: "received" },
): Promise<{ id: string } | null> {
  try {
    return await db.webhookDelivery.create({
      data: {
        id: randomUUID(),
        webhookId: headers.webhookId,
        eventId: headers.eventId,
        shopDomain: headers.shopDomain,
        topic: headers.topic,
        apiVersion: headers.apiVersion,
        triggeredAt: headers.triggeredAt,
        payload,
        status: outcome.status,
        error: outcome.error ?? null,
      },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export function markDelivery(db: PrismaClient, id: string, data: { status: "processed" | "failed" | "ignored"; error?: string | null; processedAt?: Date }): Promise<WebhookDelivery> {
  return db.webhookDelivery.update({ where: { id }, data: { status: data.status, error: data.error ?? null, processedAt: data.processedAt ?? null } });
}

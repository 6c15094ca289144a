// WebhookDelivery rows: every delivery Shopify sent us, once per X-Shopify-Webhook-Id.
import type { PrismaClient, WebhookDelivery } from "@prisma/client";
import { randomUUID } from "node:crypto";

export interface DeliveryHeaders {
  webhookId: string;
  eventId: string | null;
  topic: string;
  shopDomain: string;
  apiVersion: string | null;
  triggeredAt: Date | null;
}

/**
 * The new row, or null when this webhook id was recorded before (a redelivery). The acknowledgement's
 * one write: plain SQL (the same on SQLite and PostgreSQL) so a repeat costs no exception and the
 * query builder no time; `receivedAt` is bound as a Date, stored exactly as Prisma stores it.
 */
export async function recordDelivery(
  db: PrismaClient,
  headers: DeliveryHeaders,
  payload: string,
  outcome: { status: "received" | "processed" | "failed" | "ignored"; error?: string } = { status: "received" },
  now = new Date(),
): Promise<{ id: string } | null> {
  const id = randomUUID();
  // One statement, no transaction: on SQLite the serialized adapter makes it wait for any open
  // interactive transaction (a job's, which may roll back) instead of running inside it
  // (test/webhooks/sqlite-connection.test.ts).
  const inserted = await db.$executeRaw`
    INSERT INTO "WebhookDelivery" ("id", "webhookId", "eventId", "shopDomain", "topic", "apiVersion", "triggeredAt", "payload", "status", "error", "attempts", "receivedAt")
    VALUES (${id}, ${headers.webhookId}, ${headers.eventId}, ${headers.shopDomain}, ${headers.topic}, ${headers.apiVersion}, ${headers.triggeredAt}, ${payload}, ${outcome.status}, ${outcome.error ?? null}, 0, ${now})
    ON CONFLICT ("webhookId") DO NOTHING`;
  return inserted === 1 ? { id } : null;
}

export function markDelivery(db: PrismaClient, id: string, data: { status: "processed" | "failed" | "ignored"; error?: string | null; processedAt?: Date }): Promise<WebhookDelivery> {
  return db.webhookDelivery.update({ where: { id }, data: { status: data.status, error: data.error ?? null, processedAt: data.processedAt ?? null } });
}

// The Prisma better-sqlite3 adapter has one connection per client: a statement issued while another
// interactive transaction is open would run inside it and be lost if that transaction rolls back.
// app/db/serialized-sqlite-adapter.server.ts makes such statements wait for the transaction instead.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { recordDelivery } from "../../app/services/webhooks/deliveries.server";
import { randomUUID } from "node:crypto";

const headers = (webhookId: string) => ({ webhookId, eventId: null, topic: "orders/updated", shopDomain: "conn.myshopify.com", apiVersion: "2026-10", triggeredAt: null });

/** Runs `write` while another interactive transaction is open and then rolls back. */
async function duringRolledBackTransaction(write: () => Promise<unknown>): Promise<void> {
  const holder = prisma
    .$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1`;
      await new Promise((resolve) => setTimeout(resolve, 150));
      throw new Error("a job's duplicate: roll back");
    })
    .catch(() => null);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await write();
  await holder;
}

describe("an acknowledged delivery survives another transaction's rollback", () => {
  it("keeps the delivery row recorded while a job's transaction rolls back", async () => {
    const webhookId = randomUUID();
    await duringRolledBackTransaction(() => recordDelivery(prisma, headers(webhookId), "{}"));
    expect(await prisma.webhookDelivery.count({ where: { webhookId } })).toBe(1);
  });

  it("keeps a plain statement issued while another transaction is open and then rolls back", async () => {
    const webhookId = randomUUID();
    await duringRolledBackTransaction(() =>
      prisma.$executeRaw`INSERT INTO "WebhookDelivery" ("id", "webhookId", "shopDomain", "topic", "payload", "status", "attempts", "receivedAt") VALUES (${randomUUID()}, ${webhookId}, ${"conn.myshopify.com"}, ${"orders/updated"}, ${"{}"}, ${"received"}, 0, ${new Date()})`,
    );
    expect(await prisma.webhookDelivery.count({ where: { webhookId } })).toBe(1);
  });
});

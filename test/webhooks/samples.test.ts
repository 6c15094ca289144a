// The dev webhook sender's sample payloads (dev/webhook-samples.ts, used by `npm run webhook` and the
// demo's webhook page) are accepted and processed by every ingested topic's handler.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { INGESTED_TOPICS } from "../../app/services/webhooks/topics";
import { SAMPLE_WEBHOOK_TOPICS, sampleWebhookPayload } from "../../dev/webhook-samples";
import { createShop, uniqueShopDomain } from "../factories";
import { deliver, drainJobs } from "./harness";

describe("dev webhook samples", () => {
  it("has a sample for every ingested topic, and each one is processed", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("samples") });
    const topics = INGESTED_TOPICS.filter((topic) => topic !== "shop/redact");
    expect(topics.filter((topic) => !(SAMPLE_WEBHOOK_TOPICS as readonly string[]).includes(topic))).toEqual([]);
    for (const topic of topics) {
      const result = await deliver(shop.domain, topic, sampleWebhookPayload(topic, shop.domain));
      expect(result.status, topic).toBe(200);
    }
    await drainJobs(shop);
    const rows = await prisma.webhookDelivery.findMany({ where: { shopDomain: shop.domain }, select: { topic: true, status: true, error: true } });
    expect(rows.filter((row) => row.status !== "processed")).toEqual([]);
    expect(rows).toHaveLength(topics.length);
  });
});

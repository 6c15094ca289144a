// shop/redact: every row of the shop goes (every model with a shopId or shopDomain, its sessions, the
// shop itself); other shops keep theirs. app/uninstalled before it keeps the data.
import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as appUninstalled } from "../../app/routes/webhooks.app.uninstalled";
import { signWebhook } from "../../dev/webhook-sender";
import { API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";
import { createShop, createTicket, uniqueShopDomain } from "../factories";
import { deliver, drainJobs, testCustomer, uniqueOrderId } from "../webhooks/harness";
import { orderPayload } from "../webhooks/payloads";

async function populatedShop(label: string) {
  const shop = await createShop(prisma, { domain: uniqueShopDomain(label) });
  const ticket = await createTicket(prisma, shop.id);
  await prisma.ticketOrder.create({ data: { ticketId: ticket.id, shopId: shop.id, shopifyOrderId: "gid://shopify/Order/1", orderName: "#1001" } });
  await prisma.template.create({ data: { shopId: shop.id, name: "Hello", category: "greeting", variants: { create: { language: "en", body: "Hi" } } } });
  await prisma.session.create({ data: { id: `offline_${shop.domain}`, shop: shop.domain, state: "x", accessToken: "t" } });
  await prisma.adminCacheEntry.create({ data: { shopId: shop.id, key: "panel:v1|c:1|o:,", value: {}, expiresAt: new Date() } });
  await prisma.dataExport.create({ data: { shopId: shop.id, kind: "evidence", content: "{}" } });
  await deliver(shop.domain, "orders/updated", orderPayload({ id: uniqueOrderId(), name: "#1001", customer: testCustomer("shopredact"), updatedAt: "2026-11-20T10:00:00Z" }));
  await drainJobs(shop);
  return shop;
}

const scopedModels = () =>
  Prisma.dmmf.datamodel.models.filter((model) => model.fields.some((field) => field.name === "shopId" || field.name === "shopDomain"));

async function rowsOf(shop: { id: string; domain: string }): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of scopedModels()) {
    const delegate = (prisma as unknown as Record<string, { count(args: object): Promise<number> }>)[model.name[0]!.toLowerCase() + model.name.slice(1)]!;
    const where = model.fields.some((field) => field.name === "shopId") ? { shopId: shop.id } : { shopDomain: shop.domain };
    const count = await delegate.count({ where });
    if (count > 0) counts[model.name] = count;
  }
  return counts;
}

describe("shop/redact", () => {
  it("deletes every row of the shop after app/uninstalled kept them, and leaves other shops alone", async () => {
    // GIVEN two shops with data; the first uninstalls
    const shop = await populatedShop("gone");
    const neighbour = await populatedShop("stays");
    const uninstall = signWebhook({ topic: "app/uninstalled", shop: shop.domain, body: JSON.stringify({ id: 1, domain: shop.domain }), secret: API_SECRET_KEY });
    expect((await appUninstalled({ request: new Request(`${APP_URL}/webhooks/app/uninstalled`, { method: "POST", headers: uninstall.headers, body: uninstall.body }), params: {}, context: {} })).status).toBe(200);
    const keptAfterUninstall = await rowsOf(shop);
    expect(keptAfterUninstall).toMatchObject({ Ticket: 1, Customer: 1, Template: 1, OrderSnapshot: 1 });
    const neighbourBefore = await rowsOf(neighbour);

    // WHEN shop/redact arrives 48 h later (twice: at-least-once delivery)
    for (let round = 0; round < 2; round++) {
      const result = await deliver(shop.domain, "shop/redact", { shop_id: 954889, shop_domain: shop.domain });
      expect(result.status).toBe(200);
      await drainJobs(shop);
    }

    // THEN nothing of the shop remains, in any model; the neighbour is unchanged
    expect(await rowsOf(shop)).toEqual({});
    expect(await prisma.shop.count({ where: { id: shop.id } })).toBe(0);
    expect(await prisma.session.count({ where: { shop: shop.domain } })).toBe(0);
    expect(await prisma.templateVariant.count({ where: { template: { shopId: shop.id } } })).toBe(0);
    expect(await rowsOf(neighbour)).toEqual(neighbourBefore);
  });
});

import { describe, expect, it } from "vitest";
import { API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";
import prisma from "../../app/db.server";
import { action as appUninstalled } from "../../app/routes/webhooks.app.uninstalled";
import { action as scopesUpdate } from "../../app/routes/webhooks.app.scopes_update";
import { signWebhook } from "../../dev/webhook-sender";
import { createShop, uniqueShopDomain } from "../factories";

function deliveryRequest(path: string, topic: string, shop: string, payload: unknown, secret = API_SECRET_KEY) {
  const signed = signWebhook({ topic, shop, body: JSON.stringify(payload), secret });
  return new Request(`${APP_URL}${path}`, { method: "POST", headers: signed.headers, body: signed.body });
}

async function statusOf(run: () => Promise<Response>): Promise<number> {
  try {
    return (await run()).status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("app/uninstalled", () => {
  it("removes the shop's sessions, cancels its queued jobs and keeps its data", async () => {
    // GIVEN an installed shop with a session, a ticket and a queued job
    const shop = await createShop(prisma, { domain: uniqueShopDomain("bye") });
    await prisma.session.create({ data: { id: `offline_${shop.domain}`, shop: shop.domain, state: "x", accessToken: "t" } });
    await prisma.ticket.create({ data: { shopId: shop.id, number: 1, subject: "Keep me" } });
    await prisma.job.create({ data: { shopId: shop.id, name: "sla.sweep", payload: {}, runAt: new Date() } });
    // WHEN Shopify delivers app/uninstalled, twice (at-least-once delivery)
    for (let attempt = 0; attempt < 2; attempt++) {
      const status = await statusOf(() => appUninstalled({ request: deliveryRequest("/webhooks/app/uninstalled", "app/uninstalled", shop.domain, { id: 1 }), params: {}, context: {} }));
      expect(status).toBe(200);
    }
    // THEN
    expect(await prisma.session.count({ where: { shop: shop.domain } })).toBe(0);
    expect(await prisma.shop.findUnique({ where: { id: shop.id } })).toMatchObject({ installState: "uninstalled" });
    expect(await prisma.ticket.count({ where: { shopId: shop.id } })).toBe(1);
    expect(await prisma.job.count({ where: { shopId: shop.id, status: "queued" } })).toBe(0);
  });

  it("answers 401 to a delivery with a bad HMAC and changes nothing", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("forged") });
    await prisma.session.create({ data: { id: `offline_${shop.domain}`, shop: shop.domain, state: "x", accessToken: "t" } });
    const status = await statusOf(() =>
      appUninstalled({ request: deliveryRequest("/webhooks/app/uninstalled", "app/uninstalled", shop.domain, {}, "wrong-secret"), params: {}, context: {} }),
    );
    expect(status).toBe(401);
    expect(await prisma.session.count({ where: { shop: shop.domain } })).toBe(1);
    expect(await prisma.shop.findUnique({ where: { id: shop.id } })).toMatchObject({ installState: "installed" });
  });
});

describe("app/scopes_update", () => {
  it("records the granted scopes on the shop's session", async () => {
    const domain = uniqueShopDomain("scopes");
    await prisma.session.create({ data: { id: `offline_${domain}`, shop: domain, state: "x", accessToken: "t", scope: "read_orders" } });
    const status = await statusOf(() =>
      scopesUpdate({ request: deliveryRequest("/webhooks/app/scopes_update", "app/scopes_update", domain, { current: ["read_orders", "read_customers"] }), params: {}, context: {} }),
    );
    expect(status).toBe(200);
    expect(await prisma.session.findUnique({ where: { id: `offline_${domain}` } })).toMatchObject({ scope: "read_orders,read_customers" });
  });

  it("rejects a payload without the scope list with 400", async () => {
    const domain = uniqueShopDomain("scopes-bad");
    await prisma.session.create({ data: { id: `offline_${domain}`, shop: domain, state: "x", accessToken: "t", scope: "read_orders" } });
    const status = await statusOf(() =>
      scopesUpdate({ request: deliveryRequest("/webhooks/app/scopes_update", "app/scopes_update", domain, { current: "everything" }), params: {}, context: {} }),
    );
    expect(status).toBe(400);
    expect(await prisma.session.findUnique({ where: { id: `offline_${domain}` } })).toMatchObject({ scope: "read_orders" });
  });
});

import "@shopify/shopify-api/adapters/web-api";
import { createHmac } from "node:crypto";
import { shopifyApi, type ApiVersion } from "@shopify/shopify-api";
import { describe, expect, it, vi } from "vitest";
import { sendWebhook, signWebhook } from "./webhook-sender";

const secret = "shopdesk-demo-secret";
const shop = "shopdesk-demo.myshopify.com";

function shopify(apiSecretKey = secret) {
  return shopifyApi({ apiKey: "shopdesk-demo-key", apiSecretKey, hostName: "localhost", apiVersion: "2026-10" as ApiVersion, isEmbeddedApp: true, logger: { level: 0 } });
}

describe("signWebhook", () => {
  const body = JSON.stringify({ id: 1, note: "héllo ✓" });

  it("produces all of Shopify's delivery headers", () => {
    const { headers } = signWebhook({ topic: "orders/create", shop, body, secret, webhookId: "w-1", eventId: "e-1", triggeredAt: "2026-10-01T00:00:00.000Z" });
    expect(headers).toEqual({
      "Content-Type": "application/json",
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(Buffer.from(body, "utf8")).digest("base64"),
      "X-Shopify-Shop-Domain": shop,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": "w-1",
      "X-Shopify-Triggered-At": "2026-10-01T00:00:00.000Z",
      "X-Shopify-Event-Id": "e-1",
    });
  });

  it("is accepted by shopify.webhooks.validate, and rejected with another secret", async () => {
    const signed = signWebhook({ topic: "app/uninstalled", shop, body, secret });
    const request = () => new Request("http://localhost/webhooks/app/uninstalled", { method: "POST", headers: signed.headers, body: signed.body });
    const valid = await shopify().webhooks.validate({ rawBody: signed.body, rawRequest: request() });
    expect(valid).toMatchObject({ valid: true, topic: "APP_UNINSTALLED", domain: shop, apiVersion: "2026-10" });
    const invalid = await shopify("other-secret").webhooks.validate({ rawBody: signed.body, rawRequest: request() });
    expect(invalid).toMatchObject({ valid: false, reason: "invalid_hmac" });
  });
});

describe("sendWebhook", () => {
  it("POSTs the raw body with the signed headers", async () => {
    const fakeFetch = vi.fn(async (..._args: Parameters<typeof fetch>) => new Response("ok"));
    const response = await sendWebhook({ url: "http://localhost:3000/webhooks/shop/redact", topic: "shop/redact", shop, body: '{"shop_id":1}', secret, fetch: fakeFetch as typeof fetch });
    expect(response.status).toBe(200);
    const [url, init] = fakeFetch.mock.calls[0]!;
    expect(url).toBe("http://localhost:3000/webhooks/shop/redact");
    expect(init?.method).toBe("POST");
    expect(init?.body).toBe('{"shop_id":1}');
    expect((init?.headers as Record<string, string>)["X-Shopify-Hmac-Sha256"]).toBe(createHmac("sha256", secret).update('{"shop_id":1}').digest("base64"));
  });
});

import "@shopify/shopify-api/adapters/web-api";
import { shopifyApi, type ApiVersion } from "@shopify/shopify-api";
import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { adminHostParam, mintSessionToken } from "./session-token";

const shop = "shopdesk-demo.myshopify.com";
const apiKey = "shopdesk-demo-key";
const apiSecret = "shopdesk-demo-secret";

function shopify(secret = apiSecret) {
  return shopifyApi({
    apiKey,
    apiSecretKey: secret,
    hostName: "localhost",
    apiVersion: "2026-10" as ApiVersion,
    isEmbeddedApp: true,
    logger: { level: 0 },
  });
}

describe("mintSessionToken", () => {
  it("is accepted by jose with the API key as audience and carries Shopify's claims", async () => {
    const token = mintSessionToken({ shop, apiKey, apiSecret, userId: 90001 });
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(apiSecret), {
      audience: apiKey,
      algorithms: ["HS256"],
    });
    expect(protectedHeader.alg).toBe("HS256");
    expect(payload).toMatchObject({ iss: `https://${shop}/admin`, dest: `https://${shop}`, aud: apiKey, sub: "90001" });
    expect(payload.exp! - payload.iat!).toBe(60);
    expect(payload.iat! - payload.nbf!).toBe(5);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof payload.sid).toBe("string");
  });

  it("is accepted by @shopify/shopify-api's decodeSessionToken", async () => {
    const token = mintSessionToken({ shop, apiKey, apiSecret, userId: "90002" });
    const payload = await shopify().session.decodeSessionToken(token);
    expect(payload.dest).toBe(`https://${shop}`);
    expect(payload.sub).toBe("90002");
  });

  it("is rejected when verified with a different secret", async () => {
    const token = mintSessionToken({ shop, apiKey, apiSecret, userId: 90001 });
    await expect(shopify("not-the-secret").session.decodeSessionToken(token)).rejects.toThrow(/signature/i);
    await expect(jwtVerify(token, new TextEncoder().encode("not-the-secret"))).rejects.toThrow();
  });

  it("is rejected once expired (beyond the library's 10 s tolerance)", async () => {
    const token = mintSessionToken({ shop, apiKey, apiSecret, userId: 90001, now: Date.now() - 120_000 });
    await expect(shopify().session.decodeSessionToken(token)).rejects.toThrow(/exp/i);
  });

  it("uses a fresh jti for every token", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const first = mintSessionToken({ shop, apiKey, apiSecret, userId: 1, now });
    const second = mintSessionToken({ shop, apiKey, apiSecret, userId: 1, now });
    expect(first).not.toBe(second);
  });
});

describe("adminHostParam", () => {
  it("encodes admin.shopify.com/store/<store> and passes the library's host sanitizer", () => {
    const host = adminHostParam(shop);
    expect(Buffer.from(host, "base64").toString()).toBe("admin.shopify.com/store/shopdesk-demo");
    expect(shopify().utils.sanitizeHost(host)).toBe(host);
  });
});

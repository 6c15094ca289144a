import "@shopify/shopify-api/adapters/web-api";
import { createHmac } from "node:crypto";
import { shopifyApi, type ApiVersion } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { appProxySigningString, signAppProxyQuery, signedAppProxySearch } from "./app-proxy-signer";

const secret = "shopdesk-demo-secret";
const shopify = shopifyApi({ apiKey: "shopdesk-demo-key", apiSecretKey: secret, hostName: "localhost", apiVersion: "2026-10" as ApiVersion, isEmbeddedApp: true, logger: { level: 0 } });

describe("signAppProxyQuery", () => {
  it("matches Shopify's documented example", () => {
    // shopify.dev/docs/apps/build/online-store/app-proxies/authenticate-app-proxies: documented query and signature.
    const params = {
      extra: ["1", "2"],
      shop: "shop-name.myshopify.com",
      logged_in_customer_id: "1",
      path_prefix: "/apps/awesome_reviews",
      timestamp: "1317327555",
      signature: "ignored",
    };
    expect(appProxySigningString(params)).toBe("extra=1,2logged_in_customer_id=1path_prefix=/apps/awesome_reviewsshop=shop-name.myshopify.comtimestamp=1317327555");
    // The page shows the signature as 4c68c8624d737112c91818c11017d24d334b… (secret "hush").
    expect(signAppProxyQuery(params, "hush")).toMatch(/^4c68c8624d737112c91818c11017d24d334b[0-9a-f]{28}$/);
  });

  it("equals an independent recomputation per the spec", () => {
    const params = { shop: "shopdesk-demo.myshopify.com", timestamp: "1700000000", path_prefix: "/apps/shopdesk", logged_in_customer_id: "" };
    const expected = createHmac("sha256", secret)
      .update("logged_in_customer_id=path_prefix=/apps/shopdeskshop=shopdesk-demo.myshopify.comtimestamp=1700000000")
      .digest("hex");
    expect(signAppProxyQuery(params, secret)).toBe(expected);
  });

  it("is accepted by shopify-api's validateHmac with the appProxy signator, and rejected when tampered", async () => {
    const search = signedAppProxySearch({ shop: "shopdesk-demo.myshopify.com", secret, pathPrefix: "/apps/shopdesk", loggedInCustomerId: "42", extra: { ticket: ["a", "b"] } });
    expect(await shopify.utils.validateHmac(search, { signator: "appProxy" })).toBe(true);
    search.set("logged_in_customer_id", "43");
    expect(await shopify.utils.validateHmac(search, { signator: "appProxy" })).toBe(false);
  });
});

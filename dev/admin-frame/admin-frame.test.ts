import "@shopify/shopify-api/adapters/web-api";
import { shopifyApi, type ApiVersion } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminFrameHandler, DEMO_USERS, type StaffUser } from "./index";
import { readRequestBody, startServer, type RunningServer } from "./test-servers";

const shop = "shopdesk-demo.myshopify.com";
const apiKey = "shopdesk-demo-key";
const apiSecret = "shopdesk-demo-secret";
const shopify = shopifyApi({ apiKey, apiSecretKey: apiSecret, hostName: "localhost", apiVersion: "2026-10" as ApiVersion, isEmbeddedApp: true, logger: { level: 0 } });
const users: StaffUser[] = [...DEMO_USERS, { id: 90003, name: `Eve "<script>alert(1)</script>"`, email: "eve@example.com" }];

let standin: RunningServer;
let app: RunningServer;
const webhookResults: { valid: boolean; topic?: string }[] = [];

beforeAll(async () => {
  [standin, app] = await Promise.all([startServer(), startServer()]);
  const handler = createAdminFrameHandler({ appUrl: app.origin, apiKey, apiSecret, shop, users, standinOrigin: standin.origin });
  standin.setListener(async (req, res) => {
    if (!(await handler.handle(req, res))) res.writeHead(404).end("not mine");
  });
  // The fake app validates deliveries exactly as authenticate.webhook would.
  app.setListener(async (req, res) => {
    const rawBody = await readRequestBody(req);
    const headers = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]));
    const result = await shopify.webhooks.validate({ rawBody, rawRequest: new Request(`${app.origin}${req.url}`, { method: "POST", headers, body: rawBody }) });
    webhookResults.push({ valid: result.valid, topic: result.valid ? result.topic : undefined });
    res.writeHead(result.valid ? 200 : 401).end(result.valid ? "received" : "bad hmac");
  });
});
afterAll(async () => { await Promise.all([standin.close(), app.close()]); });

function iframeSrcOf(html: string): URL {
  const match = /<iframe name="app-iframe"[^>]* src="([^"]+)"/.exec(html);
  expect(match).not.toBeNull();
  // Attribute values are HTML-escaped; undo the one escape a URL can contain.
  expect(match![1]).toContain("&amp;");
  return new URL(match![1]!.replace(/&amp;/g, "&"));
}

describe("admin frame page", () => {
  it("embeds the app with Shopify's document-load params and a verifiable id_token", async () => {
    const response = await fetch(`${standin.origin}/admin`);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    const src = iframeSrcOf(html);
    expect(src.origin + src.pathname).toBe(`${app.origin}/app`);
    expect(src.searchParams.get("embedded")).toBe("1");
    expect(src.searchParams.get("shop")).toBe(shop);
    expect(Buffer.from(src.searchParams.get("host")!, "base64").toString()).toBe("admin.shopify.com/store/shopdesk-demo");
    expect(src.searchParams.get("locale")).toBe("en");
    const claims = await shopify.session.decodeSessionToken(src.searchParams.get("id_token")!);
    expect(claims.sub).toBe("90001");
    expect(html).toContain("shopdesk-demo");
    expect(html).toContain("Sam Rivera");
  });

  it("passes the chosen user, locale and app path through", async () => {
    const html = await (await fetch(`${standin.origin}/admin?user=90002&locale=zh-CN&path=${encodeURIComponent("/app/tickets?status=open")}`)).text();
    const src = iframeSrcOf(html);
    expect(src.pathname).toBe("/app/tickets");
    expect(src.searchParams.get("status")).toBe("open");
    expect(src.searchParams.get("locale")).toBe("zh-CN");
    expect((await shopify.session.decodeSessionToken(src.searchParams.get("id_token")!)).sub).toBe("90002");
    expect(html).toContain('<html lang="zh-CN">');
  });

  it("serves Shopify's /store/<store>/apps/<key>/<path> URLs", async () => {
    const src = iframeSrcOf(await (await fetch(`${standin.origin}/store/shopdesk-demo/apps/${apiKey}/app/settings`)).text());
    expect(src.pathname).toBe("/app/settings");
  });

  it("refuses foreign origins in ?path, unknown locales, and unknown users", async () => {
    const src = iframeSrcOf(await (await fetch(`${standin.origin}/admin?path=${encodeURIComponent("//evil.example/x")}&locale=xx`)).text());
    expect(src.origin).toBe(app.origin);
    expect(src.pathname).toBe("/app");
    expect(src.searchParams.get("locale")).toBe("en");
    expect((await fetch(`${standin.origin}/admin?user=1`)).status).toBe(400);
  });

  it("escapes interpolated values", async () => {
    const html = await (await fetch(`${standin.origin}/admin?user=90003`)).text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("Eve &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;");
    // The JSON config block must not be closable by a user name either.
    expect(html).toContain("\\u003cscript>alert(1)\\u003c/script>");
  });
});

describe("scripts and tokens", () => {
  it("serves the App Bridge stand-in as JavaScript with CORS", async () => {
    const response = await fetch(`${standin.origin}/app-bridge.js`);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const script = await response.text();
    expect(script).toContain("window.shopify =");
    expect(script).toContain('customElements.define(name');
    expect(Buffer.byteLength(script)).toBeLessThan(16_000);
  });

  it("mints a fresh token per request for a known user only", async () => {
    const first = (await (await fetch(`${standin.origin}/session-token?shop=${shop}&user=90002`)).json()) as { token: string };
    const second = (await (await fetch(`${standin.origin}/session-token?shop=${shop}&user=90002`)).json()) as { token: string };
    expect(first.token).not.toBe(second.token);
    expect((await shopify.session.decodeSessionToken(first.token)).sub).toBe("90002");
    expect((await fetch(`${standin.origin}/session-token?shop=${shop}&user=123`)).status).toBe(400);
    expect((await fetch(`${standin.origin}/session-token?shop=other.myshopify.com&user=90001`)).status).toBe(400);
  });

  it("leaves other paths to the next handler", async () => {
    const response = await fetch(`${standin.origin}/admin/api/2026-10/graphql.json`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("not mine");
  });
});

describe("webhook page", () => {
  const form = (fields: Record<string, string>) => ({ method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() });

  it("shows a form with the sample topics", async () => {
    const html = await (await fetch(`${standin.origin}/webhooks`)).text();
    expect(html).toContain('<form method="post" action="/webhooks">');
    expect(html).toContain("<option>customers/redact</option>");
  });

  it("sends a signed sample delivery that the app accepts", async () => {
    const html = await (await fetch(`${standin.origin}/webhooks`, form({ topic: "customers/redact" }))).text();
    expect(html).toContain('data-status="200"');
    expect(webhookResults.at(-1)).toEqual({ valid: true, topic: "CUSTOMERS_REDACT" });
  });

  it("can send a wrongly signed delivery to exercise the 401 path", async () => {
    const html = await (await fetch(`${standin.origin}/webhooks`, form({ topic: "shop/redact", badSignature: "1" }))).text();
    expect(html).toContain('data-status="401"');
    expect(webhookResults.at(-1)).toEqual({ valid: false, topic: undefined });
  });

  it("refuses targets outside the app and cross-site posts", async () => {
    const outside = await fetch(`${standin.origin}/webhooks`, form({ topic: "shop/redact", url: "http://example.com/hook" }));
    expect(outside.status).toBe(400);
    const crossSite = await fetch(`${standin.origin}/webhooks`, { ...form({ topic: "shop/redact" }), headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://evil.example" } });
    expect(crossSite.status).toBe(403);
  });
});

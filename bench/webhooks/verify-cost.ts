// What one delivery's verification costs by itself: authenticate.webhook from @shopify/shopify-app-remix
// (the library the app must verify with) on an orders/updated delivery, sequential, in-process, against
// a bare createHmac check of the same body. At a target rate R deliveries/s a single process has
// 1000 / R ms of CPU per delivery for everything; this shows how much of it the library takes alone.
//   npx tsx bench/webhooks/verify-cost.ts [--count 5000]
import { execFileSync } from "node:child_process";
import { createHmac, timingSafeEqual } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import "@shopify/shopify-api/adapters/node";
import { LogSeverity, shopifyApi, type ApiVersion } from "@shopify/shopify-api";
import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { signWebhook } from "../../dev/webhook-sender";
import { orderPayload } from "../../test/webhooks/payloads";
import { applyShopifyTestEnvironment } from "../test-shopify-env";

const countFlag = process.argv.indexOf("--count");
const COUNT = countFlag > 0 ? Number(process.argv[countFlag + 1]) : 5000;
// A fresh migrated SQLite file with the shop's offline session, as the ingestion benchmark has.
const file = path.resolve(import.meta.dirname, "..", ".data", "verify-cost.sqlite");
mkdirSync(path.dirname(file), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
execFileSync(path.resolve(import.meta.dirname, "..", "..", "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "pipe" });
applyShopifyTestEnvironment(`file:${file}`);
Object.assign(process.env, { SHOPIFY_API_KEY: API_KEY, SHOPIFY_API_SECRET: API_SECRET_KEY, SHOPIFY_APP_URL: APP_URL, LOG_LEVEL: "error" });
const { authenticate } = await import("../../app/shopify.server");
const { default: prisma } = await import("../../app/db.server");
const shop = "bench-verify.myshopify.com";
await prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "x", isOnline: false, accessToken: "shpat_bench" } });
const customer = { id: 7001, email: "verify@example.com", phone: "+15555550100", firstName: "Vera", lastName: "Fy" };
const body = JSON.stringify(orderPayload({ id: 4242, name: "#4242", customer, updatedAt: new Date().toISOString() }));
const signed = signWebhook({ topic: "orders/updated", shop, body, secret: API_SECRET_KEY });
const request = () => new Request(`${APP_URL}/webhooks/orders/updated`, { method: "POST", headers: signed.headers, body });

async function measure(name: string, run: () => Promise<unknown>): Promise<void> {
  for (let index = 0; index < 300; index++) await run();
  const started = performance.now();
  for (let index = 0; index < COUNT; index++) await run();
  const perCall = (performance.now() - started) / COUNT;
  console.log(`| ${name} | ${perCall.toFixed(3)} ms | ${Math.floor(1000 / perCall)}/s |`);
}

console.log(`| verification of one ${body.length}-byte delivery (${COUNT} sequential) | CPU per delivery | ceiling for one process doing only this |`);
console.log("| --- | ---: | ---: |");
await measure("new Request(...) alone (what any Remix route receives)", async () => request());
await measure("authenticate.webhook (library: HMAC, headers, session lookup, payload parse)", async () => authenticate.webhook(request()));
// The library call inside authenticate.webhook that checks the HMAC and the headers (@shopify/shopify-api).
const api = shopifyApi({ apiKey: API_KEY, apiSecretKey: API_SECRET_KEY, hostName: new URL(APP_URL).host, apiVersion: ADMIN_API_VERSION as ApiVersion, isEmbeddedApp: true, logger: { level: LogSeverity.Error } });
await measure("  of which webhooks.validate (@shopify/shopify-api: HMAC and headers)", async () => {
  const incoming = request();
  const check = await api.webhooks.validate({ rawBody: await incoming.text(), rawRequest: incoming });
  if (!check.valid) throw new Error("invalid");
});
await measure("bare createHmac + timingSafeEqual + JSON.parse", async () => {
  const digest = createHmac("sha256", API_SECRET_KEY).update(body).digest();
  if (!timingSafeEqual(digest, Buffer.from(signed.headers["X-Shopify-Hmac-Sha256"], "base64"))) throw new Error("bad hmac");
  JSON.parse(body);
});
process.exit(0);

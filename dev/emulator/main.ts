/**
 * Manual use: `npx tsx dev/emulator/main.ts --port 3101 [--token shpat_dev] [--latency 200] [--seed 20261123]`.
 * Then point the app at it with SHOPIFY_ADMIN_API_ORIGIN=http://127.0.0.1:3101 (development only).
 */
import { parseArgs } from "node:util";
import { buildFixtureShop } from "../fixtures/index";
import { startAdminEmulator } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3101" },
    token: { type: "string" },
    latency: { type: "string", default: "0" },
    seed: { type: "string" },
    "restore-rate": { type: "string", default: "100" },
  },
});

const emulator = await startAdminEmulator({
  port: Number(values.port),
  accessToken: values.token,
  latencyMs: Number(values.latency),
  restoreRate: Number(values["restore-rate"]),
  shop: values.seed ? buildFixtureShop(Number(values.seed)) : undefined,
});
const shop = emulator.handler.state.store.data;
console.log(`Admin API emulator for ${shop.shop.myshopifyDomain} listening on ${emulator.origin}`);
console.log(`  GraphQL:  POST ${emulator.origin}/admin/api/2026-10/graphql.json  (header X-Shopify-Access-Token)`);
console.log(`  Control:  POST ${emulator.origin}/__emulator/mode {latencyMs, throttleNext, failNext, status} | POST /__emulator/reset | GET /__emulator/state`);
console.log(`  Data:     ${shop.products.length} products, ${shop.customers.length} customers, ${shop.orders.length} orders`);

const shutdown = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

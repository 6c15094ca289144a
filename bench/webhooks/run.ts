// Webhook ingestion benchmark: 50 concurrent senders post signed orders/updated deliveries (shaped like
// Shopify's, API 2026-10; shuffled so older versions arrive after newer ones, 10 % redelivered with the
// same X-Shopify-Webhook-Id) to
//   1. the floor: node:http + HMAC check + one better-sqlite3 INSERT (floor-server.ts), then
//   2. the app: the real route action (authenticate.webhook, delivery row, job) in its own process
//      (app-server.ts) while a job worker process (app/jobs/worker.ts) processes the deliveries.
// Reports acknowledgement latency p50/p99 and throughput for both, then waits for the queue to drain
// and counts lost and duplicated effects (timeline facts, snapshots, automated messages).
//   npx tsx bench/webhooks/run.ts sqlite|postgresql [--orders 2000] [--concurrency 50] [--worker-after] [--cpu-prof]
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";
import { signWebhook } from "../../dev/webhook-sender";
import { fulfillmentPayload, orderPayload } from "../../test/webhooks/payloads";

const provider = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const ORDERS = flag("orders", 2000);
const CONCURRENCY = flag("concurrency", 50);
const WARMUP_ORDERS = 100;
// --worker-after: start the job worker only once every delivery is acknowledged (ingestion alone).
const WORKER_AFTER = process.argv.includes("--worker-after");
const TARGETS = { p99Ms: 100, sqlitePerSecond: 1500, floorShare: 0.3 };

const repoRoot = path.resolve(import.meta.dirname, "..", "..");
const dataDir = path.join(repoRoot, "bench", ".data");
const SQLITE_FILE = path.join(dataDir, "webhooks.sqlite");
const FLOOR_FILE = path.join(dataDir, "webhooks-floor.sqlite");
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PG_DATABASE = "shopdesk_bench_webhooks";
const SHOP_DOMAIN = "bench-webhooks.myshopify.com";
const prismaBin = path.join(repoRoot, "node_modules", ".bin", "prisma");

function pgUrl(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

function freshSqlite(file: string): string {
  mkdirSync(dataDir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  execFileSync(prismaBin, ["migrate", "deploy"], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "pipe" });
  return `file:${file}`;
}

async function freshDatabase(): Promise<string> {
  if (provider === "sqlite") return freshSqlite(SQLITE_FILE);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${PG_DATABASE}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${PG_DATABASE}"`);
  await admin.end();
  execFileSync(prismaBin, ["migrate", "deploy", "--config", "prisma/postgresql/prisma.config.ts"], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: pgUrl(PG_DATABASE) }, stdio: "pipe" });
  return pgUrl(PG_DATABASE);
}

const databaseUrl = await freshDatabase();
const floorTemplate = freshSqlite(FLOOR_FILE).replace(/^file:/, "");
const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "test",
  SHOPIFY_TESTING: "1",
  SHOPIFY_API_KEY: API_KEY,
  SHOPIFY_API_SECRET: API_SECRET_KEY,
  SHOPIFY_APP_URL: APP_URL,
  LOG_LEVEL: "error",
  DATABASE_URL: databaseUrl,
  JOB_RUNNER: "embedded",
  BENCH_SQLITE_FILE: floorTemplate,
};
Object.assign(process.env, childEnv);

// --- seed: the shop, its offline session, the shipping-confirmation rule, one customer + resolved ticket per order ---
const { default: prisma } = await import("../../app/db.server");
const { saveAutomatedMessageRule } = await import("../../app/services/automated-messages/rules.server");
const shop = await prisma.shop.create({ data: { domain: SHOP_DOMAIN, name: "Bench webhooks", settings: { quietHours: { enabled: false, start: "21:00", end: "08:00", minSpacingMinutes: 0, maxPerWindow: 5, windowHours: 24 } } } });
await prisma.session.create({ data: { id: `offline_${SHOP_DOMAIN}`, shop: SHOP_DOMAIN, state: "bench", isOnline: false, accessToken: "shpat_bench" } });
await saveAutomatedMessageRule(prisma, shop.id, "shipping_confirmation", { enabled: true });
const totalOrders = ORDERS + WARMUP_ORDERS;
const orders = Array.from({ length: totalOrders }, (_, index) => ({
  orderId: 6_000_000_000 + index,
  name: `#${10_001 + index}`,
  customer: { id: 9_000_000 + index, email: `bench${index}@example.com`, phone: `+1555${String(index).padStart(7, "0")}`, firstName: "Bench", lastName: `Customer${index}` },
}));
await prisma.customer.createMany({ data: orders.map((order) => ({ id: `bc${order.orderId}`, shopId: shop.id, email: order.customer.email, shopifyCustomerId: `gid://shopify/Customer/${order.customer.id}` })) });
await prisma.ticket.createMany({ data: orders.map((order, index) => ({ id: `bt${order.orderId}`, shopId: shop.id, number: index + 1, subject: `About ${order.name}`, status: "resolved", customerId: `bc${order.orderId}` })) });
await prisma.shop.update({ where: { id: shop.id }, data: { nextTicketNumber: orders.length + 1 } });
await prisma.ticketOrder.createMany({ data: orders.map((order) => ({ ticketId: `bt${order.orderId}`, shopId: shop.id, shopifyOrderId: `gid://shopify/Order/${order.orderId}`, orderName: order.name })) });

// --- deliveries: three versions per order (pending, paid, fulfilled with tracking), shuffled; 10 % sent twice ---
interface Delivery { headers: Record<string, string>; body: string; webhookId: string }
function versions(order: (typeof orders)[number]): Delivery[] {
  const at = (minute: number) => `2026-11-20T10:${String(minute).padStart(2, "0")}:00Z`;
  const fulfillment = fulfillmentPayload({ id: order.orderId + 1, orderId: order.orderId, updatedAt: at(3) });
  const bodies = [
    orderPayload({ id: order.orderId, name: order.name, customer: order.customer, updatedAt: at(1), financialStatus: "pending" }),
    orderPayload({ id: order.orderId, name: order.name, customer: order.customer, updatedAt: at(2), financialStatus: "paid" }),
    orderPayload({ id: order.orderId, name: order.name, customer: order.customer, updatedAt: at(3), financialStatus: "paid", fulfillmentStatus: "fulfilled", fulfillments: [fulfillment] }),
  ];
  return bodies.map((payload) => {
    const webhookId = randomUUID();
    const signed = signWebhook({ topic: "orders/updated", shop: SHOP_DOMAIN, body: JSON.stringify(payload), secret: API_SECRET_KEY, webhookId });
    return { headers: signed.headers, body: signed.body, webhookId };
  });
}
let seed = 20261123;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
const warmup = orders.slice(0, WARMUP_ORDERS).flatMap(versions);
const timedUnique = shuffled(orders.slice(WARMUP_ORDERS).flatMap(versions));
const timed = shuffled([...timedUnique, ...timedUnique.filter(() => random() < 0.1)]);
const uniqueWebhookIds = new Set([...warmup, ...timedUnique].map((delivery) => delivery.webhookId)).size;

// --cpu-prof: the app server writes its CPU profile to .tmp/webhooks-prof/ when it stops.
function profileFlags(script: string): string[] {
  return process.argv.includes("--cpu-prof") && script.endsWith("app-server.ts") ? ["--cpu-prof", `--cpu-prof-dir=${path.join(repoRoot, ".tmp", "webhooks-prof")}`] : [];
}

// --- load generator ---
function startChild(script: string, extraEnv: Record<string, string> = {}): { child: ChildProcess; port: Promise<number> } {
  const child = spawn(process.execPath, [...profileFlags(script), "--import", "tsx", script], { cwd: repoRoot, env: { ...childEnv, ...extraEnv }, stdio: ["ignore", "pipe", "inherit"] });
  const port = new Promise<number>((resolve, reject) => {
    let buffered = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /listening (\d+)/.exec(buffered);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, port };
}

interface LoadResult { latencies: number[]; seconds: number; statuses: Record<number, number>; retries: number }
async function load(port: number, deliveries: Delivery[]): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  let retries = 0;
  const post = (delivery: Delivery) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const request = http.request({ host: "127.0.0.1", port, path: "/webhooks/orders/updated", method: "POST", agent, headers: { ...delivery.headers, "Content-Length": Buffer.byteLength(delivery.body) } }, (response) => {
        response.resume();
        response.on("end", () => {
          latencies.push(performance.now() - started);
          statuses[response.statusCode ?? 0] = (statuses[response.statusCode ?? 0] ?? 0) + 1;
          resolve(response.statusCode ?? 0);
        });
      });
      request.on("error", reject);
      request.end(delivery.body);
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < deliveries.length) {
      const delivery = deliveries[next++]!;
      // Like Shopify: an answer other than 2xx is delivered again (same webhook id), up to a few times.
      for (let attempt = 0; attempt < 5 && (await post(delivery)) >= 300; attempt++) retries += 1;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, seconds, statuses, retries };
}

const percentile = (samples: number[], share: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
};
const summary = (result: LoadResult) => ({
  p50: percentile(result.latencies, 0.5),
  p99: percentile(result.latencies, 0.99),
  perSecond: result.latencies.length / result.seconds,
  statuses: result.statuses,
  retries: result.retries,
});

// 1. The floor (its own SQLite file), same deliveries, same concurrency.
const floorFile = path.join(dataDir, "webhooks-floor-run.sqlite");
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${floorFile}${suffix}`, { force: true });
copyFileSync(floorTemplate, floorFile);
const floorServer = startChild(path.join(import.meta.dirname, "floor-server.ts"), { BENCH_SQLITE_FILE: floorFile });
const floorPort = await floorServer.port;
await load(floorPort, warmup);
const floor = summary(await load(floorPort, timed));
floorServer.child.kill("SIGTERM");

// 2. The app, with a job worker process working through the deliveries at the same time.
const appServer = startChild(path.join(import.meta.dirname, "app-server.ts"));
const startWorker = () => spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "app", "jobs", "worker.ts")], { cwd: repoRoot, env: childEnv, stdio: ["ignore", "ignore", "inherit"] });
let worker = WORKER_AFTER ? null : startWorker();
const appPort = await appServer.port;
await load(appPort, warmup);
const app = summary(await load(appPort, timed));
appServer.child.kill("SIGTERM");
worker ??= startWorker();

// 3. Drain, then count effects.
const drainStarted = performance.now();
const pendingWork = async () =>
  (await prisma.webhookDelivery.count({ where: { shopDomain: SHOP_DOMAIN, status: { in: ["received", "processing"] } } })) +
  (await prisma.job.count({ where: { name: { in: ["webhooks.drain", "automated-message.send"] }, status: { in: ["queued", "running", "failed"] } } }));
while ((await pendingWork()) > 0) {
  if (performance.now() - drainStarted > 20 * 60_000) throw new Error("the queue did not drain in 20 minutes");
  await new Promise((resolve) => setTimeout(resolve, 500));
}
const drainSeconds = (performance.now() - drainStarted) / 1000;
worker.kill("SIGTERM");

const deliveryRows = await prisma.webhookDelivery.groupBy({ by: ["status"], where: { shopDomain: SHOP_DOMAIN }, _count: true });
const deadJobs = await prisma.job.count({ where: { status: "dead" } });
const events = await prisma.ticketEvent.groupBy({ by: ["ticketId"], where: { shopId: shop.id, type: "order_event" }, _count: true });
const eventsPerTicket = new Map(events.map((row) => [row.ticketId, row._count]));
const sendsPerCustomer = new Map((await prisma.automatedSend.groupBy({ by: ["customerId"], where: { shopId: shop.id, status: "sent" }, _count: true })).map((row) => [row.customerId, row._count]));
const snapshots = await prisma.orderSnapshot.findMany({ where: { shopId: shop.id }, select: { shopifyOrderId: true, financialStatus: true, fulfillmentStatus: true } });
const snapshotOk = new Set(snapshots.filter((row) => row.financialStatus === "paid" && row.fulfillmentStatus === "fulfilled").map((row) => row.shopifyOrderId));
let lost = 0;
let duplicated = 0;
for (const order of orders) {
  // created, paid, fulfilled: three facts per order's ticket; one shipping confirmation per customer
  const facts = eventsPerTicket.get(`bt${order.orderId}`) ?? 0;
  const sends = sendsPerCustomer.get(`bc${order.orderId}`) ?? 0;
  lost += Math.max(0, 3 - facts) + Math.max(0, 1 - sends) + (snapshotOk.has(`gid://shopify/Order/${order.orderId}`) ? 0 : 1);
  duplicated += Math.max(0, facts - 3) + Math.max(0, sends - 1);
}
const automatedMessages = await prisma.message.count({ where: { shopId: shop.id, isAutomated: true } });
duplicated += Math.max(0, automatedMessages - orders.length);
const rows = Object.fromEntries(deliveryRows.map((row) => [row.status, row._count]));
const rowCount = Object.values(rows).reduce((a, b) => a + b, 0);

const fmt = (n: number) => n.toFixed(1);
const share = app.perSecond / floor.perSecond;
console.log(`[bench] webhooks, ${provider}, ${timed.length} signed orders/updated deliveries (${timedUnique.length} unique, rest redelivered; shuffled versions), ${CONCURRENCY} concurrent senders, after ${warmup.length} warm-up deliveries`);
console.log(`[bench]   floor (node:http + HMAC + better-sqlite3 INSERT): p50 ${fmt(floor.p50)} ms, p99 ${fmt(floor.p99)} ms, ${fmt(floor.perSecond)} deliveries/s, statuses ${JSON.stringify(floor.statuses)}, retried ${floor.retries}`);
console.log(`[bench]   app   (route action${WORKER_AFTER ? ", worker after" : " + worker process"}):        p50 ${fmt(app.p50)} ms, p99 ${fmt(app.p99)} ms, ${fmt(app.perSecond)} deliveries/s, statuses ${JSON.stringify(app.statuses)}, retried ${app.retries}`);
console.log(`[bench]   app/floor throughput ${share.toFixed(2)}; targets: p99 ≤ ${TARGETS.p99Ms} ms ${app.p99 <= TARGETS.p99Ms ? "met" : "MISSED"}` +
  (provider === "sqlite" ? `, ≥ ${TARGETS.sqlitePerSecond}/s ${app.perSecond >= TARGETS.sqlitePerSecond ? "met" : "MISSED"}` : "") +
  `, ≥ ${TARGETS.floorShare} of floor ${share >= TARGETS.floorShare ? "met" : "MISSED"}`);
console.log(`[bench]   drain: ${fmt(drainSeconds)} s after the last acknowledgement; delivery rows ${rowCount} for ${uniqueWebhookIds} unique webhook ids ${JSON.stringify(rows)}; dead jobs ${deadJobs}`);
console.log(`[bench]   effects over ${orders.length} orders: lost ${lost}, duplicated ${duplicated} (timeline facts ${events.reduce((a, row) => a + row._count, 0)}/${orders.length * 3}, shipping confirmations ${[...sendsPerCustomer.values()].reduce((a, b) => a + b, 0)}/${orders.length}, automated messages ${automatedMessages}, final snapshots correct ${snapshotOk.size}/${orders.length})`);
await prisma.$disconnect();
process.exit(0);

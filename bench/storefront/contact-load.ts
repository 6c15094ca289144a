// The contact endpoint under load (issue 7: p95 ≤ 150 ms with 20 concurrent submitters from distinct
// client addresses, zero lost). Serves the app the way production does (`remix vite:build`, then
// remix-serve with NODE_ENV=production) on a fresh SQLite database with the seeded demo shop — or, with
// `--dev`, the demo's Remix dev server — then 20 submitters each post their rate limit's worth (5) of
// distinct messages as Shopify's app proxy forwards them: signed query, X-Forwarded-For = the
// submitter's address. Afterwards every submission must be a ticket with its message in the database.
// The route stores and answers; tickets are made by contact.drain jobs. Where those run:
//   --worker=in-app    the app process runs them (JOB_RUNNER=embedded, the default configuration)
//   --worker=separate  APP_RUNS_JOBS=false and one `npm run worker` process beside it, started first
//   --worker=after     APP_RUNS_JOBS=false, the worker process starts when the last visitor was answered
// --db=postgresql runs it on a fresh PostgreSQL database (shopdesk_bench_contact) instead of SQLite.
// --cpu-prof writes the app server's CPU profile to .tmp/contact-prof/ (the server is stopped with SIGTERM).
// --visitors=N keeps 20 (submitters) in flight for longer: when a visitor has sent their 5, the next
// visitor (a new address) takes the slot, until N visitors have sent theirs (default: one round).
//   npx tsx bench/storefront/contact-load.ts [submitters=20] [perSubmitter=5] [--visitors=200] [--worker=separate] [--db=postgresql] [--dev] [--skip-build] [--cpu-prof]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { createPrismaClient } from "../../app/db/create-client.server";
import { benchPgUrl, openBenchDatabase } from "../bench-db";
import { signedAppProxySearch } from "../../dev/app-proxy-signer";
import { buildFixtureShop } from "../../dev/fixtures";
import { DEMO_API_KEY, DEMO_API_SECRET, DEMO_SHOP_DOMAIN } from "../../prisma/seed/demo-constants";
import { seedDemoShop } from "../../prisma/seed/demo-shop";
import { startDemo } from "../../test/e2e/demo-process";

const root = path.resolve(import.meta.dirname, "..", "..");
const flags = new Set(process.argv.slice(2).filter((arg) => arg.startsWith("--")));
const database = process.argv.includes("--db=postgresql") ? "postgresql" : "sqlite";
const workerMode = (process.argv.find((arg) => arg.startsWith("--worker="))?.split("=")[1] ?? "in-app") as "in-app" | "separate" | "after";
if (!["in-app", "separate", "after"].includes(workerMode)) throw new Error(`--worker must be in-app, separate or after`);

interface BenchServer {
  appUrl: string;
  databaseUrl: string;
  /** Starts the separate worker process (no-op when the app runs the jobs). */
  startWorker(): void;
  stop(): Promise<void>;
}
const numbers = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));

async function startProductionServer(): Promise<BenchServer> {
  if (!flags.has("--skip-build")) {
    const build = spawnSync(path.join(root, "node_modules", ".bin", "remix"), ["vite:build"], { cwd: root, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  }
  // A fresh, migrated database (bench/bench-db.ts) with the seeded demo shop.
  const sink = await openBenchDatabase(database, { sqliteFile: path.join(root, ".tmp", "bench-contact.sqlite"), pgDatabase: "shopdesk_bench_contact" });
  await sink.close();
  const databaseUrl = database === "sqlite" ? `file:${path.join(root, ".tmp", "bench-contact.sqlite")}` : benchPgUrl("shopdesk_bench_contact");
  const db = await createPrismaClient(databaseUrl);
  await seedDemoShop(db, buildFixtureShop());
  await db.$disconnect();
  const port = 3900 + Math.floor(Math.random() * 90);
  const appUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: databaseUrl, SHOPIFY_API_KEY: DEMO_API_KEY, SHOPIFY_API_SECRET: DEMO_API_SECRET, SHOPIFY_APP_URL: appUrl, LOG_LEVEL: "warn", APP_RUNS_JOBS: workerMode === "in-app" ? "true" : "false" };
  const profile = flags.has("--cpu-prof") ? ["--cpu-prof", `--cpu-prof-dir=${path.join(root, ".tmp", "contact-prof")}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, path.join(root, "node_modules", "@remix-run", "serve", "dist", "cli.js"), "./build/server/index.js"], { cwd: root, stdio: "ignore", env });
  let worker: ChildProcess | null = null;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`remix-serve exited with ${child.exitCode}`);
    // An unsigned proxy request answers 400 once the app is up.
    if (await fetch(`${appUrl}/proxy/contact`).then((response) => response.status === 400, () => false)) break;
    if (Date.now() > deadline) throw new Error("remix-serve did not answer /proxy/contact within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    appUrl,
    databaseUrl,
    startWorker() {
      if (workerMode === "in-app" || worker) return;
      // node itself (not the tsx wrapper, whose child would outlive a SIGKILL of the wrapper).
      worker = spawn(process.execPath, ["--import", "tsx", "app/jobs/worker.ts"], { cwd: root, stdio: "ignore", env });
    },
    // The embedded job worker keeps remix-serve alive after SIGTERM for a while: end it outright.
    stop: async () => {
      if (flags.has("--cpu-prof")) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      }
      child.kill("SIGKILL");
      worker?.kill("SIGKILL");
    },
  };
}

const submitters = Number(numbers[0] ?? 20);
const perSubmitter = Number(numbers[1] ?? 5);
const visitors = Number(process.argv.find((arg) => arg.startsWith("--visitors="))?.split("=")[1] ?? submitters);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// node:http with keep-alive rather than fetch: the load generator shares the machine's two cores with
// the server, and undici's fetch costs several times more CPU per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

async function post(appUrl: string, address: string, fields: Record<string, string>): Promise<{ status: number; ms: number; body: { ok: boolean; ticketNumber?: number | null } }> {
  const search = signedAppProxySearch({ shop: DEMO_SHOP_DOMAIN, secret: DEMO_API_SECRET, pathPrefix: "/apps/shopdesk" });
  const payload = new URLSearchParams(fields).toString();
  const url = new URL(`${appUrl}/proxy/contact?${search}`);
  const started = performance.now();
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: "POST",
        agent,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(payload), Accept: "application/json", "X-Forwarded-For": address, "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36" },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
  return { status, ms: performance.now() - started, body: JSON.parse(text) as { ok: boolean; ticketNumber?: number | null } };
}

function fields(run: string, submitter: number, index: number): Record<string, string> {
  return {
    name: `Load Visitor ${submitter}`,
    email: `load-${run}-${submitter}-${index}@example.com`,
    topic: ["order_status", "shipping", "returns", "product", "other"][index % 5]!,
    message: `Benchmark message ${run} ${submitter}/${index}: where is my order? It was supposed to arrive last week.`,
    locale: "en",
    started_at: String(Math.floor(Date.now() / 1000) - 30),
    website: "",
  };
}

async function main() {
  const server: BenchServer = flags.has("--dev")
    ? await startDemo().then((demo) => ({ appUrl: demo.appUrl, databaseUrl: `file:.tmp/e2e-demo-${new URL(demo.appUrl).port}.sqlite`, startWorker() {}, stop: demo.stop }))
    : await startProductionServer();
  const demo = server;
  const databaseUrl = server.databaseUrl;
  const run = Date.now().toString(36);
  try {
    // Warm-up from other addresses, as many at once as the measured run (a production server is warm:
    // JIT, Prisma's query plans, the proxy's open connections; the dev server compiles the route on
    // first use): 10 rounds of `submitters` requests, each from its own address.
    for (let round = 0; round < 10; round++) {
      await Promise.all(Array.from({ length: submitters }, (_, slot) => post(demo.appUrl, `192.0.${round + 1}.${slot + 1}`, fields(`${run}w`, 900 + round * submitters + slot, 0))));
    }
    if (workerMode === "separate") {
      server.startWorker();
      await new Promise((resolve) => setTimeout(resolve, 3000)); // tsx compiles the worker first
    }

    const latencies: number[] = [];
    const failures: string[] = [];
    const started = performance.now();
    let nextVisitor = 0;
    await Promise.all(
      Array.from({ length: submitters }, async () => {
        for (let visitor = nextVisitor++; visitor < visitors; visitor = nextVisitor++) {
          const address = `10.${20 + Math.floor(visitor / 62_500)}.${Math.floor(visitor / 250) % 250}.${(visitor % 250) + 1}`;
          for (let index = 0; index < perSubmitter; index++) {
            const result = await post(demo.appUrl, address, fields(run, visitor, index));
            latencies.push(result.ms);
            if (result.status !== 200 || !result.body.ok) failures.push(`${address}#${index}: ${result.status} ${JSON.stringify(result.body)}`);
          }
        }
      }),
    );
    const wallMs = performance.now() - started;
    const answeredAt = performance.now();
    if (workerMode === "after") server.startWorker();
    const sorted = [...latencies].sort((a, b) => a - b);

    // Every answered submission must become a ticket (those answered before their ticket was made follow within seconds).
    const expected = visitors * perSubmitter;
    const db = await createPrismaClient(databaseUrl);
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: DEMO_SHOP_DOMAIN } });
    // Waits while tickets keep coming (the worker may be minutes behind a long burst); gives up after 30 s without progress.
    let lastProgress = Date.now();
    let lastCount = -1;
    let stored = 0;
    let messages = 0;
    let tickets = 0;
    do {
      await new Promise((resolve) => setTimeout(resolve, 500));
      stored = await db.contactSubmission.count({ where: { shopId: shop.id, email: { startsWith: `load-${run}-` } } });
      const ticketed = await db.contactSubmission.findMany({ where: { shopId: shop.id, email: { startsWith: `load-${run}-` }, status: "ticketed" }, select: { ticketId: true } });
      tickets = new Set(ticketed.map((row) => row.ticketId)).size;
      messages = await db.message.count({ where: { shopId: shop.id, channel: "contact_form", bodyText: { contains: `Benchmark message ${run} ` } } });
      if (tickets + messages !== lastCount) {
        lastCount = tickets + messages;
        lastProgress = Date.now();
      }
    } while ((tickets < expected || messages < expected) && Date.now() - lastProgress < 30_000);
    const ticketedAfterMs = performance.now() - answeredAt;
    await db.$disconnect();
    const lost = expected - Math.min(stored, messages, tickets);
    console.log(`| server | jobs | submitters | requests | p50 | p95 | p99 | max | throughput | non-200 | stored | tickets | messages | all ticketed after | lost |`);
    console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`);
    console.log(
      `| ${flags.has("--dev") ? "dev (vite)" : "production build"}, ${database} | ${workerMode} | ${submitters} (${visitors} addresses) | ${expected} | ${percentile(sorted, 50).toFixed(0)} ms | ${percentile(sorted, 95).toFixed(0)} ms | ${percentile(sorted, 99).toFixed(0)} ms | ${sorted.at(-1)!.toFixed(0)} ms | ${((expected / wallMs) * 1000).toFixed(1)}/s | ${failures.length} | ${stored} | ${tickets} | ${messages} | ${(ticketedAfterMs / 1000).toFixed(1)} s | ${lost} |`,
    );
    if (failures.length) console.log(`failures:\n${failures.slice(0, 10).join("\n")}`);
    if (percentile(sorted, 95) > 150 || lost > 0 || failures.length > 0) process.exitCode = 1;
  } finally {
    await demo.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

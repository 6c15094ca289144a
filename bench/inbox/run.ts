// Inbox benchmark: p50/p95 over sequential requests for each view, each sort, filters and search, measured
// three ways on the seeded shop (bench/inbox/seed.ts):
//   loader — the real route loader (app/routes/app._index.tsx) with an authenticated embedded-admin request
//            (session-token check, session lookup, agent upsert, then the inbox queries and row mapping);
//   model  — loadInboxView(), the model function the loader calls, with the loader's row mapping;
//   raw    — the floor: the SQL statements one loader request sent to the driver (recorded on the wire
//            after the warm-up, bench/inbox/sql-capture.ts), replayed one after another on a bare
//            connection of the same driver.
// The three take turns request by request (loader, model, raw, loader, …), so the shared machine's slow
// moments fall on all three alike.
//   npx tsx bench/inbox/run.ts sqlite|postgresql [--iterations 200] [--only "view all,refund"] [--show-sql]
import Database from "better-sqlite3";
import pg from "pg";
import { applyShopifyTestEnvironment } from "../test-shopify-env";
import { BENCH_SHOP_DOMAIN, pgBenchUrl, SQLITE_FILE } from "./seed";
import { captureSql, installSqlCapture, replayer } from "./sql-capture";

const provider = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
const iterationsFlag = process.argv.indexOf("--iterations");
const ITERATIONS = iterationsFlag > 0 ? Number(process.argv[iterationsFlag + 1]) : 200;
const WARMUP = 50; // per scenario: the first scenarios otherwise run on code the JIT has not optimised yet
// --only "view,search": run the scenarios whose name contains one of these words.
const onlyFlag = process.argv.indexOf("--only");
const ONLY = onlyFlag > 0 ? process.argv[onlyFlag + 1]!.split(",") : null;
const SHOW_SQL = process.argv.includes("--show-sql");

installSqlCapture();
applyShopifyTestEnvironment(provider === "sqlite" ? `file:${SQLITE_FILE}` : pgBenchUrl());
const { default: prisma } = await import("../../app/db.server");
const { loader } = await import("../../app/routes/app._index");
const { loadInboxView } = await import("../../app/models/tickets.server");
const { parseInboxQuery } = await import("../../app/domain/inbox-filters");
const { countInboxViews } = await import("../../app/models/inbox-query.server");
const { adminRequest } = await import("../../test/helpers/admin-request");

interface Scenario {
  name: string;
  search: string;
  target: number;
}
const views = ["all", "mine", "unassigned", "urgent", "breaching", "waiting", "snoozed", "resolved"];
const scenarios: Scenario[] = [
  ...views.map((view) => ({ name: `view ${view}`, search: `view=${view}`, target: 25 })),
  ...["sort=last_activity", "sort=last_activity&dir=asc", "sort=priority", "sort=created", "sort=created&dir=asc"].map((search) => ({ name: `all, ${search}`, search, target: 25 })),
  { name: "all, page 3 (cursor)", search: "CURSOR:3", target: 25 },
  { name: "filters: urgent+high, breached, tag vip", search: "priority=urgent,high&sla=breached&tag=vip", target: 25 },
  { name: "filters: category+channel, created last 30 days", search: `category=order_status&channel=email&createdFrom=${new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)}`, target: 25 },
  { name: "search 'refund' (common)", search: "q=refund", target: 60 },
  { name: "search 'tracking number' (2 terms)", search: "q=tracking+number", target: 60 },
  { name: "search order '#12345'", search: "q=%2312345", target: 60 },
  { name: "search customer email", search: "q=emma.smith", target: 60 },
  { name: "search '尺码偏小' (Chinese)", search: `q=${encodeURIComponent("尺码偏小")}`, target: 60 },
  { name: "search '退款' (2 chars, LIKE)", search: `q=${encodeURIComponent("退款")}`, target: 60 },
  { name: "view resolved, search 'broken'", search: "view=resolved&q=broken", target: 60 },
];

function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/**
 * Times several ways of doing the same work, taking turns request by request, so a slow patch of the
 * shared machine falls on all of them alike instead of on whichever ran during it.
 */
async function measureInTurns(runs: (() => Promise<unknown>)[]): Promise<{ p50: number; p95: number }[]> {
  for (let index = 0; index < WARMUP; index++) for (const run of runs) await run();
  const samples = runs.map(() => [] as number[]);
  for (let index = 0; index < ITERATIONS; index++) {
    for (const [position, run] of runs.entries()) {
      const start = performance.now();
      await run();
      samples[position]!.push(performance.now() - start);
    }
  }
  return samples.map((times) => ({ p50: percentile(times, 0.5), p95: percentile(times, 0.95) }));
}

async function measure(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let index = 0; index < WARMUP; index++) await run();
  const samples: number[] = [];
  for (let index = 0; index < ITERATIONS; index++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: BENCH_SHOP_DOMAIN } });
const agent = await prisma.agent.findFirstOrThrow({ where: { shopId: shop.id, shopifyStaffId: "12345" } });
const sqlite = provider === "sqlite" ? new Database(SQLITE_FILE, { readonly: true }) : null;
const pgClient = provider === "postgresql" ? new pg.Client({ connectionString: pgBenchUrl() }) : null;
await pgClient?.connect();

async function resolveSearch(search: string): Promise<string> {
  if (!search.startsWith("CURSOR:")) return search;
  let cursor: string | null = null;
  for (let page = 1; page < Number(search.slice(7)); page++) {
    const data = await loader({ request: await adminRequest(BENCH_SHOP_DOMAIN, `/app${cursor ? `?cursor=${cursor}` : ""}`), params: {}, context: {} });
    cursor = data.nextCursor;
  }
  return `cursor=${cursor}`;
}

const lines: string[] = [];
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const replay = replayer(provider, { sqlite: sqlite ?? undefined, pg: pgClient ?? undefined });
lines.push(row(["scenario", "rows", "loader p50", "loader p95", "model p50", "model p95", "statements", "raw SQL p50", "raw SQL p95", "loader/raw p95", "target p95"]));
lines.push(row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
for (const scenario of scenarios.filter((candidate) => !ONLY || ONLY.some((word) => candidate.name.includes(word)))) {
  const search = await resolveSearch(scenario.search);
  const query = parseInboxQuery(new URLSearchParams(search));
  const context = () => ({ shopId: shop.id, agentId: agent.id, timeZone: shop.ianaTimezone, now: new Date() });
  // One signed request per scenario (session tokens live a minute); each iteration sends a fresh copy.
  const request = await adminRequest(BENCH_SHOP_DOMAIN, `/app?${search}`);
  let rowCount = 0;
  const runLoader = async () => {
    const data = await loader({ request: request.clone(), params: {}, context: {} });
    rowCount = data.rows.length;
  };
  for (let index = 0; index < WARMUP; index++) await runLoader();
  // One request, warm like the timed ones, with its SQL recorded: that is the floor.
  const statements = await captureSql(() => loader({ request: request.clone(), params: {}, context: {} }));
  if (SHOW_SQL) {
    for (const statement of statements) {
      const alone = await measure(() => replay([statement]));
      const values = JSON.stringify(statement.values, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
      console.log(`  [${alone.p50.toFixed(2)} ms] ${statement.sql.slice(0, 300)} -- ${values.slice(0, 120)}`);
    }
  }
  const [loaderTimes, modelTimes, rawTimes] = await measureInTurns([
    runLoader,
    () => loadInboxView(prisma, provider, context(), query),
    () => replay(statements),
  ]);
  const ratio = loaderTimes.p95 / rawTimes.p95;
  const line = row([
    scenario.name, rowCount,
    loaderTimes.p50.toFixed(1), `${loaderTimes.p95.toFixed(1)}${loaderTimes.p95 > scenario.target ? " ✗" : ""}`,
    modelTimes.p50.toFixed(1), modelTimes.p95.toFixed(1), statements.length, rawTimes.p50.toFixed(1), rawTimes.p95.toFixed(1),
    `${ratio.toFixed(1)}×`, scenario.target,
  ]);
  lines.push(line);
  console.log(line);
}
// The view counts are served from a 10 s cache per shop and agent, so the rows above rarely include them:
// their cost on a miss, the model call and its one statement replayed.
const countsContext = { shopId: shop.id, agentId: agent.id, timeZone: shop.ianaTimezone, now: new Date() };
const countsModel = await measure(() => countInboxViews(prisma, provider, countsContext));
const countsStatements = await captureSql(() => countInboxViews(prisma, provider, countsContext));
const countsRaw = await measure(() => replay(countsStatements));
const countsLine = `view counts on a cache miss (once per 10 s per shop and agent): countInboxViews p50 ${countsModel.p50.toFixed(1)} ms, p95 ${countsModel.p95.toFixed(1)} ms; its ${countsStatements.length} statement replayed p50 ${countsRaw.p50.toFixed(1)} ms, p95 ${countsRaw.p95.toFixed(1)} ms`;
console.log(`\n${provider}, ${ITERATIONS} sequential requests per cell (after ${WARMUP} warm-up), times in ms\n`);
console.log(lines.join("\n"));
console.log(`\n${countsLine}`);
sqlite?.close();
await pgClient?.end();
await prisma.$disconnect();

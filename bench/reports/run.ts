// Reports benchmark on the seeded shop (bench/reports/seed.ts: 100,000 tickets, ~1,000,000 messages):
// first the full TicketMetric backfill (what a large shop's first report triggers in the background),
// then p50/p95 of every report over sequential requests against the 1 s target:
//   model  — the service functions the page calls (support report, complaint analysis, quality sample, CSV rows);
//   loader — the real route loaders with an authenticated embedded-admin request.
//   npx tsx bench/reports/run.ts sqlite|postgresql [--iterations 30] [--skip-backfill]
import { applyShopifyTestEnvironment } from "../test-shopify-env";
import { REPORTS_SHOP_DOMAIN, REPORTS_SQLITE_FILE, reportsPgUrl } from "./seed";

const provider = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
const iterationsFlag = process.argv.indexOf("--iterations");
const ITERATIONS = iterationsFlag > 0 ? Number(process.argv[iterationsFlag + 1]) : 30;
const WARMUP = 3;
const TARGET_MS = 1000;

applyShopifyTestEnvironment(provider === "sqlite" ? `file:${REPORTS_SQLITE_FILE}` : reportsPgUrl());
const { default: prisma } = await import("../../app/db.server");
const { refreshTicketMetrics } = await import("../../app/services/reports/ticket-metrics.server");
const { loadSupportReport } = await import("../../app/services/reports/report.server");
const { loadComplaintAnalysis } = await import("../../app/services/reports/complaints.server");
const { parseReportPeriod } = await import("../../app/services/reports/period");
const { reviewSample } = await import("../../app/services/reports/quality-reviews.server");
const { complaintExportRows } = await import("../../app/services/reports/complaints.server");
const { loader: reportsLoader } = await import("../../app/routes/app.reports._index");
const { loader: exportLoader } = await import("../../app/routes/app.reports.export");
const { adminRequest } = await import("../../test/helpers/admin-request");

const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: REPORTS_SHOP_DOMAIN } });
const messages = await prisma.message.count({ where: { shopId: shop.id } });
const tickets = await prisma.ticket.count({ where: { shopId: shop.id } });
console.log(`[reports ${provider}] ${tickets} tickets, ${messages} messages`);

// The backfill, as the background job runs it (chunks of 2,000); --skip-backfill reuses the last one.
if (!process.argv.includes("--skip-backfill")) await prisma.ticketMetric.deleteMany({ where: { shopId: shop.id } });
const backfillStarted = performance.now();
let refreshed = 0;
let afterId = "";
for (;;) {
  const result = await refreshTicketMetrics(prisma, shop.id, { limit: 2_000, mode: "full", afterId });
  refreshed += result.refreshed;
  if (!result.more || result.lastId === null) break;
  afterId = result.lastId;
}
const backfillSeconds = (performance.now() - backfillStarted) / 1000;
console.log(`[reports ${provider}] backfill: ${refreshed} tickets in ${backfillSeconds.toFixed(1)} s (${Math.round(refreshed / backfillSeconds)} tickets/s)`);

const now = new Date();
const periodOf = (days: number) => {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to, period: parseReportPeriod({ from, to }, shop.ianaTimezone, now) };
};

async function measure(name: string, run: () => Promise<unknown>) {
  for (let index = 0; index < WARMUP; index++) await run();
  const samples: number[] = [];
  for (let index = 0; index < ITERATIONS; index++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)]!;
  const p95 = at(95);
  console.log(`| ${name} | ${at(50).toFixed(0)} | ${p95.toFixed(0)} ${p95 <= TARGET_MS ? "" : "✗"} |`);
}

const ctx = { shopId: shop.id, provider, timeZone: shop.ianaTimezone, now } as const;
console.log(`\n| ${provider}: report (${ITERATIONS} requests) | p50 ms | p95 ms |\n| --- | ---: | ---: |`);
for (const days of [30, 90, 365]) {
  const { period } = periodOf(days);
  await measure(`support report, last ${days} days (model)`, () => loadSupportReport(prisma, { ...ctx, period }));
}
await measure("complaint analysis, monthly (model)", () => loadComplaintAnalysis(prisma, { shopId: shop.id, timeZone: shop.ianaTimezone, now, granularity: "month" }));
await measure("complaint analysis, weekly (model)", () => loadComplaintAnalysis(prisma, { shopId: shop.id, timeZone: shop.ianaTimezone, now, granularity: "week" }));
await measure("quality review sample, 30 days (model)", () => reviewSample(prisma, shop.id, periodOf(30).period));
await measure("complaint tickets export, 365 days (model)", () => complaintExportRows(prisma, shop.id, periodOf(365).period.from, periodOf(365).period.to));
for (const days of [30, 365]) {
  const { from, to } = periodOf(days);
  await measure(`reports page loader, last ${days} days`, async () => {
    const response = (await reportsLoader({ request: await adminRequest(REPORTS_SHOP_DOMAIN, `/app/reports?from=${from}&to=${to}`), params: {}, context: {} })) as Response;
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    await response.text();
  });
}
{
  const { from, to } = periodOf(365);
  await measure("CSV export loader, SLA by agent, 365 days", async () => {
    const response = (await exportLoader({ request: await adminRequest(REPORTS_SHOP_DOMAIN, `/app/reports/export?table=sla_by_agent&from=${from}&to=${to}`), params: {}, context: {} })) as Response;
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    await response.text();
  });
}
await prisma.$disconnect();

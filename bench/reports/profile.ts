// Where a report's time goes, piece by piece, on the seeded shop (after run.ts has backfilled it).
//   npx tsx bench/reports/profile.ts sqlite|postgresql [--days 365]
import { applyShopifyTestEnvironment } from "../test-shopify-env";
import { REPORTS_SHOP_DOMAIN, REPORTS_SQLITE_FILE, reportsPgUrl } from "./seed";

const provider = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
const daysFlag = process.argv.indexOf("--days");
const DAYS = daysFlag > 0 ? Number(process.argv[daysFlag + 1]) : 365;
applyShopifyTestEnvironment(provider === "sqlite" ? `file:${REPORTS_SQLITE_FILE}` : reportsPgUrl());
const { default: prisma } = await import("../../app/db.server");
const reports = await import("../../app/services/reports/report.server");
const { refreshTicketMetrics } = await import("../../app/services/reports/ticket-metrics.server");
const { parseReportPeriod, previousPeriod } = await import("../../app/services/reports/period");
const aggregates = await import("../../app/services/reports/metric-aggregates.server");
const { totalOf } = await import("../../app/domain/reports/summary");

const shop = await prisma.shop.findUniqueOrThrow({ where: { domain: REPORTS_SHOP_DOMAIN } });
const now = new Date();
const period = parseReportPeriod({ from: new Date(now.getTime() - (DAYS - 1) * 86_400_000).toISOString().slice(0, 10) }, shop.ianaTimezone, now);

async function time<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  let result: T | undefined;
  const samples: number[] = [];
  for (let index = 0; index < 5; index++) {
    const started = performance.now();
    result = await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(`${name}: median ${samples[2]!.toFixed(0)} ms`);
  return result!;
}

await time("incremental refresh (nothing stale)", () => refreshTicketMetrics(prisma, shop.id, { limit: 500, now, mode: "incremental" }));
await time("full refresh check (nothing stale)", () => refreshTicketMetrics(prisma, shop.id, { limit: 500, now, mode: "full" }));
const groups = await time(`metric groups, ${DAYS} days`, () => aggregates.metricGroups(prisma, provider, shop.id, period, now));
console.log(`  ${groups.length} groups, ${totalOf(groups).tickets} tickets`);
await time("metric groups, previous period", () => aggregates.metricGroups(prisma, provider, shop.id, previousPeriod(period, shop.ianaTimezone), now));
await time("distributions", () => aggregates.responseDistributions(prisma, provider, shop.id, period, totalOf(groups)));
await time("heatmap hours", () => aggregates.customerMessageHours(prisma, provider, shop.id, period));
await time("whole support report", () => reports.loadSupportReport(prisma, { shopId: shop.id, provider, timeZone: shop.ianaTimezone, period, now }));
await prisma.$disconnect();

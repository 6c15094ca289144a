// The report's aggregates computed by the database over the period's TicketMetric rows: one GROUP BY
// for every count (app/domain/reports/groups.ts defines each), exact nearest-rank percentiles with a
// window function, and the staffing heatmap from the stored customer-message hours. Reading 100,000
// facts rows into the app instead costs seconds (bench/RESULTS.md).
import type { PrismaClient } from "@prisma/client";
import type { DatabaseProvider } from "../../db/create-client.server";
import { FIRST_RESPONSE_WINDOWS } from "../../domain/reports/benchmarks";
import type { MetricGroup } from "../../domain/reports/groups";
import type { HourBucket } from "../../domain/reports/heatmap";
import type { Distribution } from "../../domain/reports/percentiles";
import type { ResponseDistributions } from "../../domain/reports/summary";
import type { ReportPeriod } from "./period";

const HOUR_MS = 3_600_000;

/** Positional parameters in each database's syntax; SQLite compares DateTime as Prisma's ISO text. */
class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly provider: DatabaseProvider) {}
  add(value: unknown): string {
    this.values.push(value instanceof Date && this.provider === "sqlite" ? value.toISOString().replace("Z", "+00:00") : value);
    return this.provider === "sqlite" ? "?" : `$${this.values.length}`;
  }
}

function periodFilter(params: SqlParams, shopId: string, period: ReportPeriod, alias = ""): string {
  const column = (name: string) => `${alias}"${name}"`;
  return `${column("shopId")} = ${params.add(shopId)} AND ${column("startedAt")} >= ${params.add(period.from)} AND ${column("startedAt")} < ${params.add(period.to)}`;
}

const count = (condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

export async function metricGroups(db: PrismaClient, provider: DatabaseProvider, shopId: string, period: ReportPeriod, now: Date): Promise<MetricGroup[]> {
  // SQLite's "?" parameters bind in text order: the SELECT list's come before the WHERE's.
  const params = new SqlParams(provider);
  const windows = FIRST_RESPONSE_WINDOWS.map((window) => ({
    window,
    within: count(`"firstResponseMinutes" <= ${window}`),
    waiting: count(`"firstResponseMinutes" IS NULL AND NOT "handledByAutomation" AND "startedAt" < ${params.add(new Date(now.getTime() - window * 60_000))}`),
  }));
  const where = periodFilter(params, shopId, period);
  const jsonLength = provider === "sqlite" ? "json_array_length" : "jsonb_array_length";
  const sql = `SELECT priority, category, channel, "agentId",
      COUNT(*) AS tickets,
      ${count('"resolved"')} AS resolved,
      ${count('"resolved" AND "firstContactResolution"')} AS fcr,
      ${count('"reopened"')} AS reopened,
      ${count('"resolved" AND "handledByAutomation"')} AS automation,
      ${count('"slaApplied"')} AS "slaTickets",
      ${count('"slaApplied" AND NOT "breachedFirstResponse" AND NOT "breachedNextResponse" AND NOT "breachedResolution"')} AS "slaMet",
      ${count('"slaApplied" AND "breachedFirstResponse"')} AS "breachFirst",
      ${count('"slaApplied" AND "breachedNextResponse"')} AS "breachNext",
      ${count('"slaApplied" AND "breachedResolution"')} AS "breachResolution",
      ${count('"csatScore" IS NOT NULL')} AS "csatRated",
      ${count('"csatScore" >= 4')} AS "csatSatisfied",
      ${count('"firstResponseMinutes" IS NOT NULL')} AS answered,
      ${windows.map((entry) => `${entry.within} AS "within${entry.window}", ${entry.waiting} AS "waiting${entry.window}"`).join(",\n      ")},
      ${count('"resolutionMinutes" IS NOT NULL')} AS resolutions,
      COALESCE(SUM(${jsonLength}("nextResponseMinutes")), 0) AS "nextResponses"
    FROM "TicketMetric" WHERE ${where}
    GROUP BY priority, category, channel, "agentId"`;
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params.values);
  const number = (value: unknown) => Number(value ?? 0);
  return rows.map((row) => ({
    priority: String(row.priority),
    category: String(row.category),
    channel: String(row.channel),
    agentId: (row.agentId as string | null) ?? null,
    tickets: number(row.tickets),
    resolved: number(row.resolved),
    fcr: number(row.fcr),
    reopened: number(row.reopened),
    automation: number(row.automation),
    slaTickets: number(row.slaTickets),
    slaMet: number(row.slaMet),
    breachFirst: number(row.breachFirst),
    breachNext: number(row.breachNext),
    breachResolution: number(row.breachResolution),
    csatRated: number(row.csatRated),
    csatSatisfied: number(row.csatSatisfied),
    answered: number(row.answered),
    within: { 15: number(row.within15), 60: number(row.within60), 1440: number(row.within1440) },
    waitingOver: { 15: number(row.waiting15), 60: number(row.waiting60), 1440: number(row.waiting1440) },
    resolutions: number(row.resolutions),
    nextResponses: number(row.nextResponses),
  }));
}

type DistributionSource = "first" | "next" | "resolution";

const DISTRIBUTION_SOURCES: Record<DistributionSource, { table: string; column: string }> = {
  first: { table: "TicketMetric", column: "firstResponseMinutes" },
  resolution: { table: "TicketMetric", column: "resolutionMinutes" },
  next: { table: "TicketNextResponse", column: "minutes" },
};

/** Up to this many days the period's values are few enough to sort; beyond, walking the value index wins. */
const SORT_UP_TO_DAYS = 120;

/** The values at the given ranks, by sorting the period's values (found through the startedAt index). */
async function valuesAtRanksBySort(db: PrismaClient, provider: DatabaseProvider, shopId: string, period: ReportPeriod, source: DistributionSource, ranks: number[]) {
  const params = new SqlParams(provider);
  let values: string;
  if (source === "next") {
    const where = periodFilter(params, shopId, period, "m.");
    values =
      provider === "sqlite"
        ? `SELECT CAST(j.value AS REAL) AS v FROM "TicketMetric" m, json_each(m."nextResponseMinutes") j WHERE ${where}`
        : `SELECT j.value::float AS v FROM "TicketMetric" m, jsonb_array_elements_text(m."nextResponseMinutes") AS j(value) WHERE ${where}`;
  } else {
    const { column } = DISTRIBUTION_SOURCES[source];
    values = `SELECT "${column}" AS v FROM "TicketMetric" WHERE ${periodFilter(params, shopId, period)} AND "${column}" IS NOT NULL`;
  }
  const sql = `SELECT v, rn FROM (SELECT v, ROW_NUMBER() OVER (ORDER BY v) AS rn FROM (${values}) AS source) AS ranked WHERE rn IN (${ranks.map((rank) => params.add(rank)).join(", ")})`;
  const rows = await db.$queryRawUnsafe<{ v: unknown; rn: unknown }[]>(sql, ...params.values);
  return ranks.map((rank) => {
    const row = rows.find((entry) => Number(entry.rn) === rank);
    return row ? Number(row.v) : null;
  });
}

/** The value at a rank by walking the (shopId, value, startedAt) index in value order, keeping the period's entries. */
async function valueAtRankByIndex(db: PrismaClient, provider: DatabaseProvider, shopId: string, period: ReportPeriod, source: DistributionSource, rank: number) {
  const { table, column } = DISTRIBUTION_SOURCES[source];
  const params = new SqlParams(provider);
  const sql = `SELECT "${column}" AS v FROM "${table}" WHERE ${periodFilter(params, shopId, period)} AND "${column}" IS NOT NULL ORDER BY "${column}" LIMIT 1 OFFSET ${params.add(rank - 1)}`;
  const rows = await db.$queryRawUnsafe<{ v: unknown }[]>(sql, ...params.values);
  return rows[0] ? Number(rows[0].v) : null;
}

/** The nearest-rank median and 90th percentile of the period's values. */
async function nearestRankDistribution(db: PrismaClient, provider: DatabaseProvider, shopId: string, period: ReportPeriod, source: DistributionSource, count: number): Promise<Distribution> {
  if (count === 0) return { count: 0, median: null, p90: null };
  const ranks = [Math.max(1, Math.ceil(0.5 * count)), Math.max(1, Math.ceil(0.9 * count))];
  const [median, p90] =
    period.days <= SORT_UP_TO_DAYS
      ? await valuesAtRanksBySort(db, provider, shopId, period, source, ranks)
      : [await valueAtRankByIndex(db, provider, shopId, period, source, ranks[0]!), await valueAtRankByIndex(db, provider, shopId, period, source, ranks[1]!)];
  return { count, median: median ?? null, p90: p90 ?? null };
}

export async function responseDistributions(
  db: PrismaClient,
  provider: DatabaseProvider,
  shopId: string,
  period: ReportPeriod,
  total: Pick<MetricGroup, "answered" | "nextResponses" | "resolutions">,
): Promise<ResponseDistributions> {
  const [firstResponse, nextResponse, resolution] = await Promise.all([
    nearestRankDistribution(db, provider, shopId, period, "first", total.answered),
    nearestRankDistribution(db, provider, shopId, period, "next", total.nextResponses),
    nearestRankDistribution(db, provider, shopId, period, "resolution", total.resolutions),
  ]);
  return { firstResponse, nextResponse, resolution };
}

/** Customer messages of the period's conversations per UTC hour (from TicketMetric.customerHours). */
export async function customerMessageHours(db: PrismaClient, provider: DatabaseProvider, shopId: string, period: ReportPeriod): Promise<HourBucket[]> {
  const params = new SqlParams(provider);
  const where = periodFilter(params, shopId, period, "m.");
  const sql =
    provider === "sqlite"
      ? `SELECT j.value AS hour, COUNT(*) AS n FROM "TicketMetric" m, json_each(m."customerHours") j WHERE ${where} GROUP BY j.value`
      : `SELECT j.value::bigint AS hour, COUNT(*) AS n FROM "TicketMetric" m, jsonb_array_elements_text(m."customerHours") AS j(value) WHERE ${where} GROUP BY 1`;
  const rows = await db.$queryRawUnsafe<{ hour: unknown; n: unknown }[]>(sql, ...params.values);
  return rows.map((row) => ({ hourStart: new Date(Number(row.hour) * HOUR_MS), count: Number(row.n) }));
}

// The support report of a shop for a period: response times, first-response windows against the
// e-commerce benchmarks, SLA attainment by dimension, FCR, reopen and automation shares, backlog and
// ageing, the staffing heatmap and customer feedback; each compared with the previous period.
import type { PrismaClient } from "@prisma/client";
import type { DatabaseProvider } from "../../db/create-client.server";
import { FIRST_RESPONSE_BENCHMARKS } from "../../domain/reports/benchmarks";
import { heatmapFromHourBuckets, peakCells, type Heatmap } from "../../domain/reports/heatmap";
import { share } from "../../domain/reports/percentiles";
import { slaAttainmentBy, summarise, type MetricRow, type ReportSummary, type SlaAttainment } from "../../domain/reports/summary";
import { ACTIVE_STATUSES } from "../../domain/ticket-fields";
import { previousPeriod, type ReportPeriod } from "./period";
import { refreshTicketMetrics } from "./ticket-metrics.server";

export interface BacklogBucket {
  key: "under_1h" | "1h_4h" | "4h_24h" | "1d_3d" | "3d_7d" | "over_7d";
  count: number;
}

export interface FeedbackSummary {
  csat: { rated: number; satisfied: number; score: number | null; surveysSent: number; responseRate: number | null };
  csatByAgent: { key: string; rated: number; score: number | null }[];
  csatByCategory: { key: string; rated: number; score: number | null }[];
  nps: { responses: number; promoters: number; detractors: number; score: number | null };
  quality: { reviews: number; averageScore: number | null };
}

export interface SupportReport {
  period: ReportPeriod;
  previous: ReportPeriod;
  summary: ReportSummary;
  previousSummary: ReportSummary;
  benchmarks: typeof FIRST_RESPONSE_BENCHMARKS;
  slaBy: Record<"priority" | "category" | "channel" | "agent", SlaAttainment[]>;
  backlog: { open: number; buckets: BacklogBucket[] };
  heatmap: Heatmap;
  peaks: { weekday: number; hour: number; count: number }[];
  feedback: FeedbackSummary;
  agents: Record<string, string>;
  /** Stale tickets remained after the on-request refresh: a background job completes them. */
  metricsPending: boolean;
}

const HOUR_MS = 3_600_000;
const ON_REQUEST_REFRESH_LIMIT = 500;
const BACKLOG_EDGES: { key: BacklogBucket["key"]; maxHours: number }[] = [
  { key: "under_1h", maxHours: 1 },
  { key: "1h_4h", maxHours: 4 },
  { key: "4h_24h", maxHours: 24 },
  { key: "1d_3d", maxHours: 72 },
  { key: "3d_7d", maxHours: 168 },
  { key: "over_7d", maxHours: Infinity },
];

export async function metricRows(db: PrismaClient, shopId: string, period: ReportPeriod): Promise<MetricRow[]> {
  const rows = await db.ticketMetric.findMany({
    where: { shopId, startedAt: { gte: period.from, lt: period.to } },
    select: {
      ticketId: true, startedAt: true, channel: true, category: true, priority: true, severity: true, agentId: true,
      firstResponseMinutes: true, nextResponseMinutes: true, resolutionMinutes: true, resolved: true, reopened: true,
      firstContactResolution: true, handledByAutomation: true, slaApplied: true, breachedFirstResponse: true,
      breachedNextResponse: true, breachedResolution: true, csatScore: true,
    },
  });
  return rows.map((row) => ({ ...row, nextResponseMinutes: Array.isArray(row.nextResponseMinutes) ? (row.nextResponseMinutes as number[]) : [] }));
}

async function backlog(db: PrismaClient, shopId: string, now: Date): Promise<SupportReport["backlog"]> {
  const where = { shopId, status: { in: [...ACTIVE_STATUSES] }, mergedIntoId: null };
  let newerThan: Date | null = null;
  const buckets: BacklogBucket[] = [];
  for (const edge of BACKLOG_EDGES) {
    const olderThan = Number.isFinite(edge.maxHours) ? new Date(now.getTime() - edge.maxHours * HOUR_MS) : null;
    const count = await db.ticket.count({
      where: { ...where, createdAt: { ...(olderThan ? { gt: olderThan } : {}), ...(newerThan ? { lte: newerThan } : {}) } },
    });
    buckets.push({ key: edge.key, count });
    newerThan = olderThan;
  }
  return { open: buckets.reduce((sum, bucket) => sum + bucket.count, 0), buckets };
}

/** Customer messages per UTC hour; SQLite keeps DateTime as ISO text, PostgreSQL as a timestamp. */
async function customerMessagesByHour(db: PrismaClient, provider: DatabaseProvider, shopId: string, period: ReportPeriod) {
  if (provider === "sqlite") {
    // Prisma stores SQLite DateTime as "YYYY-MM-DDTHH:MM:SS.mmm+00:00": compare with the same text.
    const sqliteTime = (date: Date) => date.toISOString().replace("Z", "+00:00");
    const rows = await db.$queryRaw<{ hour: string; count: bigint | number }[]>`
      SELECT substr("createdAt", 1, 13) AS hour, COUNT(*) AS count FROM "Message"
      WHERE "shopId" = ${shopId} AND "createdAt" >= ${sqliteTime(period.from)} AND "createdAt" < ${sqliteTime(period.to)} AND direction = 'inbound'
      GROUP BY hour`;
    return rows.map((row) => ({ hourStart: new Date(`${row.hour}:00:00Z`), count: Number(row.count) }));
  }
  const rows = await db.$queryRaw<{ hour: Date; count: bigint | number }[]>`
    SELECT date_trunc('hour', "createdAt") AS hour, COUNT(*) AS count FROM "Message"
    WHERE "shopId" = ${shopId} AND "createdAt" >= ${period.from} AND "createdAt" < ${period.to} AND direction = 'inbound'
    GROUP BY 1`;
  return rows.map((row) => ({ hourStart: new Date(row.hour), count: Number(row.count) }));
}

function csatGroups(rows: readonly MetricRow[], keyOf: (row: MetricRow) => string | null) {
  const groups = new Map<string, { rated: number; satisfied: number }>();
  for (const row of rows) {
    const score = row.csatScore;
    if (score == null) continue;
    const key = keyOf(row) ?? "unassigned";
    const group = groups.get(key) ?? { rated: 0, satisfied: 0 };
    group.rated += 1;
    if (score >= 4) group.satisfied += 1;
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, group]) => ({ key, rated: group.rated, score: share(group.satisfied, group.rated) })).sort((a, b) => b.rated - a.rated);
}

async function feedback(db: PrismaClient, shopId: string, period: ReportPeriod, rows: readonly MetricRow[]): Promise<FeedbackSummary> {
  const inPeriod = { gte: period.from, lt: period.to };
  const [surveysSent, npsScores, reviews] = await Promise.all([
    db.surveyResponse.count({ where: { shopId, kind: "csat", sentAt: inPeriod } }),
    db.surveyResponse.findMany({ where: { shopId, kind: "nps", respondedAt: inPeriod, score: { not: null } }, select: { score: true } }),
    db.qualityReview.aggregate({ where: { shopId, createdAt: inPeriod }, _count: true, _avg: { totalScore: true } }),
  ]);
  const rated = rows.filter((row) => row.csatScore != null);
  const satisfied = rated.filter((row) => (row.csatScore ?? 0) >= 4).length;
  const promoters = npsScores.filter((row) => (row.score ?? 0) >= 9).length;
  const detractors = npsScores.filter((row) => (row.score ?? 0) <= 6).length;
  return {
    csat: { rated: rated.length, satisfied, score: share(satisfied, rated.length), surveysSent, responseRate: share(rated.length, Math.max(surveysSent, rated.length)) },
    csatByAgent: csatGroups(rows, (row) => row.agentId),
    csatByCategory: csatGroups(rows, (row) => row.category),
    nps: {
      responses: npsScores.length,
      promoters,
      detractors,
      score: npsScores.length ? Math.round(((promoters - detractors) / npsScores.length) * 100) : null,
    },
    quality: { reviews: reviews._count, averageScore: reviews._avg.totalScore ?? null },
  };
}

export async function loadSupportReport(
  db: PrismaClient,
  input: { shopId: string; provider: DatabaseProvider; timeZone: string; period: ReportPeriod; now: Date },
): Promise<SupportReport> {
  const { shopId, period, now } = input;
  // Recent changes show up at once; the periodic job keeps the rest current.
  const refresh = await refreshTicketMetrics(db, shopId, { limit: ON_REQUEST_REFRESH_LIMIT, now });
  const previous = previousPeriod(period, input.timeZone);
  const [rows, previousRows, backlogNow, hourBuckets, agents] = await Promise.all([
    metricRows(db, shopId, period),
    metricRows(db, shopId, previous),
    backlog(db, shopId, now),
    customerMessagesByHour(db, input.provider, shopId, period),
    db.agent.findMany({ where: { shopId }, select: { id: true, name: true } }),
  ]);
  const heatmap = heatmapFromHourBuckets(hourBuckets, input.timeZone);
  return {
    period,
    previous,
    summary: summarise(rows, now),
    previousSummary: summarise(previousRows, now),
    benchmarks: FIRST_RESPONSE_BENCHMARKS,
    slaBy: {
      priority: slaAttainmentBy("priority", rows),
      category: slaAttainmentBy("category", rows),
      channel: slaAttainmentBy("channel", rows),
      agent: slaAttainmentBy("agent", rows),
    },
    backlog: backlogNow,
    heatmap,
    peaks: peakCells(heatmap),
    feedback: await feedback(db, shopId, period, rows),
    agents: Object.fromEntries(agents.map((agent) => [agent.id, agent.name])),
    metricsPending: refresh.more,
  };
}

// The support report of a shop for a period: response times, first-response windows against the
// e-commerce benchmarks, SLA attainment by dimension, FCR, reopen and automation shares, backlog and
// ageing, the staffing heatmap and customer feedback; each compared with the previous period.
import type { PrismaClient } from "@prisma/client";
import type { DatabaseProvider } from "../../db/create-client.server";
import { FIRST_RESPONSE_BENCHMARKS } from "../../domain/reports/benchmarks";
import { heatmapFromHourBuckets, peakCells, type Heatmap } from "../../domain/reports/heatmap";
import { csatByGroups, slaAttainmentByGroups, summaryFromGroups, totalOf, type MetricGroup, type ReportSummary, type SlaAttainment } from "../../domain/reports/summary";
import { share } from "../../domain/reports/percentiles";
import { ACTIVE_STATUSES } from "../../domain/ticket-fields";
import { previousPeriod, type ReportPeriod } from "./period";
import { customerMessageHours, metricGroups, responseDistributions } from "./metric-aggregates.server";
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

async function feedback(db: PrismaClient, shopId: string, period: ReportPeriod, groups: readonly MetricGroup[]): Promise<FeedbackSummary> {
  const inPeriod = { gte: period.from, lt: period.to };
  const [surveysSent, npsScores, reviews] = await Promise.all([
    db.surveyResponse.count({ where: { shopId, kind: "csat", sentAt: inPeriod } }),
    db.surveyResponse.findMany({ where: { shopId, kind: "nps", respondedAt: inPeriod, score: { not: null } }, select: { score: true } }),
    db.qualityReview.aggregate({ where: { shopId, createdAt: inPeriod }, _count: true, _avg: { totalScore: true } }),
  ]);
  const { csatRated: rated, csatSatisfied: satisfied } = totalOf(groups);
  const promoters = npsScores.filter((row) => (row.score ?? 0) >= 9).length;
  const detractors = npsScores.filter((row) => (row.score ?? 0) <= 6).length;
  return {
    csat: { rated, satisfied, score: share(satisfied, rated), surveysSent, responseRate: share(rated, Math.max(surveysSent, rated)) },
    csatByAgent: csatByGroups("agent", groups),
    csatByCategory: csatByGroups("category", groups),
    nps: {
      responses: npsScores.length,
      promoters,
      detractors,
      score: npsScores.length ? Math.round(((promoters - detractors) / npsScores.length) * 100) : null,
    },
    quality: { reviews: reviews._count, averageScore: reviews._avg.totalScore ?? null },
  };
}

async function periodSummary(db: PrismaClient, provider: DatabaseProvider, shopId: string, period: ReportPeriod, now: Date) {
  const groups = await metricGroups(db, provider, shopId, period, now);
  const distributions = await responseDistributions(db, provider, shopId, period, totalOf(groups));
  return { groups, summary: summaryFromGroups(groups, distributions) };
}

export async function loadSupportReport(
  db: PrismaClient,
  input: { shopId: string; provider: DatabaseProvider; timeZone: string; period: ReportPeriod; now: Date },
): Promise<SupportReport> {
  const { shopId, provider, period, now } = input;
  // What changed since the last refresh shows up at once; the background job keeps the rest current.
  const refresh = await refreshTicketMetrics(db, shopId, { limit: ON_REQUEST_REFRESH_LIMIT, now, mode: "incremental" });
  const previous = previousPeriod(period, input.timeZone);
  const [current, before, backlogNow, hourBuckets, agents] = await Promise.all([
    periodSummary(db, provider, shopId, period, now),
    periodSummary(db, provider, shopId, previous, now),
    backlog(db, shopId, now),
    customerMessageHours(db, provider, shopId, period),
    db.agent.findMany({ where: { shopId }, select: { id: true, name: true } }),
  ]);
  const heatmap = heatmapFromHourBuckets(hourBuckets, input.timeZone);
  return {
    period,
    previous,
    summary: current.summary,
    previousSummary: before.summary,
    benchmarks: FIRST_RESPONSE_BENCHMARKS,
    slaBy: {
      priority: slaAttainmentByGroups("priority", current.groups),
      category: slaAttainmentByGroups("category", current.groups),
      channel: slaAttainmentByGroups("channel", current.groups),
      agent: slaAttainmentByGroups("agent", current.groups),
    },
    backlog: backlogNow,
    heatmap,
    peaks: peakCells(heatmap),
    feedback: await feedback(db, shopId, period, current.groups),
    agents: Object.fromEntries(agents.map((agent) => [agent.id, agent.name])),
    metricsPending: refresh.more,
  };
}

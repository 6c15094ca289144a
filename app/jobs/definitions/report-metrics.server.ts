// reports.refresh-metrics: checks every ticket of a shop and recomputes stale TicketMetric rows in the
// background (a large shop's first report, an import, anything the page's incremental refresh missed).
// Idempotent: it only recomputes stale tickets, in chunks, for up to a time budget, then hands the rest
// to a follow-up job.
import { z } from "zod";
import { refreshTicketMetrics } from "../../services/reports/ticket-metrics.server";
import { getJobQueue } from "../queue.server";
import { defineJob, enqueueJob } from "../registry";
import type { EnqueueResult, JobQueue } from "../types";

export const REPORT_METRICS_JOB = "reports.refresh-metrics";
const CHUNK = 2_000;
const BUDGET_MS = 20_000;
/** A report view asks for at most one full check per shop in this interval. */
const CHECK_INTERVAL_MS = 10 * 60_000;

const payload = z.object({ shopId: z.string().min(1) });

export function createReportMetricsJob(deps: { queue?: () => JobQueue } = {}) {
  return defineJob(REPORT_METRICS_JOB, payload, async ({ shopId }, { db, now, log }) => {
    const started = Date.now();
    let refreshed = 0;
    let afterId = "";
    for (;;) {
      const result = await refreshTicketMetrics(db, shopId, { limit: CHUNK, now, log, mode: "full", afterId });
      refreshed += result.refreshed;
      if (!result.more || result.lastId === null) break;
      afterId = result.lastId;
      if (Date.now() - started > BUDGET_MS) {
        await enqueueJob((deps.queue ?? getJobQueue)(), reportMetricsJob, { shopId }, { shopId, dedupeKey: `${REPORT_METRICS_JOB}:${shopId}:continue:${now.toISOString()}` });
        break;
      }
    }
    log.info({ shopId, refreshed }, "report metrics refreshed");
  });
}

export const reportMetricsJob = createReportMetricsJob();

/** One full check per shop per interval, whoever asks. */
export function scheduleReportMetricsRefresh(queue: JobQueue, shopId: string, now: Date): Promise<EnqueueResult> {
  const bucket = Math.floor(now.getTime() / CHECK_INTERVAL_MS);
  return enqueueJob(queue, reportMetricsJob, { shopId }, { shopId, dedupeKey: `${REPORT_METRICS_JOB}:${shopId}:${bucket}` });
}

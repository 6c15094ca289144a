// reports.refresh-metrics: brings a shop's TicketMetric rows up to date in the background (a large
// shop's first report, or after a bulk import). Idempotent: it only recomputes stale tickets, in
// chunks, for up to a time budget; what is left is picked up by the next run.
import { z } from "zod";
import { refreshTicketMetrics } from "../../services/reports/ticket-metrics.server";
import { defineJob, enqueueJob } from "../registry";
import type { EnqueueResult, JobQueue } from "../types";

export const REPORT_METRICS_JOB = "reports.refresh-metrics";
const CHUNK = 2_000;
const BUDGET_MS = 20_000;

const payload = z.object({ shopId: z.string().min(1) });

export const reportMetricsJob = defineJob(REPORT_METRICS_JOB, payload, async ({ shopId }, { db, now, log }) => {
  const started = Date.now();
  let refreshed = 0;
  for (;;) {
    const result = await refreshTicketMetrics(db, shopId, { limit: CHUNK, now, log });
    refreshed += result.refreshed;
    if (!result.more || Date.now() - started > BUDGET_MS) break;
  }
  log.info({ shopId, refreshed }, "report metrics refreshed");
});

/** One waiting refresh per shop per minute, whoever asks. */
export function scheduleReportMetricsRefresh(queue: JobQueue, shopId: string, now: Date): Promise<EnqueueResult> {
  const minute = Math.floor(now.getTime() / 60_000);
  return enqueueJob(queue, reportMetricsJob, { shopId }, { shopId, dedupeKey: `${REPORT_METRICS_JOB}:${shopId}:${minute}` });
}

// The embedded default: the app process runs the job worker and the SLA sweep scheduler itself.
// Called once from the server entry; module reloads in development must not start a second worker.
import prisma from "../../db.server";
import { env } from "../../env.server";
import { createJobWorker } from "../create.server";
import { allJobHandlers } from "../definitions/index.server";
import { createJobLogger } from "../logger.server";
import { getJobQueue } from "../queue.server";
import { startSlaSweepScheduler, type Scheduler } from "../scheduler.server";
import type { JobWorker } from "../types";

declare global {
  var shopdeskEmbeddedJobs: { worker: JobWorker; scheduler: Scheduler } | undefined;
}

/**
 * Starts the in-process worker when JOB_RUNNER=embedded, unless APP_RUNS_JOBS=false (then, as with
 * bullmq, `npm run worker` processes run the jobs). Not in tests: they start their own workers. Returns whether a worker runs in this process.
 */
export function startEmbeddedWorkerOnce(): boolean {
  if (env.JOB_RUNNER !== "embedded" || env.APP_RUNS_JOBS === "false" || env.NODE_ENV === "test") return false;
  if (globalThis.shopdeskEmbeddedJobs) return true;
  const log = createJobLogger(env.LOG_LEVEL);
  const worker = createJobWorker(env, allJobHandlers(), { db: prisma, log });
  worker.start();
  const scheduler = startSlaSweepScheduler({ db: prisma, queue: getJobQueue(), log });
  globalThis.shopdeskEmbeddedJobs = { worker, scheduler };
  return true;
}

/** For a graceful shutdown of the app process: finishes running jobs (their leases expire otherwise). */
export async function stopEmbeddedWorker(): Promise<void> {
  const running = globalThis.shopdeskEmbeddedJobs;
  globalThis.shopdeskEmbeddedJobs = undefined;
  await running?.scheduler.stop();
  await running?.worker.stop();
}

// Picks the runner from the environment: embedded (the app's database) or BullMQ (Redis).
import type { PrismaClient } from "@prisma/client";
import { databaseProvider } from "../db/create-client.server";
import type { Env } from "../env.server";
import { BullmqJobQueue } from "./bullmq/queue.server";
import { BullmqJobWorker, type BullmqWorkerOptions } from "./bullmq/worker.server";
import { EmbeddedJobQueue } from "./embedded/queue.server";
import { EmbeddedJobWorker, type EmbeddedWorkerOptions } from "./embedded/worker.server";
import type { JobHandlers } from "./registry";
import type { JobLogger, JobQueue, JobWorker } from "./types";

export type JobRunnerEnv = Pick<Env, "JOB_RUNNER" | "DATABASE_URL" | "REDIS_URL">;

export interface JobRunnerDeps {
  db: PrismaClient;
  now?: () => Date;
  log?: JobLogger;
  /** BullMQ queue name and key prefix (tests use a prefix per run). */
  bullmq?: { queueName?: string; prefix?: string };
}

function redisUrlOf(env: JobRunnerEnv): string {
  if (!env.REDIS_URL) throw new Error("REDIS_URL is required when JOB_RUNNER=bullmq");
  return env.REDIS_URL;
}

export function createJobQueue(env: JobRunnerEnv, deps: JobRunnerDeps): JobQueue {
  if (env.JOB_RUNNER === "bullmq") return new BullmqJobQueue({ redisUrl: redisUrlOf(env), ...deps.bullmq }, deps.now);
  return new EmbeddedJobQueue(deps.db, deps.now);
}

export type JobWorkerTuning = Partial<
  Pick<EmbeddedWorkerOptions, "concurrency" | "pollIntervalMs" | "leaseMs" | "backoff" | "shutdownTimeoutMs" | "workerId"> &
    Pick<BullmqWorkerOptions, "lockDurationMs" | "stalledIntervalMs" | "maxStalledCount">
>;

export function createJobWorker(env: JobRunnerEnv, handlers: JobHandlers, deps: JobRunnerDeps & { tuning?: JobWorkerTuning }): JobWorker {
  const { db, now, log, tuning = {} } = deps;
  if (env.JOB_RUNNER === "bullmq") {
    const { lockDurationMs, stalledIntervalMs, maxStalledCount, concurrency, backoff } = tuning;
    return new BullmqJobWorker({
      redisUrl: redisUrlOf(env),
      ...deps.bullmq,
      db,
      handlers,
      now,
      log,
      ...definedOnly({ lockDurationMs, stalledIntervalMs, maxStalledCount, concurrency, backoff }),
    });
  }
  const { concurrency, pollIntervalMs, leaseMs, backoff, shutdownTimeoutMs, workerId } = tuning;
  return new EmbeddedJobWorker({
    db,
    provider: databaseProvider(env.DATABASE_URL),
    handlers,
    ...definedOnly({ now, log, concurrency, pollIntervalMs, leaseMs, backoff, shutdownTimeoutMs, workerId }),
  });
}

/** Spreading `{ x: undefined }` would override a default: drop undefined values. */
function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

// Both runners behind one harness: the same tests run on the embedded runner (the test database,
// SQLite or PostgreSQL) and on BullMQ (local Redis, a key prefix per run).
import type { PrismaClient } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { BullmqJobQueue } from "../../../app/jobs/bullmq/queue.server";
import { createJobQueue, createJobWorker, type JobWorkerTuning } from "../../../app/jobs/create.server";
import type { JobHandlers } from "../../../app/jobs/registry";
import { silentLogger, type JobLogger, type JobQueue, type JobWorker } from "../../../app/jobs/types";

export type RunnerKind = "embedded" | "bullmq";
export type UniformJobState = "queued" | "running" | "done" | "dead" | "missing";

export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Fast settings for tests: short leases and locks so a killed worker's job comes back within seconds. */
export const FAST_TUNING: JobWorkerTuning = {
  pollIntervalMs: 50,
  leaseMs: 1_000,
  lockDurationMs: 1_000,
  stalledIntervalMs: 500,
  backoff: { baseDelayMs: 150, maxDelayMs: 5_000 },
  shutdownTimeoutMs: 5_000,
};

// JOB_TEST_LOG=1 shows the workers' logs (console.warn: console.error would fail the test).
const testLogger: JobLogger = process.env.JOB_TEST_LOG
  ? { debug: () => {}, info: () => {}, warn: (f, m) => console.warn(m, f), error: (f, m) => console.warn("ERROR", m, f) }
  : silentLogger;

export interface RunnerHarness {
  kind: RunnerKind;
  env: { JOB_RUNNER: RunnerKind; DATABASE_URL: string; REDIS_URL: string };
  prefix: string;
  queue: JobQueue;
  startWorker(handlers: JobHandlers, options?: { db?: PrismaClient; tuning?: JobWorkerTuning }): JobWorker;
  state(id: string): Promise<UniformJobState>;
  attempts(id: string): Promise<number>;
  close(): Promise<void>;
}

export function createHarness(kind: RunnerKind, db: PrismaClient): RunnerHarness {
  const prefix = `shopdesk-test-${randomUUID().slice(0, 8)}`;
  const env = { JOB_RUNNER: kind, DATABASE_URL: process.env.DATABASE_URL!, REDIS_URL };
  const queue = createJobQueue(env, { db, bullmq: { prefix } });
  const workers: JobWorker[] = [];
  return {
    kind,
    env,
    prefix,
    queue,
    startWorker(handlers, options = {}) {
      const worker = createJobWorker(env, handlers, { db: options.db ?? db, bullmq: { prefix }, log: testLogger, tuning: { ...FAST_TUNING, ...options.tuning } });
      worker.start();
      workers.push(worker);
      return worker;
    },
    async state(id) {
      if (queue instanceof BullmqJobQueue) {
        const job = await queue.queue.getJob(id);
        if (!job) return "missing";
        const state = await job.getState();
        if (state === "completed") return "done";
        if (state === "failed") return "dead";
        if (state === "active") return "running";
        return "queued";
      }
      const row = await db.job.findUnique({ where: { id } });
      if (!row) return "missing";
      return row.status === "failed" ? "queued" : (row.status as UniformJobState);
    },
    async attempts(id) {
      if (queue instanceof BullmqJobQueue) return (await queue.queue.getJob(id))?.attemptsStarted ?? 0;
      return (await db.job.findUnique({ where: { id } }))?.attempts ?? 0;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.stop()));
      if (queue instanceof BullmqJobQueue) await queue.queue.obliterate({ force: true });
      await queue.close();
    },
  };
}

export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function uniqueJobName(label: string): string {
  // Workers claim only the names they handle: a name per test keeps tests in one database apart.
  return `test.${label}.${randomUUID().slice(0, 8)}`;
}

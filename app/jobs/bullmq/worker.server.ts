// The BullMQ worker: the same definitions as the embedded runner. A killed worker's job keeps its lock
// until lockDuration passes; another worker's stalled-job check then puts it back, and it runs again
// (handlers are idempotent). BullMQ completes a job only with the lock token of its current holder.
import type { PrismaClient } from "@prisma/client";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffOptions } from "../backoff";
import { errorMessage, PermanentJobError, type JobHandlers } from "../registry";
import { silentLogger, type JobLogger, type JobWorker } from "../types";
import { createRedisConnection, DEFAULT_PREFIX, DEFAULT_QUEUE_NAME, type BullmqJobData, type BullmqSettings } from "./connection.server";

export interface BullmqWorkerOptions extends BullmqSettings {
  db: PrismaClient;
  handlers: JobHandlers;
  concurrency?: number;
  /** A job's lock; renewed every half of it while the handler runs. A killed worker's job waits this long. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired. */
  stalledIntervalMs?: number;
  /** Times a job may lose its worker before it fails for good. */
  maxStalledCount?: number;
  backoff?: BackoffOptions;
  now?: () => Date;
  log?: JobLogger;
}

export const BULLMQ_WORKER_DEFAULTS = { concurrency: 8, lockDurationMs: 30_000, stalledIntervalMs: 15_000, maxStalledCount: 2 };

export class BullmqJobWorker implements JobWorker {
  private worker: Worker<BullmqJobData> | null = null;
  private connection: ReturnType<typeof createRedisConnection> | null = null;

  constructor(private readonly options: BullmqWorkerOptions) {}

  start(): void {
    if (this.worker) return;
    const settings = { ...BULLMQ_WORKER_DEFAULTS, ...this.options };
    const log = settings.log ?? silentLogger;
    const backoff = settings.backoff ?? DEFAULT_BACKOFF;
    this.connection = createRedisConnection(settings.redisUrl);
    this.worker = new Worker<BullmqJobData>(settings.queueName ?? DEFAULT_QUEUE_NAME, (job) => this.process(job, log), {
      connection: this.connection,
      prefix: settings.prefix ?? DEFAULT_PREFIX,
      concurrency: settings.concurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: settings.maxStalledCount,
      settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade, backoff) },
    });
    this.worker.on("failed", (job, error) => {
      log.warn({ jobId: job?.id, name: job?.name, attempt: job?.attemptsMade, error: errorMessage(error) }, "job failed");
    });
    // Without a listener an 'error' event would crash the process; Redis outages are retried by ioredis.
    this.worker.on("error", (error) => log.error({ error: errorMessage(error) }, "job worker error"));
  }

  private async process(job: Job<BullmqJobData>, log: JobLogger): Promise<void> {
    const definition = this.options.handlers.get(job.name);
    // Unknown names are retried, not dropped: during a rolling deploy a newer worker may know them.
    if (!definition) throw new Error(`no handler for ${job.name}`);
    const now = this.options.now?.() ?? new Date();
    try {
      await definition.run(job.data.payload, { db: this.options.db, now, jobId: job.id!, attempt: job.attemptsMade + 1, log });
    } catch (error) {
      if (error instanceof PermanentJobError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  async stop(): Promise<void> {
    // close() stops taking jobs and waits for the running ones.
    await this.worker?.close();
    await this.connection?.quit().catch(() => undefined);
    this.worker = null;
    this.connection = null;
  }
}

// The BullMQ queue: jobId = the dedupe key (encoded), delay = runAt − now, retries with the shared
// backoff; finished jobs are kept for a retention window so a repeated enqueue stays a no-op.
import { Queue, type Job } from "bullmq";
import { randomUUID } from "node:crypto";
import { DEFAULT_MAX_ATTEMPTS, type EnqueueOptions, type EnqueueResult, type JobQueue } from "../types";
import { bullmqJobId, createRedisConnection, DEFAULT_PREFIX, DEFAULT_QUEUE_NAME, type BullmqJobData, type BullmqSettings } from "./connection.server";

export const SHOPDESK_BACKOFF = "shopdesk";
const DAY_SECONDS = 86_400;
/** Same windows as the embedded runner: done jobs 7 days (the dedupe window), dead jobs 30 days. */
export const BULLMQ_RETENTION = { completedSeconds: 7 * DAY_SECONDS, failedSeconds: 30 * DAY_SECONDS };
const WAITING_STATES = ["delayed", "waiting", "prioritized", "paused", "waiting-children"] as const;
const PAGE = 500;

export class BullmqJobQueue implements JobQueue {
  private readonly connection;
  readonly queue: Queue<BullmqJobData>;

  constructor(
    settings: BullmqSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.connection = createRedisConnection(settings.redisUrl);
    this.queue = new Queue<BullmqJobData>(settings.queueName ?? DEFAULT_QUEUE_NAME, {
      connection: this.connection,
      prefix: settings.prefix ?? DEFAULT_PREFIX,
    });
  }

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    const jobId = options.dedupeKey ? bullmqJobId(options.dedupeKey) : undefined;
    const enqueueToken = randomUUID();
    const delay = Math.max(0, (options.runAt?.getTime() ?? 0) - this.now().getTime());
    const job = await this.queue.add(
      name,
      { payload, shopId: options.shopId ?? null, dedupeKey: options.dedupeKey ?? null, enqueueToken },
      {
        jobId,
        delay,
        attempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        backoff: { type: SHOPDESK_BACKOFF },
        removeOnComplete: { age: BULLMQ_RETENTION.completedSeconds },
        removeOnFail: { age: BULLMQ_RETENTION.failedSeconds },
      },
    );
    if (!jobId) return { id: job.id!, created: true };
    // BullMQ returns the same id whether it added the job or found one: the stored token tells which.
    const stored = await this.queue.getJob(jobId);
    return { id: jobId, created: !stored || stored.data.enqueueToken === enqueueToken };
  }

  async cancel(dedupeKey: string): Promise<boolean> {
    const job = await this.queue.getJob(bullmqJobId(dedupeKey));
    return job ? this.removeIfWaiting(job, true) : false;
  }

  async cancelForShop(shopId: string): Promise<number> {
    // Uninstalls are rare: a scan of the waiting and failed jobs is cheaper than a per-shop index kept in step.
    const states = [...WAITING_STATES, "failed" as const];
    const matches: Job<BullmqJobData>[] = [];
    const total = await this.queue.getJobCountByTypes(...states);
    for (let start = 0; start < total; start += PAGE) {
      const jobs = await this.queue.getJobs(states, start, start + PAGE - 1, true);
      matches.push(...jobs.filter((job) => job?.data?.shopId === shopId));
    }
    let removed = 0;
    for (const job of matches) if (await this.removeIfWaiting(job, false)) removed += 1;
    return removed;
  }

  /** A running job keeps its lock and finishes: BullMQ refuses to remove it. */
  private async removeIfWaiting(job: Job<BullmqJobData>, waitingOnly: boolean): Promise<boolean> {
    const state = await job.getState();
    const removable: readonly string[] = waitingOnly ? WAITING_STATES : [...WAITING_STATES, "failed"];
    if (!removable.includes(state)) return false;
    try {
      await job.remove();
      return true;
    } catch {
      return false; // it became active meanwhile
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}

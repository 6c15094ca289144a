// The embedded worker: polls the Job table, claims due jobs under a lease, runs their handlers and
// records the outcome — only while it still holds the lease (lockedBy + attempt), so a worker that
// lost its job to another (it stalled past the lease) cannot complete it a second time.
import type { Job, Prisma, PrismaClient } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { DatabaseProvider } from "../../db/create-client.server";
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffOptions } from "../backoff";
import { errorMessage, PermanentJobError, type JobHandlers } from "../registry";
import { silentLogger, type JobLogger, type JobWorker } from "../types";
import { buryAbandonedJobs, claimDueJobIds, extendLeases, pruneFinishedJobs, recordOutcome, type JobOutcome } from "./claim.server";

export interface EmbeddedWorkerOptions {
  db: PrismaClient;
  provider: DatabaseProvider;
  handlers: JobHandlers;
  workerId?: string;
  /** Jobs run at the same time by this worker (also the claim batch size). */
  concurrency?: number;
  /** How often an idle worker looks for due jobs. */
  pollIntervalMs?: number;
  /** How long a claim lasts without a heartbeat; a killed worker's jobs are reclaimed after it. */
  leaseMs?: number;
  backoff?: BackoffOptions;
  /** stop() waits this long for running jobs; their leases then expire and another worker reruns them. */
  shutdownTimeoutMs?: number;
  retention?: { doneMs: number; deadMs: number };
  now?: () => Date;
  log?: JobLogger;
}

const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 10 * 60_000;
const SQLITE_WRITE_ATTEMPTS = 8;

export const EMBEDDED_WORKER_DEFAULTS = {
  concurrency: 4,
  pollIntervalMs: 1_000,
  leaseMs: 30_000,
  shutdownTimeoutMs: 25_000,
  retention: { doneMs: 7 * DAY_MS, deadMs: 30 * DAY_MS },
};

export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export class EmbeddedJobWorker implements JobWorker {
  readonly workerId: string;
  private readonly settings: Required<Omit<EmbeddedWorkerOptions, "workerId">>;
  private readonly active = new Map<string, Promise<void>>();
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private lastPruneAt = 0;
  private lastBuryAt = 0;

  constructor(options: EmbeddedWorkerOptions) {
    this.workerId = options.workerId ?? defaultWorkerId();
    this.settings = {
      ...EMBEDDED_WORKER_DEFAULTS,
      backoff: DEFAULT_BACKOFF,
      now: () => new Date(),
      log: silentLogger,
      ...options,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const beatEveryMs = Math.max(50, Math.floor(this.settings.leaseMs / 3));
    this.heartbeat = setInterval(() => void this.extendLeases(), beatEveryMs);
    this.heartbeat.unref();
    this.loopDone = this.loop();
    this.settings.log.info({ workerId: this.workerId, jobs: [...this.settings.handlers.keys()] }, "job worker started");
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loopDone;
    const drained = Promise.allSettled([...this.active.values()]);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), this.settings.shutdownTimeoutMs);
    });
    const outcome = await Promise.race([drained, timedOut]);
    clearTimeout(timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (outcome === "timeout") this.settings.log.warn({ workerId: this.workerId, running: [...this.active.keys()] }, "job worker stopped with jobs still running; their leases will expire");
  }

  private async loop(): Promise<void> {
    const { concurrency, pollIntervalMs, log } = this.settings;
    while (this.running) {
      let claimedAll = false;
      try {
        await this.housekeeping();
        const free = concurrency - this.active.size;
        if (free > 0) {
          const jobs = await this.claim(free);
          claimedAll = jobs.length === free;
          for (const job of jobs) this.track(job);
        }
      } catch (error) {
        // A database outage: keep polling, the jobs are still in the table.
        log.error({ workerId: this.workerId, error: errorMessage(error) }, "job worker poll failed");
      }
      // A full batch means more may be due: look again as soon as a slot is free.
      if (!claimedAll || this.active.size >= concurrency) await this.sleep(pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async housekeeping(): Promise<void> {
    const now = this.settings.now();
    const names = [...this.settings.handlers.keys()];
    // Abandoned last attempts are rare and only need to be noticed once per lease length.
    if (now.getTime() - this.lastBuryAt >= this.settings.leaseMs) {
      this.lastBuryAt = now.getTime();
      const buried = await this.write((db) => buryAbandonedJobs(db, this.settings.provider, names, now));
      if (buried > 0) this.settings.log.warn({ buried }, "jobs dead after their worker stopped during the last attempt");
    }
    if (now.getTime() - this.lastPruneAt >= PRUNE_EVERY_MS) {
      this.lastPruneAt = now.getTime();
      await this.write((db) => pruneFinishedJobs(db, this.settings.provider, now, this.settings.retention));
    }
  }

  private async claim(limit: number): Promise<Job[]> {
    const { db, provider, handlers, leaseMs } = this.settings;
    const now = this.settings.now();
    const request = { workerId: this.workerId, names: [...handlers.keys()], limit, now, leaseUntil: new Date(now.getTime() + leaseMs) };
    const ids = await this.write((tx) => claimDueJobIds(tx, provider, request));
    if (ids.length === 0) return [];
    return db.job.findMany({ where: { id: { in: ids }, lockedBy: this.workerId, status: "running" }, orderBy: { runAt: "asc" } });
  }

  private track(job: Job): void {
    const run = this.run(job).finally(() => {
      this.active.delete(job.id);
      this.wake?.();
    });
    this.active.set(job.id, run);
  }

  private async run(job: Job): Promise<void> {
    const { db, handlers, log } = this.settings;
    const definition = handlers.get(job.name);
    let failure: unknown = null;
    try {
      if (!definition) throw new PermanentJobError(`no handler for ${job.name}`);
      await definition.run(job.payload, { db, now: this.settings.now(), jobId: job.id, attempt: job.attempts, log });
    } catch (error) {
      failure = error ?? new Error("job failed without an error");
    }
    const now = this.settings.now();
    let outcome: JobOutcome;
    if (failure === null) {
      outcome = { status: "done", lastError: null, finishedAt: now, runAt: null };
    } else {
      const finalAttempt = failure instanceof PermanentJobError || job.attempts >= job.maxAttempts;
      const lastError = errorMessage(failure);
      log.warn({ jobId: job.id, name: job.name, attempt: job.attempts, finalAttempt, error: lastError }, "job failed");
      outcome = finalAttempt
        ? { status: "dead", lastError, finishedAt: now, runAt: null }
        : { status: "failed", lastError, finishedAt: null, runAt: new Date(now.getTime() + retryDelayMs(job.attempts, this.settings.backoff)) };
    }
    try {
      await this.finish(job, outcome);
    } catch (error) {
      // The lease expires and another worker reruns the job: handlers are idempotent.
      log.error({ jobId: job.id, error: errorMessage(error) }, "could not record a job's outcome; its lease will expire");
    }
  }

  /** Records an outcome only while this worker still holds the job's lease (same holder, same attempt). */
  private async finish(job: Job, outcome: JobOutcome): Promise<void> {
    const recorded = await this.write((db) => recordOutcome(db, this.settings.provider, job, this.workerId, outcome));
    if (!recorded) this.settings.log.warn({ jobId: job.id, name: job.name, attempt: job.attempts }, "job lease lost before it finished; another worker owns it");
  }

  /**
   * The runner's own writes. On SQLite the Prisma adapter has one connection per client, and a query
   * outside a transaction runs inside whichever interactive transaction is open on it — a handler's,
   * which may roll back (runOnce does on a duplicate) — so ours get their own transaction. When other
   * work read inside it first and another process wrote meanwhile, SQLite refuses the write at once
   * ("database is locked", no busy wait): the transaction is retried after a short pause.
   */
  private async write<T>(operation: (db: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    const { db, provider } = this.settings;
    if (provider !== "sqlite") return operation(db);
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.$transaction((tx) => operation(tx));
      } catch (error) {
        if (attempt >= SQLITE_WRITE_ATTEMPTS || !/database is locked|SQLITE_BUSY/.test(errorMessage(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
      }
    }
  }

  private async extendLeases(): Promise<void> {
    if (this.active.size === 0) return;
    const now = this.settings.now();
    try {
      const leaseUntil = new Date(now.getTime() + this.settings.leaseMs);
      await this.write((db) => extendLeases(db, this.settings.provider, [...this.active.keys()], this.workerId, leaseUntil));
    } catch (error) {
      this.settings.log.error({ workerId: this.workerId, error: errorMessage(error) }, "could not extend job leases");
    }
  }
}

// The durable job runner's one interface, implemented on the app's database (embedded default) and on
// BullMQ/Redis (production). See docs/decisions/009-job-runner.md.
import type { PrismaClient } from "@prisma/client";

export interface EnqueueOptions {
  /** When the job becomes due; now when omitted. */
  runAt?: Date;
  /** One job per due event: a second enqueue with the same key is a no-op (`created: false`). */
  dedupeKey?: string;
  /** Lets the uninstall path cancel everything of a shop. */
  shopId?: string;
  /** Attempts before the job is given up (`dead`); default DEFAULT_MAX_ATTEMPTS. */
  maxAttempts?: number;
}

export interface EnqueueResult {
  id: string;
  created: boolean;
}

export interface JobQueue {
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): Promise<EnqueueResult>;
  /** Removes the waiting job of a due event; a job already running finishes. True when one was removed. */
  cancel(dedupeKey: string): Promise<boolean>;
  /** Removes every waiting job of a shop (app uninstalled); returns how many. */
  cancelForShop(shopId: string): Promise<number>;
  close(): Promise<void>;
}

export interface JobWorker {
  start(): void;
  /** Stops claiming, waits for running jobs (up to the shutdown timeout), then releases resources. */
  stop(): Promise<void>;
}

/** pino-compatible (object first, message second), like the Admin API client's logger. */
export interface JobLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface JobContext {
  db: PrismaClient;
  /** The clock of this run; handlers never call `new Date()` themselves. */
  now: Date;
  jobId: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  log: JobLogger;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

export const silentLogger: JobLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

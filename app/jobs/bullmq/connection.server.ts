// BullMQ on Redis: one queue for every job family (the job name picks the handler), so one worker
// pool serves them all and a new job type needs no new queue. See docs/decisions/009-job-runner.md.
import { Redis } from "ioredis";

export const DEFAULT_QUEUE_NAME = "shopdesk-jobs";
export const DEFAULT_PREFIX = "shopdesk";

export interface BullmqSettings {
  redisUrl: string;
  queueName?: string;
  /** Redis key prefix; tests use one per run so they never see each other's jobs. */
  prefix?: string;
}

/** BullMQ's workers block on Redis: retries per request must be unlimited (null). */
export function createRedisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * BullMQ job ids may not contain ":" (Redis key separator); due-event keys do ("snooze:<id>:<ISO time>").
 * Percent-encoding just "%" and ":" keeps ids readable and distinct keys distinct.
 */
export function bullmqJobId(dedupeKey: string): string {
  return dedupeKey.replaceAll("%", "%25").replaceAll(":", "%3A");
}

/** What a BullMQ job carries: the payload plus what cancelForShop and the duplicate check need. */
export interface BullmqJobData {
  payload: unknown;
  shopId: string | null;
  dedupeKey: string | null;
  /** Unique per enqueue call: tells a new job from an existing one with the same id. */
  enqueueToken: string;
}

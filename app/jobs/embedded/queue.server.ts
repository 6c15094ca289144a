// The embedded queue: jobs are rows of the Job table in the app's database (SQLite or PostgreSQL).
import type { Prisma, PrismaClient } from "@prisma/client";
import { isUniqueViolation } from "../run-once.server";
import { DEFAULT_MAX_ATTEMPTS, type EnqueueOptions, type EnqueueResult, type JobQueue } from "../types";

/** Waiting jobs (not yet run, or waiting for a retry): what cancel removes. */
const WAITING_STATUSES = ["queued", "failed"];

export class EmbeddedJobQueue implements JobQueue {
  constructor(
    private readonly db: PrismaClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<EnqueueResult> {
    // Twice at most: an existing job of the same due event may be cancelled between our insert and our read.
    for (let round = 0; round < 2; round++) {
      try {
        const job = await this.db.job.create({
          data: {
            name,
            payload: payload as Prisma.InputJsonValue,
            runAt: options.runAt ?? this.now(),
            dedupeKey: options.dedupeKey ?? null,
            shopId: options.shopId ?? null,
            maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          },
          select: { id: true },
        });
        return { id: job.id, created: true };
      } catch (error) {
        if (!options.dedupeKey || !isUniqueViolation(error)) throw error;
        const existing = await this.db.job.findUnique({ where: { dedupeKey: options.dedupeKey }, select: { id: true } });
        if (existing) return { id: existing.id, created: false };
      }
    }
    throw new Error(`enqueue ${name}: the job ${options.dedupeKey} kept changing; try again`);
  }

  async cancel(dedupeKey: string): Promise<boolean> {
    const { count } = await this.db.job.deleteMany({ where: { dedupeKey, status: { in: WAITING_STATUSES } } });
    return count > 0;
  }

  async cancelForShop(shopId: string): Promise<number> {
    // Everything but a job running right now (its lease holder finishes it; handlers re-check the shop).
    // Finished rows go too: an uninstalled shop's history of due events is of no use.
    const { count } = await this.db.job.deleteMany({ where: { shopId, status: { not: "running" } } });
    return count;
  }

  async close(): Promise<void> {
    // The database client belongs to the caller.
  }
}

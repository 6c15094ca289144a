// Recurring work that is itself enqueued as jobs: every SLA_SWEEP_INTERVAL_MS one sla.sweep per shop,
// and the stale contact-submission sweep when submissions wait too long for their ticket.
// Every process that runs a worker runs this too; the per-interval dedupe key keeps it one sweep.
import type { PrismaClient } from "@prisma/client";
import { scheduleStaleContactRetry } from "./definitions/contact-intake.server";
import { scheduleSlaSweeps, SLA_SWEEP_INTERVAL_MS } from "./definitions/sla-sweep.server";
import { errorMessage } from "./registry";
import { silentLogger, type JobLogger, type JobQueue } from "./types";

export interface SchedulerOptions {
  db: PrismaClient;
  queue: JobQueue;
  intervalMs?: number;
  now?: () => Date;
  log?: JobLogger;
}

export interface Scheduler {
  stop(): Promise<void>;
}

export function startSlaSweepScheduler(options: SchedulerOptions): Scheduler {
  const { db, queue, intervalMs = SLA_SWEEP_INTERVAL_MS, now = () => new Date(), log = silentLogger } = options;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      const created = await scheduleSlaSweeps(db, queue, now(), intervalMs);
      if (created > 0) log.debug({ created }, "SLA sweeps enqueued");
    } catch (error) {
      log.error({ error: errorMessage(error) }, "could not enqueue SLA sweeps");
    }
    await scheduleStaleContactRetry(db, queue, now(), log);
  };
  const scheduleNext = () => {
    if (stopped) return;
    // On the interval's boundaries (plus a little), so every process enqueues the same bucket.
    const wait = intervalMs - (now().getTime() % intervalMs) + 250;
    timer = setTimeout(() => {
      current = tick().finally(scheduleNext);
    }, wait);
    timer.unref();
  };
  current = tick().finally(scheduleNext);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}

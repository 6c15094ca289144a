// A test job whose effect is a TicketEvent with a dedupe key: the effect the runner must produce exactly
// once. Shared by the tests and the child worker process that is killed mid-run.
import { z } from "zod";
import { defineJob } from "../../../app/jobs/registry";
import { runOnce } from "../../../app/jobs/run-once.server";

export const effectPayload = z.object({ shopId: z.string(), ticketId: z.string(), key: z.string() });
export type EffectPayload = z.infer<typeof effectPayload>;

export interface EffectJobOptions {
  /** Called after the effect was attempted (applied or already there). */
  afterEffect?: (payload: EffectPayload, applied: boolean) => Promise<void> | void;
  /** Called when the handler starts. */
  onRun?: (payload: EffectPayload, attempt: number) => Promise<void> | void;
}

export function effectJob(name: string, options: EffectJobOptions = {}) {
  return defineJob(name, effectPayload, async (payload, { db, now, attempt }) => {
    await options.onRun?.(payload, attempt);
    const result = await runOnce(db, (tx) =>
      tx.ticketEvent.create({
        data: { shopId: payload.shopId, ticketId: payload.ticketId, type: "automation", dedupeKey: `effect:${payload.key}`, data: { key: payload.key }, createdAt: now },
      }),
    );
    await options.afterEffect?.(payload, result.applied);
  });
}

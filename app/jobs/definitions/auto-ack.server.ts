// ticket.auto-ack: the delayed auto-acknowledgement of a customer message (app/services/auto-ack.server.ts).
// One job per ticket and closed period; the send itself is recorded once (AutomatedSend.eventKey), so
// a rerun after a lost worker sends nothing twice. Quiet hours re-enqueue it for the allowed time.
import { z } from "zod";
import { AUTO_ACK_JOB, autoAckEventKey, RULE_REPLY_KIND, runAutoAcknowledgement, type AutoAckDeps } from "../../services/auto-ack.server";
import { getJobQueue } from "../queue.server";
import { defineJob } from "../registry";
import type { JobQueue } from "../types";

const autoAckPayload = z.object({
  shopId: z.string().min(1),
  ticketId: z.string().min(1),
  periodKey: z.string().min(1),
  reason: z.enum(["closed", "queue", "rule"]),
  receivedAt: z.string().datetime(),
  templateId: z.string().min(1).optional(),
});

export function createAutoAckJob(deps: { queue?: () => JobQueue; adapterFor?: AutoAckDeps["adapterFor"] } = {}) {
  return defineJob(AUTO_ACK_JOB, autoAckPayload, async (payload, ctx) => {
    const outcome = await runAutoAcknowledgement(payload, ctx, {
      adapterFor: deps.adapterFor,
      defer: async (deferred, until) => {
        const queue = (deps.queue ?? getJobQueue)();
        const kind = deferred.reason === "rule" ? RULE_REPLY_KIND : undefined;
        const dedupeKey = `${AUTO_ACK_JOB}:${autoAckEventKey(deferred.ticketId, deferred.periodKey, kind)}:${until.toISOString()}`;
        await queue.enqueue(AUTO_ACK_JOB, deferred, { runAt: until, dedupeKey, shopId: deferred.shopId });
      },
    });
    ctx.log.debug({ ticketId: payload.ticketId, outcome: outcome.kind }, "auto-acknowledgement");
  });
}

export const autoAckJob = createAutoAckJob();

// sla.escalation-email: tells the shop's supervisors about an SLA breach (optional, escalation
// settings). Enqueued by the sweep before it records the breach; sends only if the breach exists,
// once (app/services/escalation.server.ts).
import { z } from "zod";
import type { ChannelAdapter } from "../../services/channels/channel-adapter";
import { ESCALATION_EMAIL_JOB, sendEscalationEmail } from "../../services/escalation.server";
import { defineJob } from "../registry";

const escalationEmailPayload = z.object({ shopId: z.string().min(1), ticketId: z.string().min(1), eventKey: z.string().min(1) });

export function createEscalationEmailJob(adapterFor?: (channel: string) => ChannelAdapter) {
  return defineJob(ESCALATION_EMAIL_JOB, escalationEmailPayload, async (payload, { db, now, log }) => {
    const outcome = await sendEscalationEmail(db, payload, now, adapterFor);
    log.debug({ ticketId: payload.ticketId, outcome }, "escalation email");
  });
}

export const escalationEmailJob = createEscalationEmailJob();

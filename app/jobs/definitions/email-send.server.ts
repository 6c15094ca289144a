// email.send: one outbound Message by SMTP (app/services/email/send-email.server.ts). One job per
// message (dedupe key); retried with the runner's backoff while the SMTP server is unreachable; the
// Message row's claim makes a rerun after acceptance record instead of resend.
import { z } from "zod";
import { appEmailConfig, type EmailConfig } from "../../services/email/config.server";
import { appSmtpTransport, deliverEmailMessage, EMAIL_SEND_MAX_ATTEMPTS, PermanentEmailError, type EmailTransport } from "../../services/email/send-email.server";
import { defineJob, enqueueJob, PermanentJobError } from "../registry";
import type { EnqueueResult, JobQueue } from "../types";

export const EMAIL_SEND_JOB = "email.send";

const emailSendPayload = z.object({
  shopId: z.string().min(1),
  messageId: z.string().min(1),
  /** A subject of its own (an automated message's rendered subject); else "Re: <ticket subject> [#n]". */
  subject: z.string().max(998).optional(),
});
export type EmailSendPayload = z.infer<typeof emailSendPayload>;

export interface EmailSendDeps {
  config: EmailConfig;
  transport: EmailTransport;
  maxAttempts?: number;
  afterAccepted?: () => Promise<void>;
}

function appDeps(): EmailSendDeps {
  const config = appEmailConfig();
  if (!config.smtpUrl) throw new PermanentJobError("SMTP_URL is not set: the email channel is off");
  return { config, transport: appSmtpTransport() };
}

export function createEmailSendJob(deps: () => EmailSendDeps = appDeps) {
  return defineJob(EMAIL_SEND_JOB, emailSendPayload, async (payload, { db, now, attempt, log }) => {
    const { config, transport, maxAttempts, afterAccepted } = deps();
    try {
      const outcome = await deliverEmailMessage(db, payload, { config, transport, now, attempt, maxAttempts, afterAccepted });
      if (outcome.kind === "sent_unconfirmed") log.warn({ ...payload }, "email was handed to SMTP by an unfinished attempt: recorded as sent, not resent");
    } catch (error) {
      if (error instanceof PermanentEmailError) throw new PermanentJobError(error.message);
      throw error;
    }
  });
}

export const emailSendJob = createEmailSendJob();

export function emailSendDedupeKey(messageId: string): string {
  return `${EMAIL_SEND_JOB}:${messageId}`;
}

/**
 * Callers record the adapter's "queued" on the Message right after it returns: starting the send a
 * moment later keeps that write from landing after (and hiding) the job's "sent".
 */
export const EMAIL_SEND_DELAY_MS = 2_000;

export function scheduleEmailSend(queue: JobQueue, payload: EmailSendPayload, now = new Date()): Promise<EnqueueResult> {
  return enqueueJob(queue, emailSendJob, payload, {
    dedupeKey: emailSendDedupeKey(payload.messageId),
    shopId: payload.shopId,
    maxAttempts: EMAIL_SEND_MAX_ATTEMPTS,
    runAt: new Date(now.getTime() + EMAIL_SEND_DELAY_MS),
  });
}

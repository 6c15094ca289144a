// email.inbound-retry: an inbound email that was kept but failed to process (database down, a bug) is
// processed again from its kept payload, with the runner's backoff. Rejected and processed ones are
// left alone; intake's de-duplication by Message-ID makes a late success after a provider retry harmless.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { appInboundDeps, processInboundEmail, type InboundDeps } from "../../services/email/process-inbound.server";
import { defineJob, enqueueJob } from "../registry";
import type { EnqueueResult, JobQueue } from "../types";

export const EMAIL_INBOUND_RETRY_JOB = "email.inbound-retry";
/** The first retry waits a minute: a failure is usually the database or a deploy, not the email. */
export const EMAIL_INBOUND_RETRY_DELAY_MS = 60_000;

const payloadSchema = z.object({ inboundEmailId: z.string().min(1) });

export function createEmailInboundRetryJob(depsFor: (db: PrismaClient) => InboundDeps = appInboundDeps) {
  return defineJob(EMAIL_INBOUND_RETRY_JOB, payloadSchema, async ({ inboundEmailId }, { db, log }) => {
    const row = await db.inboundEmail.findUnique({ where: { id: inboundEmailId }, select: { status: true } });
    if (!row || row.status === "processed" || row.status === "rejected") return;
    const outcome = await processInboundEmail(depsFor(db), inboundEmailId);
    log.info({ inboundEmailId, status: outcome.status }, "kept inbound email processed again");
  });
}

export const emailInboundRetryJob = createEmailInboundRetryJob();

export function scheduleInboundRetry(queue: JobQueue, inboundEmailId: string, now = new Date()): Promise<EnqueueResult> {
  return enqueueJob(queue, emailInboundRetryJob, { inboundEmailId }, {
    dedupeKey: `${EMAIL_INBOUND_RETRY_JOB}:${inboundEmailId}`,
    runAt: new Date(now.getTime() + EMAIL_INBOUND_RETRY_DELAY_MS),
    maxAttempts: 6,
  });
}

// survey.invitation: the CSAT/NPS invitation a configurable delay after a resolution
// (app/services/surveys/survey-invitation.server.ts). Quiet hours re-enqueue it for the allowed time.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { runSurveyInvitation, SURVEY_INVITATION_JOB, surveyInvitationsFor, type SurveyInvitationDeps } from "../../services/surveys/survey-invitation.server";
import { getJobQueue } from "../queue.server";
import { defineJob } from "../registry";
import type { JobQueue } from "../types";

const payload = z.object({ shopId: z.string().min(1), ticketId: z.string().min(1), kind: z.enum(["csat", "nps"]), resolvedAt: z.string().datetime() });

export function createSurveyInvitationJob(deps: { queue?: () => JobQueue; adapterFor?: SurveyInvitationDeps["adapterFor"] } = {}) {
  return defineJob(SURVEY_INVITATION_JOB, payload, async (input, ctx) => {
    const outcome = await runSurveyInvitation(input, ctx, {
      adapterFor: deps.adapterFor,
      defer: async (deferred, until) => {
        await (deps.queue ?? getJobQueue)().enqueue(SURVEY_INVITATION_JOB, deferred, { runAt: until, shopId: deferred.shopId, dedupeKey: `${SURVEY_INVITATION_JOB}:${deferred.kind}:${deferred.ticketId}:${until.toISOString()}` });
      },
    });
    ctx.log.debug({ ticketId: input.ticketId, outcome: outcome.kind }, "survey invitation");
  });
}

export const surveyInvitationJob = createSurveyInvitationJob();

/** Called when a ticket is resolved: one delayed invitation per enabled survey. */
export async function scheduleSurveyInvitations(db: PrismaClient, queue: JobQueue, input: { shopId: string; ticketId: string; resolvedAt: Date }): Promise<number> {
  let created = 0;
  for (const job of await surveyInvitationsFor(db, input)) {
    const result = await queue.enqueue(SURVEY_INVITATION_JOB, job.payload, { runAt: job.runAt, dedupeKey: job.dedupeKey, shopId: input.shopId });
    if (result.created) created += 1;
  }
  return created;
}

// Every job the workers run. A new job: a file in this folder with defineJob, listed here.
import { jobHandlers } from "../registry";
import { automatedMessageJob } from "./automated-message.server";
import { orderReconcileJob, reconcileSweepJob } from "./order-reconcile.server";
import { webhookDrainJob } from "./webhook-delivery.server";
import { autoAckJob } from "./auto-ack.server";
import { escalationEmailJob } from "./escalation-email.server";
import { emailInboundRetryJob } from "./email-inbound-retry.server";
import { emailSendJob } from "./email-send.server";
import { reportMetricsJob } from "./report-metrics.server";
import { slaSweepJob } from "./sla-sweep.server";
import { surveyInvitationJob } from "./survey-invitation.server";
import { snoozeWakeJob } from "./snooze-wake.server";
import { contactDrainJob, contactRetryJob } from "./contact-intake.server";

export const jobDefinitions = [webhookDrainJob, automatedMessageJob, orderReconcileJob, reconcileSweepJob, snoozeWakeJob, slaSweepJob, autoAckJob, escalationEmailJob, reportMetricsJob, emailSendJob, emailInboundRetryJob, surveyInvitationJob, contactDrainJob, contactRetryJob];

export function allJobHandlers() {
  return jobHandlers(jobDefinitions);
}

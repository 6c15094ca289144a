// Per-ticket facts the reports aggregate, derived from the raw conversation (messages) and the
// timeline (SLA breaches, reopenings). Computed once per ticket change and stored (TicketMetric),
// so a report over a million messages reads one narrow row per ticket.
//
// Definitions (shown next to each metric in the reports):
// - A human reply is an outbound message written by an agent. Automated replies (auto-acknowledgements,
//   order notifications, rules) and internal notes never count as a response.
// - First response time: from the first customer message to the first human reply after it.
// - Next response time: for every later customer message that waited (the first unanswered one after a
//   human reply), the time until the next human reply.
// - Resolution time: from the first customer message to the ticket's last resolution.
// - Times count business minutes when the ticket's SLA policy counts business hours, else calendar minutes.
// - First contact resolution: resolved with exactly one human reply and never reopened.
// - Handled by automation: resolved with automated replies only, no human reply.

import { elapsedMinutes, type BusinessSchedule } from "../business-hours";
import type { SlaTarget } from "../sla";

export interface FactMessage {
  direction: string; // inbound | outbound | note
  authorType: string; // customer | agent | system | automation
  isAutomated: boolean;
  authorAgentId: string | null;
  createdAt: Date;
}

export interface TicketFactsInput {
  createdAt: Date;
  status: string;
  resolvedAt: Date | null;
  reopenCount: number;
  messages: readonly FactMessage[];
  /** The applied policy's way of counting; null = no policy (calendar time). */
  businessHoursOnly: boolean | null;
  schedule: BusinessSchedule;
  hasSlaPolicy: boolean;
  breachedTargets: readonly SlaTarget[];
}

export interface TicketFacts {
  firstCustomerMessageAt: Date | null;
  firstResponseAt: Date | null;
  firstResponderAgentId: string | null;
  firstResponseMinutes: number | null;
  nextResponseMinutes: number[];
  resolutionMinutes: number | null;
  customerMessages: number;
  humanReplies: number;
  automatedReplies: number;
  resolved: boolean;
  reopened: boolean;
  firstContactResolution: boolean | null;
  handledByAutomation: boolean;
  slaApplied: boolean;
  breachedFirstResponse: boolean;
  breachedNextResponse: boolean;
  breachedResolution: boolean;
  /** The UTC hour (hours since the epoch) of each customer message: the staffing heatmap's input. */
  customerHours: number[];
}

const HOUR_MS = 3_600_000;
const RESOLVED_STATUSES = new Set(["resolved", "closed"]);

export function isHumanReply(message: FactMessage): boolean {
  return message.direction === "outbound" && message.authorType === "agent" && !message.isAutomated;
}

export function isAutomatedReply(message: FactMessage): boolean {
  return message.direction === "outbound" && !isHumanReply(message);
}

export function isCustomerMessage(message: FactMessage): boolean {
  return message.direction === "inbound";
}

function minutesRounded(value: number): number {
  return Math.round(value * 100) / 100;
}

export function computeTicketFacts(input: TicketFactsInput): TicketFacts {
  const messages = [...input.messages].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const business = input.businessHoursOnly === true;
  const elapsed = (a: Date, b: Date) => minutesRounded(Math.max(0, elapsedMinutes(input.schedule, a, b, business)));

  let firstCustomerMessageAt: Date | null = null;
  let firstResponse: FactMessage | null = null;
  let waitingSince: Date | null = null;
  const nextResponseMinutes: number[] = [];
  const customerHours: number[] = [];
  let customerMessages = 0;
  let humanReplies = 0;
  let automatedReplies = 0;

  for (const message of messages) {
    if (isCustomerMessage(message)) {
      customerMessages += 1;
      customerHours.push(Math.floor(message.createdAt.getTime() / HOUR_MS));
      firstCustomerMessageAt ??= message.createdAt;
      waitingSince ??= message.createdAt;
    } else if (isHumanReply(message)) {
      humanReplies += 1;
      if (waitingSince) {
        if (!firstResponse) firstResponse = message;
        else nextResponseMinutes.push(elapsed(waitingSince, message.createdAt));
      }
      waitingSince = null;
    } else if (isAutomatedReply(message)) {
      automatedReplies += 1;
    }
  }

  const resolved = RESOLVED_STATUSES.has(input.status) && input.resolvedAt !== null;
  const start = firstCustomerMessageAt ?? input.createdAt;
  return {
    firstCustomerMessageAt,
    firstResponseAt: firstResponse?.createdAt ?? null,
    firstResponderAgentId: firstResponse?.authorAgentId ?? null,
    firstResponseMinutes: firstResponse && firstCustomerMessageAt ? elapsed(firstCustomerMessageAt, firstResponse.createdAt) : null,
    nextResponseMinutes,
    resolutionMinutes: resolved ? elapsed(start, input.resolvedAt!) : null,
    customerMessages,
    humanReplies,
    automatedReplies,
    resolved,
    reopened: input.reopenCount > 0,
    firstContactResolution: resolved ? humanReplies === 1 && input.reopenCount === 0 : null,
    handledByAutomation: resolved && humanReplies === 0 && automatedReplies > 0,
    slaApplied: input.hasSlaPolicy,
    breachedFirstResponse: input.breachedTargets.includes("first_response"),
    breachedNextResponse: input.breachedTargets.includes("next_response"),
    breachedResolution: input.breachedTargets.includes("resolution"),
    customerHours,
  };
}

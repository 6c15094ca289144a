// SLA clocks: due times for first response, next response and resolution under a policy; how much
// of each target has elapsed; and which warnings/breaches a periodic sweep should record.
//
// Clock rules: first response runs from ticket creation; next response from the oldest unanswered
// customer message after the first reply (`waitingSince`); resolution from creation, extended by
// the time spent waiting on the customer (`pausedMinutes`, counted like the policy counts). While
// paused (`pausedAt`, waiting on the customer) no clock runs: slaDueAt is null and nothing fires.
// A new customer message ends the pause (the caller adds the paused span with pausedMinutesBetween).

import { elapsedMinutes, expectedReplyBy, type BusinessSchedule } from "./business-hours";
import { DEFAULT_WARN_AT_SHARE, type SlaPolicyRule } from "./sla-policies";

export * from "./sla-policies";

export const SLA_TARGETS = ["first_response", "next_response", "resolution"] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

export interface SlaClockInput {
  policy: SlaPolicyRule | null;
  schedule: BusinessSchedule;
  createdAt: Date;
  firstRespondedAt: Date | null;
  lastCustomerMessageAt: Date | null;
  lastAgentMessageAt?: Date | null;
  /** Oldest unanswered customer message (Ticket.waitingSince); defaults to lastCustomerMessageAt. */
  waitingSince?: Date | null;
  pausedAt: Date | null;
  resolvedAt?: Date | null;
  /** Minutes (business or calendar, as the policy counts) of earlier, finished pauses. */
  pausedMinutes?: number;
}

export interface SlaDueTimes {
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  /** The earliest due time of a target still open; null while paused or when nothing is owed. */
  slaDueAt: Date | null;
}

export type SlaTicketState = SlaClockInput & Omit<SlaDueTimes, "slaDueAt">;

export interface SlaEvent {
  target: SlaTarget;
  kind: "warning" | "breach";
  dueAt: Date;
  /** When this target's clock started (creation; the customer's wait for a next response). */
  clockStartedAt: Date;
  /**
   * Stable per target and clock start, so each warning and breach is recorded once per target (once
   * per customer wait for next response), even when a priority change moves the due time.
   */
  dedupeKey: string;
}

function targetMinutes(policy: SlaPolicyRule, target: SlaTarget): number | null {
  if (target === "first_response") return policy.firstResponseMinutes;
  if (target === "next_response") return policy.nextResponseMinutes;
  return policy.resolutionMinutes;
}

/** The customer wrote after the last agent reply, and a first reply has been given. */
function awaitingNextReply(input: SlaClockInput): boolean {
  if (!input.firstRespondedAt || !input.lastCustomerMessageAt) return false;
  const lastReply = Math.max(input.firstRespondedAt.getTime(), input.lastAgentMessageAt?.getTime() ?? 0);
  return input.lastCustomerMessageAt.getTime() > lastReply;
}

/** When each target's clock started, for the targets the shop still owes. */
function openClockStarts(input: SlaClockInput): Partial<Record<SlaTarget, Date>> {
  if (input.resolvedAt) return {};
  const starts: Partial<Record<SlaTarget, Date>> = { resolution: input.createdAt };
  if (!input.firstRespondedAt) starts.first_response = input.createdAt;
  else if (awaitingNextReply(input)) starts.next_response = input.waitingSince ?? input.lastCustomerMessageAt ?? input.createdAt;
  return starts;
}

export function computeSlaDueTimes(input: SlaClockInput): SlaDueTimes {
  const { policy, schedule } = input;
  if (!policy) return { firstResponseDueAt: null, nextResponseDueAt: null, resolutionDueAt: null, slaDueAt: null };
  const due = (start: Date, minutes: number | null) =>
    minutes === null ? null : expectedReplyBy(schedule, start, minutes, policy.businessHoursOnly);

  const open = openClockStarts(input);
  const firstResponseDueAt = due(input.createdAt, policy.firstResponseMinutes);
  const nextResponseDueAt = open.next_response ? due(open.next_response, policy.nextResponseMinutes) : null;
  const resolutionMinutes = policy.resolutionMinutes === null ? null : policy.resolutionMinutes + (input.pausedMinutes ?? 0);
  const resolutionDueAt = due(input.createdAt, resolutionMinutes);

  const candidates: (Date | null)[] = [
    open.first_response ? firstResponseDueAt : null,
    nextResponseDueAt,
    open.resolution ? resolutionDueAt : null,
  ];
  const openDue = candidates.filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime());
  return { firstResponseDueAt, nextResponseDueAt, resolutionDueAt, slaDueAt: input.pausedAt ? null : (openDue[0] ?? null) };
}

/** The span of a pause as the policy counts time; add it to pausedMinutes when the pause ends. */
export function pausedMinutesBetween(policy: SlaPolicyRule, schedule: BusinessSchedule, pausedAt: Date, resumedAt: Date): number {
  return Math.max(0, elapsedMinutes(schedule, pausedAt, resumedAt, policy.businessHoursOnly));
}

/**
 * Share of each target elapsed at `now` (1 = due now, above 1 = breached); for a met target, the
 * share at the moment it was met. Null when the policy sets no such target or it has not started.
 */
export function slaProgress(input: SlaClockInput, now: Date): Record<SlaTarget, number | null> {
  const progress: Record<SlaTarget, number | null> = { first_response: null, next_response: null, resolution: null };
  const { policy, schedule } = input;
  if (!policy) return progress;
  const stopAt = (metAt: Date | null | undefined) => metAt ?? input.pausedAt ?? now;
  const share = (target: SlaTarget, start: Date, end: Date, credit = 0) => {
    const minutes = targetMinutes(policy, target);
    if (minutes === null) return null;
    return Math.max(0, elapsedMinutes(schedule, start, end, policy.businessHoursOnly) - credit) / minutes;
  };
  progress.first_response = share("first_response", input.createdAt, stopAt(input.firstRespondedAt ?? input.resolvedAt));
  const nextStart = openClockStarts(input).next_response;
  if (nextStart) progress.next_response = share("next_response", nextStart, stopAt(null));
  progress.resolution = share("resolution", input.createdAt, stopAt(input.resolvedAt), input.pausedMinutes ?? 0);
  return progress;
}

export function slaDedupeKey(kind: SlaEvent["kind"], target: SlaTarget, clockStartedAt: Date): string {
  return `sla_${kind}:${target}:${clockStartedAt.toISOString()}`;
}

/**
 * Warnings and breaches due at `now` for the stored due times of a ticket. A target that is already
 * breached yields only the breach (a late warning helps no one). Nothing fires while paused.
 */
export function detectSlaEvents(state: SlaTicketState, now: Date, warnAtShare?: number): SlaEvent[] {
  const { policy, schedule } = state;
  if (!policy || state.pausedAt) return [];
  const share = warnAtShare ?? policy.warnAtShare ?? DEFAULT_WARN_AT_SHARE;
  const open = openClockStarts(state);
  const dueAtOf: Record<SlaTarget, Date | null> = {
    first_response: state.firstResponseDueAt,
    next_response: state.nextResponseDueAt,
    resolution: state.resolutionDueAt,
  };
  const events: SlaEvent[] = [];
  for (const target of SLA_TARGETS) {
    const dueAt = dueAtOf[target];
    const minutes = targetMinutes(policy, target);
    const clockStartedAt = open[target];
    if (!clockStartedAt || !dueAt || minutes === null) continue;
    if (now.getTime() >= dueAt.getTime()) {
      events.push({ target, kind: "breach", dueAt, clockStartedAt, dedupeKey: slaDedupeKey("breach", target, clockStartedAt) });
      continue;
    }
    // Remaining time in the policy's own units: the clock may be stopped outside business hours.
    const remaining = elapsedMinutes(schedule, now, dueAt, policy.businessHoursOnly);
    if (remaining <= (1 - share) * minutes + 1e-9) {
      events.push({ target, kind: "warning", dueAt, clockStartedAt, dedupeKey: slaDedupeKey("warning", target, clockStartedAt) });
    }
  }
  return events;
}

/** slaNextEventAt when nothing more can fire (all open targets breached, paused, resolved, no policy). */
export const SLA_NOTHING_DUE = new Date("9999-12-31T00:00:00.000Z");

/**
 * When the sweep must next look at a ticket: the earliest warning or due time still ahead of `now`
 * among the open targets (a passed warning leaves its due time; a passed due time leaves nothing).
 * Stored as Ticket.slaNextEventAt so a sweep reads only the tickets with something due.
 */
export function nextSlaCheckAt(state: SlaTicketState, now: Date, warnAtShare?: number): Date {
  const { policy, schedule } = state;
  if (!policy || state.pausedAt) return SLA_NOTHING_DUE;
  const share = warnAtShare ?? policy.warnAtShare ?? DEFAULT_WARN_AT_SHARE;
  const open = openClockStarts(state);
  const dueAtOf: Record<SlaTarget, Date | null> = {
    first_response: state.firstResponseDueAt,
    next_response: state.nextResponseDueAt,
    resolution: state.resolutionDueAt,
  };
  let next = SLA_NOTHING_DUE.getTime();
  for (const target of SLA_TARGETS) {
    const start = open[target];
    const dueAt = dueAtOf[target];
    const minutes = targetMinutes(policy, target);
    if (!start || !dueAt || minutes === null || dueAt.getTime() <= now.getTime()) continue;
    const credit = target === "resolution" ? (state.pausedMinutes ?? 0) : 0;
    const warnAt = expectedReplyBy(schedule, start, share * minutes + credit, policy.businessHoursOnly);
    const candidate = warnAt && warnAt.getTime() >= now.getTime() ? warnAt.getTime() : dueAt.getTime();
    next = Math.min(next, candidate);
  }
  return new Date(next);
}

// Escalation of SLA warnings and breaches, run by the SLA sweep inside the transaction that records
// the event (so exactly once per due event): in-app notifications, priority raised one step, and at
// breach the ticket reassigned to the next available agent (else a supervisor). The optional email to
// the supervisors is a job enqueued before the event is recorded; its handler sends only when the
// event exists, and records its own dedupe row first (at most one email per event).
import type { Prisma, PrismaClient } from "@prisma/client";
import { planAssignments } from "./assignment.server";
import { ACTIVE_STATUSES, priorityRank, TICKET_PRIORITIES, type TicketPriority } from "../domain/ticket-fields";
import type { SlaEventHookInput, SlaSweepHooks } from "../jobs/definitions/sla-sweep.server";
import type { JobQueue } from "../jobs/types";
import { isUniqueViolation } from "../jobs/run-once.server";
import { channelAdapterFor, type ChannelAdapter } from "./channels/channel-adapter";
import { createNotifications, ticketAudience } from "./notifications.server";
import { slaColumnsAfterChange } from "./sla.server";

type Tx = Prisma.TransactionClient;

export const ESCALATION_EMAIL_JOB = "sla.escalation-email";
/**
 * Staff mail is not a customer channel (the email adapter sends stored ticket messages): it goes to
 * the adapter registered for this channel, the demo adapter (which records it) until one is.
 */
export const STAFF_EMAIL_CHANNEL = "staff_email";

const TARGET_WORDS: Record<string, string> = { first_response: "first response", next_response: "next response", resolution: "resolution" };

export function raisedPriority(priority: string): TicketPriority {
  const rank = Math.min(priorityRank(priority), TICKET_PRIORITIES.length - 1);
  return TICKET_PRIORITIES[Math.max(0, rank - 1)];
}

/** The available agent with the lowest load below their cap (not the current assignee), else a supervisor. */
export async function nextAssignee(tx: Tx, shopId: string, ticket: { id: string; priority: string; createdAt: Date; assigneeId: string | null }): Promise<string | null> {
  const agents = await tx.agent.findMany({
    where: { shopId, availability: "available", ...(ticket.assigneeId ? { id: { not: ticket.assigneeId } } : {}) },
    select: { id: true, maxOpenTickets: true, lastAssignedAt: true },
  });
  if (agents.length > 0) {
    const counts = await tx.ticket.groupBy({
      by: ["assigneeId"],
      where: { shopId, assigneeId: { in: agents.map((a) => a.id) }, status: { in: [...ACTIVE_STATUSES] }, mergedIntoId: null },
      _count: { _all: true },
    });
    const load = new Map(counts.map((row) => [row.assigneeId, row._count._all]));
    const [step] = planAssignments([ticket], agents.map((agent) => ({ ...agent, openTickets: load.get(agent.id) ?? 0 })));
    if (step) return step.agentId;
  }
  // Everyone is away or full: a supervisor takes it (available ones first).
  const supervisor = await tx.agent.findFirst({
    where: { shopId, role: { in: ["supervisor", "admin"] }, ...(ticket.assigneeId ? { id: { not: ticket.assigneeId } } : {}) },
    orderBy: [{ availability: "asc" }, { lastAssignedAt: "asc" }],
    select: { id: true },
  });
  return supervisor?.id ?? null;
}

/** The sweep's onEvent: what a warning or a breach does to the ticket. */
export async function escalateSlaEvent(tx: Tx, input: SlaEventHookInput): Promise<void> {
  const { ticket, event, context, ctx } = input;
  const settings = context.settings.escalation;
  const now = ctx.now;
  const breach = event.kind === "breach";
  const target = TARGET_WORDS[event.target] ?? event.target;
  const changes: { priority?: string; assigneeId?: string } = {};
  const events: Prisma.TicketEventCreateManyInput[] = [];
  const base = { shopId: ticket.shopId, ticketId: ticket.id, actorType: "automation", createdAt: now };

  if (settings.raisePriority && ticket.priority !== "urgent") {
    changes.priority = raisedPriority(ticket.priority);
    events.push({ ...base, type: "priority_changed", data: { from: ticket.priority, to: changes.priority, reason: `sla_${event.kind}` } });
  }
  if (breach && settings.reassign) {
    const assignee = await nextAssignee(tx, ticket.shopId, ticket);
    if (assignee && assignee !== ticket.assigneeId) {
      changes.assigneeId = assignee;
      events.push({ ...base, type: "assigned", data: { from: ticket.assigneeId, to: assignee, rule: "sla_escalation" } });
    }
  }
  if (Object.keys(changes).length > 0) {
    // Only if the ticket still is as the sweep read it; a concurrent edit wins and the escalation stops there.
    const sla = changes.priority ? slaColumnsAfterChange(context, { ...ticket, customer: null }, { priority: changes.priority }, now) : null;
    const { count } = await tx.ticket.updateMany({
      where: { id: ticket.id, shopId: ticket.shopId, priority: ticket.priority, assigneeId: ticket.assigneeId },
      data: { ...changes, ...(sla ?? {}), escalatedAt: now, escalationReason: `SLA ${event.kind}: ${target}`, lastActivityAt: now, updatedAt: now },
    });
    if (count === 1) {
      await tx.ticketEvent.createMany({ data: events });
      if (changes.assigneeId) await tx.agent.update({ where: { id: changes.assigneeId }, data: { lastAssignedAt: now } });
    }
  }
  const assigneeId = changes.assigneeId ?? ticket.assigneeId;
  const audience = await ticketAudience(tx, ticket.shopId, assigneeId);
  await createNotifications(
    tx,
    audience.map((agentId) => ({
      shopId: ticket.shopId,
      agentId,
      ticketId: ticket.id,
      kind: breach ? "sla_breach" : "sla_warning",
      title: breach ? `SLA breached on #${ticket.number}: ${target}` : `SLA at risk on #${ticket.number}: ${target} due soon`,
      body: `${ticket.subject} — due ${event.dueAt.toISOString()}`,
      now,
    })),
  );
}

export function escalationEmailKey(ticketId: string, eventKey: string): string {
  return `escalation_email:${ticketId}:${eventKey}`;
}

/** The sweep's hooks for the app: escalation in the event's transaction, the email as a job. */
export function escalationHooks(queue: () => JobQueue): SlaSweepHooks {
  return {
    async beforeRecord({ ticket, event, context }) {
      if (event.kind !== "breach" || !context.settings.escalation.emailSupervisor) return;
      const key = escalationEmailKey(ticket.id, event.dedupeKey);
      await queue().enqueue(ESCALATION_EMAIL_JOB, { shopId: ticket.shopId, ticketId: ticket.id, eventKey: event.dedupeKey }, { dedupeKey: `${ESCALATION_EMAIL_JOB}:${key}`, shopId: ticket.shopId, maxAttempts: 5 });
    },
    onEvent: escalateSlaEvent,
  };
}

export type EscalationEmailOutcome = "sent" | "no_event" | "already_sent" | "no_supervisor";

/** The email job's work: only for a recorded breach, at most once, through the channel adapter. */
export async function sendEscalationEmail(
  db: PrismaClient,
  payload: { shopId: string; ticketId: string; eventKey: string },
  now: Date,
  adapterFor: (channel: string) => ChannelAdapter = channelAdapterFor,
): Promise<EscalationEmailOutcome> {
  const recorded = await db.ticketEvent.findUnique({ where: { ticketId_dedupeKey: { ticketId: payload.ticketId, dedupeKey: payload.eventKey } } });
  // Enqueued before the event's transaction: without the event (it rolled back) there is nothing to say.
  if (!recorded || recorded.shopId !== payload.shopId) return "no_event";
  const ticket = await db.ticket.findFirstOrThrow({ where: { id: payload.ticketId, shopId: payload.shopId }, select: { number: true, subject: true } });
  const supervisors = await db.agent.findMany({ where: { shopId: payload.shopId, role: { in: ["supervisor", "admin"] }, email: { not: null } }, select: { email: true, name: true } });
  if (supervisors.length === 0) return "no_supervisor";
  const key = escalationEmailKey(payload.ticketId, payload.eventKey);
  try {
    await db.ticketEvent.create({ data: { shopId: payload.shopId, ticketId: payload.ticketId, type: "automation", actorType: "automation", dedupeKey: key, createdAt: now, data: { kind: "escalation_email", summary: `Supervisors emailed about the SLA breach (${supervisors.length})` } } });
  } catch (error) {
    if (isUniqueViolation(error)) return "already_sent";
    throw error;
  }
  const target = (recorded.data as { target?: string } | null)?.target ?? "SLA";
  const adapter = adapterFor(STAFF_EMAIL_CHANNEL);
  for (const supervisor of supervisors) {
    await adapter.send({
      shopId: payload.shopId,
      ticketId: payload.ticketId,
      messageId: `${key}:${supervisor.email}`,
      channel: STAFF_EMAIL_CHANNEL,
      to: { name: supervisor.name, email: supervisor.email, phone: null },
      subject: `SLA breached: #${ticket.number} ${ticket.subject}`,
      bodyText: `The ${TARGET_WORDS[target] ?? target} target of ticket #${ticket.number} ("${ticket.subject}") was breached. It has been escalated in Shopdesk.`,
      inReplyTo: null,
    });
  }
  return "sent";
}

// Field edits on one or many tickets (the ticket page and the inbox's bulk actions share this):
// scoped by shop, one timeline entry per changed field per ticket.
import { invalidateInboxCounts } from "../models/inbox-counts-cache.server";
import type { JobQueue } from "../jobs/types";
import { getJobQueue } from "../jobs/queue.server";
import { scheduleSnoozeWake } from "../jobs/definitions/snooze-wake.server";
import { scheduleSurveyInvitations } from "../jobs/definitions/survey-invitation.server";
import { loadSlaContext, slaColumnsAfterChange, type SlaFieldChanges } from "./sla.server";
import type { Prisma, PrismaClient } from "@prisma/client";
import {
  isOneOf,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_SEVERITIES,
  TICKET_STATUSES,
  type TicketCategory,
  type TicketPriority,
  type TicketSeverity,
  type TicketStatus,
} from "../domain/ticket-fields";

export interface TicketChanges {
  status?: TicketStatus;
  priority?: TicketPriority;
  severity?: TicketSeverity;
  category?: TicketCategory;
  assigneeId?: string | null;
  addTags?: string[];
  removeTags?: string[];
  /** A date snoozes (status snoozed until then); null wakes the ticket (status open). */
  snoozedUntil?: Date | null;
}

export interface UpdateTicketsInput {
  shopId: string;
  ticketIds: string[];
  actorAgentId: string | null;
  changes: TicketChanges;
  now?: Date;
  /** Optimistic concurrency for single-ticket forms: the ticket's updatedAt the form was rendered with. */
  expectedUpdatedAt?: Date;
  /** Who did it, for the timeline (agent by default; automation for rules). */
  actorType?: "agent" | "system" | "automation";
  /** Where snooze wake-ups are scheduled; the process's durable job queue by default. */
  jobs?: JobQueue;
}

export class TicketValidationError extends Error {
  constructor(readonly errors: Record<string, string>) {
    super(`Invalid ticket changes: ${Object.keys(errors).join(", ")}`);
  }
}

/** The ticket changed since the form was rendered. */
export class StaleTicketError extends Error {
  constructor(readonly ticketId: string) {
    super("This ticket was changed by someone else since you opened it.");
  }
}

export const MAX_TAG_LENGTH = 40;

export function normaliseTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}

function validate(changes: TicketChanges): Record<string, string> {
  const errors: Record<string, string> = {};
  if (changes.status !== undefined && !isOneOf(TICKET_STATUSES, changes.status)) errors.status = "invalid";
  if (changes.priority !== undefined && !isOneOf(TICKET_PRIORITIES, changes.priority)) errors.priority = "invalid";
  if (changes.severity !== undefined && !isOneOf(TICKET_SEVERITIES, changes.severity)) errors.severity = "invalid";
  if (changes.category !== undefined && !isOneOf(TICKET_CATEGORIES, changes.category)) errors.category = "invalid";
  if (changes.snoozedUntil && Number.isNaN(changes.snoozedUntil.getTime())) errors.snoozedUntil = "invalid";
  const tags = [...normaliseTags(changes.addTags), ...normaliseTags(changes.removeTags)];
  if (tags.some((tag) => tag.length > MAX_TAG_LENGTH)) errors.tags = "tooLong";
  return errors;
}

type TicketRow = Prisma.TicketGetPayload<{ include: { tags: true } }>;
interface EventDraft {
  type: string;
  data: Prisma.InputJsonObject;
}

/** What changes on one ticket: the column updates and the timeline entries they produce. */
function plan(ticket: TicketRow, changes: TicketChanges, now: Date) {
  const data: Prisma.TicketUncheckedUpdateInput = {};
  const events: EventDraft[] = [];
  let status = changes.status;
  if (changes.snoozedUntil !== undefined) {
    const previous = ticket.snoozedUntil?.getTime() ?? null;
    const next = changes.snoozedUntil?.getTime() ?? null;
    if (changes.snoozedUntil) status ??= "snoozed";
    else if (ticket.status === "snoozed") status ??= "open";
    if (previous !== next) {
      data.snoozedUntil = changes.snoozedUntil;
      events.push({ type: "snoozed", data: { from: ticket.snoozedUntil?.toISOString() ?? null, to: changes.snoozedUntil?.toISOString() ?? null } });
    }
  }
  if (status !== undefined && status !== ticket.status) {
    data.status = status;
    events.push({ type: "status_changed", data: { from: ticket.status, to: status } });
    if (status !== "snoozed" && ticket.snoozedUntil && changes.snoozedUntil === undefined) data.snoozedUntil = null;
    if (status === "resolved") data.resolvedAt = now;
    if (status === "closed") data.closedAt = now;
    if ((ticket.status === "resolved" || ticket.status === "closed") && (status === "open" || status === "pending")) {
      data.reopenCount = { increment: 1 };
      data.resolvedAt = null;
      data.closedAt = null;
    }
  }
  for (const field of ["priority", "severity", "category"] as const) {
    const value = changes[field];
    if (value !== undefined && value !== ticket[field]) {
      data[field] = value;
      events.push({ type: `${field}_changed`, data: { from: ticket[field], to: value } });
    }
  }
  if (changes.assigneeId !== undefined && changes.assigneeId !== ticket.assigneeId) {
    data.assigneeId = changes.assigneeId;
    events.push({ type: "assigned", data: { from: ticket.assigneeId, to: changes.assigneeId } });
  }
  const current = new Set(ticket.tags.map((tag) => tag.tag));
  const removed = normaliseTags(changes.removeTags).filter((tag) => current.has(tag));
  const added = normaliseTags(changes.addTags).filter((tag) => !current.has(tag) && !removed.includes(tag));
  if (added.length > 0 || removed.length > 0) events.push({ type: "tags_changed", data: { added, removed } });
  return { data, events, added, removed };
}

export async function updateTickets(db: PrismaClient, input: UpdateTicketsInput): Promise<{ updated: number }> {
  const now = input.now ?? new Date();
  const errors = validate(input.changes);
  if (input.changes.assigneeId) {
    const agent = await db.agent.findFirst({ where: { id: input.changes.assigneeId, shopId: input.shopId }, select: { id: true } });
    if (!agent) errors.assigneeId = "unknown";
  }
  if (Object.keys(errors).length > 0) throw new TicketValidationError(errors);

  const tickets = await db.ticket.findMany({
    where: { shopId: input.shopId, id: { in: [...new Set(input.ticketIds)] } },
    include: { tags: true, customer: { select: { lifetimeSpent: true, ordersCount: true } } },
  });
  // Status, priority, severity and category decide the applied SLA (app/services/sla.server.ts).
  const { status, priority, severity, category } = input.changes;
  const slaContext = [status, priority, severity, category, input.changes.snoozedUntil].some((v) => v !== undefined) ? await loadSlaContext(db, input.shopId) : null;
  let updated = 0;
  for (const ticket of tickets) {
    if (input.expectedUpdatedAt && ticket.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) throw new StaleTicketError(ticket.id);
    const { data, events, added, removed } = plan(ticket, input.changes, now);
    if (events.length === 0) continue;
    // Auto-submitted mail owes nobody a reply: it stays off the clock.
    const sla = slaContext && !ticket.tags.some((t) => t.tag === "auto_submitted") ? slaColumnsAfterChange(slaContext, ticket, data as SlaFieldChanges, now) : null;
    if (sla) Object.assign(data, sla);
    const applied = await db.$transaction(async (tx) => {
      // The updatedAt guard makes a concurrent edit lose cleanly instead of overwriting silently.
      const { count } = await tx.ticket.updateMany({
        where: { id: ticket.id, shopId: input.shopId, updatedAt: ticket.updatedAt },
        data: { ...(data as Prisma.TicketUncheckedUpdateManyInput), lastActivityAt: now, updatedAt: now },
      });
      if (count !== 1) {
        // A single-ticket form reports the conflict; a bulk action skips the ticket someone just changed.
        if (input.expectedUpdatedAt) throw new StaleTicketError(ticket.id);
        return false;
      }
      if (removed.length > 0) await tx.ticketTag.deleteMany({ where: { ticketId: ticket.id, shopId: input.shopId, tag: { in: removed } } });
      if (added.length > 0) await tx.ticketTag.createMany({ data: added.map((tag) => ({ ticketId: ticket.id, shopId: input.shopId, tag })) });
      if (data.assigneeId) await tx.agent.updateMany({ where: { id: data.assigneeId as string, shopId: input.shopId }, data: { lastAssignedAt: now } });
      await tx.ticketEvent.createMany({
        data: events.map((event) => ({
          shopId: input.shopId,
          ticketId: ticket.id,
          type: event.type,
          actorType: input.actorType ?? (input.actorAgentId ? "agent" : "system"),
          actorAgentId: input.actorAgentId,
          data: event.data,
          createdAt: now,
        })),
      });
      return true;
    });
    if (!applied) continue;
    updated += 1;
    // The wake-up is a durable job: it survives restarts and does nothing if the snooze changed meanwhile.
    if (data.snoozedUntil instanceof Date) {
      await scheduleSnoozeWake(input.jobs ?? getJobQueue(), { shopId: input.shopId, ticketId: ticket.id, snoozedUntil: data.snoozedUntil });
    }
    // The customer's rating is asked for a while after the resolution (the job re-checks then).
    if (data.status === "resolved") await scheduleSurveyInvitations(db, input.jobs ?? getJobQueue(), { shopId: input.shopId, ticketId: ticket.id, resolvedAt: now });
  }
  invalidateInboxCounts(input.shopId);
  return { updated };
}

/** Snoozed tickets whose time has come go back to open (for a periodic job; the page shows when they wake). */
export async function wakeSnoozedTickets(db: PrismaClient, input: { shopId: string; now?: Date }): Promise<{ woken: number }> {
  const now = input.now ?? new Date();
  const due = await db.ticket.findMany({ where: { shopId: input.shopId, status: "snoozed", snoozedUntil: { lte: now } }, select: { id: true } });
  if (due.length === 0) return { woken: 0 };
  const { updated } = await updateTickets(db, {
    shopId: input.shopId,
    ticketIds: due.map((ticket) => ticket.id),
    actorAgentId: null,
    actorType: "system",
    changes: { snoozedUntil: null },
    now,
  });
  return { woken: updated };
}

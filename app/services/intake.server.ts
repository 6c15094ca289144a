// THE path of every inbound customer message (storefront contact form, email, later chat): customer
// matched or created, ticket created (numbered from Shop.nextTicketNumber) or appended to, message
// stored, triage and SLA applied, timeline, search document and inbox counts kept current, and the
// auto-acknowledgement scheduled. One transaction per message; a repeat of a channel message id
// returns the first result and stores nothing. See docs/response-time.md.
import type { Prisma, PrismaClient, Ticket } from "@prisma/client";
import { z } from "zod";
import { SLA_NOTHING_DUE } from "../domain/sla";
import { triageMessage, type TriageResult } from "../domain/triage/triage";
import { automationRuleSchema, type AutomationRuleSpec } from "../domain/triage/rules";
import { priorityRank, TICKET_CHANNELS, TICKET_SEVERITIES, type TicketChannel } from "../domain/ticket-fields";
import { getJobQueue } from "../jobs/queue.server";
import { isUniqueViolation } from "../jobs/run-once.server";
import type { JobQueue } from "../jobs/types";
import { invalidateInboxCounts } from "../models/inbox-counts-cache.server";
import { refreshSearchDocument } from "../models/ticket-search.server";
import { scheduleAutoAcknowledgement, scheduleRuleReplies } from "./auto-ack.server";
import { snippetOf } from "./merge-tickets.server";
import { notifyL1Alert } from "./notifications.server";
import { applySla, loadSlaContext, pauseCredit, segmentOf, slaFactsOf, type SlaContext } from "./sla.server";
import { normaliseTags } from "./ticket-updates.server";
import { resolveCustomer, type InboundSender } from "./intake-customer.server";

export interface InboundMessageInput {
  shopId: string;
  channel: TicketChannel;
  from: InboundSender;
  subject: string;
  bodyText: string;
  /** Already sanitised by the caller. */
  bodyHtml?: string | null;
  /** Append to this ticket of the shop (threading resolved by the caller); reopened if resolved/closed. */
  ticketId?: string | null;
  /** De-duplication: a repeat (shopId, channel, channelMessageId) returns the first result and stores nothing. */
  channelMessageId?: string | null;
  inReplyTo?: string | null;
  language?: string | null;
  /** Verified by the caller; linked with linkedBy "customer". */
  orders?: { shopifyOrderId: string; orderName: string }[];
  /** Auto-replies and bounces: recorded on a ticket, never answered, no auto-acknowledgement, no SLA clock. */
  autoSubmitted?: boolean;
  /** Stored already (the caller's storage key); photos count as evidence for damage claims. */
  attachments?: { filename: string; contentType: string; sizeBytes: number; storageKey: string }[];
  receivedAt?: Date;
}

export interface InboundMessageResult {
  ticketId: string;
  ticketNumber: number;
  messageId: string;
  created: boolean;
  duplicate: boolean;
  /** When the shop promises a reply (the open response target), null when none is owed. */
  expectedReplyBy: Date | null;
}

export interface IntakeOptions {
  /** Where the auto-acknowledgement is scheduled; the process's durable job queue by default. */
  jobs?: JobQueue;
}

/** Bad input from the caller: map to a 4xx with `errors`. */
export class IntakeValidationError extends Error {
  constructor(readonly errors: Record<string, string>) {
    super(`Invalid inbound message: ${Object.entries(errors).map(([field, problem]) => `${field} ${problem}`).join(", ")}`);
  }
}

const MAX_BODY_CHARS = 1_000_000;
const MAX_SUBJECT_CHARS = 998; // RFC 5322 line limit
const MAX_TRIAGE_REASONS = 60;

const inputSchema = z.object({
  shopId: z.string().min(1),
  channel: z.enum(TICKET_CHANNELS),
  subject: z.string().max(MAX_SUBJECT_CHARS),
  bodyText: z.string().max(MAX_BODY_CHARS),
  channelMessageId: z.string().max(998).nullish(),
  orders: z.array(z.object({ shopifyOrderId: z.string().min(1), orderName: z.string().min(1) })).max(50).optional(),
});

function validate(input: InboundMessageInput): void {
  const parsed = inputSchema.safeParse(input);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join(".") || "input"] = issue.message;
  if (!input.bodyText?.trim() && !input.subject?.trim() && !input.attachments?.length) errors.bodyText = "empty message";
  if (input.receivedAt && Number.isNaN(input.receivedAt.getTime())) errors.receivedAt = "invalid date";
  if (Object.keys(errors).length > 0) throw new IntakeValidationError(errors);
}

export function expectedReplyOf(ticket: Pick<Ticket, "firstRespondedAt" | "firstResponseDueAt" | "nextResponseDueAt" | "slaPausedAt" | "status">): Date | null {
  if (ticket.slaPausedAt || ticket.status === "resolved" || ticket.status === "closed") return null;
  return ticket.firstRespondedAt ? ticket.nextResponseDueAt : ticket.firstResponseDueAt;
}

async function findDuplicate(db: PrismaClient, input: InboundMessageInput): Promise<InboundMessageResult | null> {
  if (!input.channelMessageId) return null;
  const message = await db.message.findFirst({
    where: { shopId: input.shopId, channel: input.channel, channelMessageId: input.channelMessageId },
    select: { id: true, ticket: true },
  });
  if (!message) return null;
  const { ticket } = message;
  return { ticketId: ticket.id, ticketNumber: ticket.number, messageId: message.id, created: false, duplicate: true, expectedReplyBy: expectedReplyOf(ticket) };
}

async function loadTriageRules(db: PrismaClient, shopId: string): Promise<AutomationRuleSpec[]> {
  const rows = await db.automationRule.findMany({ where: { shopId, kind: "triage", enabled: true }, orderBy: { position: "asc" } });
  return rows.flatMap((row) => {
    const parsed = automationRuleSchema.safeParse({ ...row, conditions: row.conditions, actions: row.actions });
    return parsed.success ? [parsed.data] : [];
  });
}

/** The target ticket of an append: scoped by shop, following a merge to the surviving ticket. */
async function findThread(db: PrismaClient, shopId: string, ticketId: string | null | undefined): Promise<Ticket | null> {
  if (!ticketId) return null;
  const ticket = await db.ticket.findFirst({ where: { id: ticketId, shopId } });
  if (!ticket?.mergedIntoId) return ticket;
  return (await db.ticket.findFirst({ where: { id: ticket.mergedIntoId, shopId } })) ?? ticket;
}

interface TriageLookups {
  rules: AutomationRuleSpec[];
  orderFulfillmentStatus: string | null | undefined;
}

/** What triage reads from the database, loaded before the transaction. */
async function loadTriageLookups(db: PrismaClient, input: InboundMessageInput): Promise<TriageLookups> {
  const firstOrder = input.orders?.[0];
  const [rules, snapshot] = await Promise.all([
    loadTriageRules(db, input.shopId),
    firstOrder
      ? db.orderSnapshot.findUnique({ where: { shopId_shopifyOrderId: { shopId: input.shopId, shopifyOrderId: firstOrder.shopifyOrderId } }, select: { fulfillmentStatus: true } })
      : null,
  ]);
  return { rules, orderFulfillmentStatus: snapshot ? snapshot.fulfillmentStatus : undefined };
}

function runTriage(input: InboundMessageInput, context: SlaContext, lookups: TriageLookups, customer: { lifetimeSpent: Prisma.Decimal | null; ordersCount: number | null } | null) {
  return triageMessage({
    subject: input.subject,
    text: input.bodyText,
    attachments: input.attachments?.map(({ filename, contentType }) => ({ filename, contentType })),
    customer: customer && customer.lifetimeSpent !== null && customer.ordersCount !== null ? { lifetimeSpent: Number(customer.lifetimeSpent), ordersCount: customer.ordersCount } : undefined,
    order: lookups.orderFulfillmentStatus !== undefined ? { displayFulfillmentStatus: lookups.orderFulfillmentStatus, deliveredAt: null } : undefined,
    channel: input.channel,
    keywordOverrides: context.settings.triage.keywordOverrides,
    rules: lookups.rules,
    vipThresholds: context.settings.triage.vipThresholds,
  });
}

function triageSummary(triage: TriageResult): string {
  return `Triage: ${triage.category}, ${triage.severity}, ${triage.priority}${triage.escalate ? ", escalated to a human" : ""}`;
}

type EventRow = Prisma.TicketEventCreateManyInput;

export async function receiveInboundMessage(db: PrismaClient, input: InboundMessageInput, options: IntakeOptions = {}): Promise<InboundMessageResult> {
  validate(input);
  const duplicate = await findDuplicate(db, input);
  if (duplicate) return duplicate;
  const receivedAt = input.receivedAt ?? new Date();
  const context = await loadSlaContext(db, input.shopId);
  const thread = await findThread(db, input.shopId, input.ticketId);
  const autoSubmitted = input.autoSubmitted === true;
  const lookups = await loadTriageLookups(db, input);

  let outcome: { ticket: Ticket; messageId: string; created: boolean; triage: TriageResult };
  try {
    outcome = await db.$transaction(async (tx) => {
      const customer = thread?.customerId
        ? await tx.customer.findFirst({ where: { id: thread.customerId, shopId: input.shopId } })
        : await resolveCustomer(tx, input.shopId, input.from, input.language ?? null);
      const triage = runTriage(input, context, lookups, customer);
      const segment = segmentOf(customer, context.settings);
      const { ticket, events, created } = thread
        ? await appendToTicket(tx, { thread, input, triage, context, segment, receivedAt, autoSubmitted })
        : await createTicket(tx, { input, triage, context, segment, receivedAt, autoSubmitted, customerId: customer?.id ?? null });
      const message = await tx.message.create({
        data: {
          shopId: input.shopId,
          ticketId: ticket.id,
          direction: "inbound",
          authorType: "customer",
          authorName: input.from.name ?? customer?.displayName ?? null,
          bodyText: input.bodyText,
          bodyHtml: input.bodyHtml ?? null,
          channel: input.channel,
          channelMessageId: input.channelMessageId ?? null,
          inReplyTo: input.inReplyTo ?? null,
          isAutomated: autoSubmitted,
          createdAt: receivedAt,
          attachments: input.attachments?.length ? { create: input.attachments.map((a) => ({ ...a, shopId: input.shopId })) } : undefined,
        },
      });
      for (const order of input.orders ?? []) {
        const key = { ticketId_shopifyOrderId: { ticketId: ticket.id, shopifyOrderId: order.shopifyOrderId } };
        if (await tx.ticketOrder.findUnique({ where: key })) continue;
        await tx.ticketOrder.create({ data: { ticketId: ticket.id, shopId: input.shopId, shopifyOrderId: order.shopifyOrderId, orderName: order.orderName, linkedBy: "customer" } });
        events.push({ type: "order_linked", data: { orderId: order.shopifyOrderId, orderName: order.orderName, linkedBy: "customer" } });
      }
      const newTags = normaliseTags(autoSubmitted ? ["auto_submitted"] : triage.tags);
      const existingTags = new Set((await tx.ticketTag.findMany({ where: { ticketId: ticket.id }, select: { tag: true } })).map((t) => t.tag));
      const added = newTags.filter((tag) => !existingTags.has(tag));
      if (added.length > 0) await tx.ticketTag.createMany({ data: added.map((tag) => ({ ticketId: ticket.id, shopId: input.shopId, tag })) });
      await tx.ticketEvent.createMany({
        data: events.map((event): EventRow => ({
          shopId: input.shopId,
          ticketId: ticket.id,
          actorType: "automation",
          createdAt: receivedAt,
          ...event,
          data: { ...(event.data as Prisma.InputJsonObject), messageId: message.id },
        })),
      });
      const alert = !autoSubmitted && triage.severity === "L1" && (created || thread?.severity !== "L1");
      if (alert) await notifyL1Alert(tx, { shopId: input.shopId, ticket, triage, now: receivedAt });
      return { ticket, messageId: message.id, created, triage };
    });
  } catch (error) {
    // Two deliveries of the same message raced: the second insert lost; answer like a repeat.
    if (isUniqueViolation(error)) {
      const raced = await findDuplicate(db, input);
      if (raced) return raced;
    }
    throw error;
  }

  await refreshSearchDocument(db, input.shopId, outcome.ticket.id);
  invalidateInboxCounts(input.shopId);
  if (!autoSubmitted && !outcome.ticket.automationDisabled) {
    const jobs = options.jobs ?? getJobQueue();
    await scheduleAutoAcknowledgement(db, jobs, { context, ticket: outcome.ticket, receivedAt });
    const templateIds = outcome.triage.autoReplyTemplateIds;
    if (templateIds.length > 0) await scheduleRuleReplies(jobs, { ticket: outcome.ticket, templateIds, receivedAt, delaySeconds: context.settings.autoAck.delaySeconds });
  }
  return {
    ticketId: outcome.ticket.id,
    ticketNumber: outcome.ticket.number,
    messageId: outcome.messageId,
    created: outcome.created,
    duplicate: false,
    expectedReplyBy: expectedReplyOf(outcome.ticket),
  };
}

interface TicketDraftInput {
  input: InboundMessageInput;
  triage: TriageResult;
  context: SlaContext;
  segment: ReturnType<typeof segmentOf>;
  receivedAt: Date;
  autoSubmitted: boolean;
}

type EventDraft = Pick<EventRow, "type" | "data" | "dedupeKey">;

async function createTicket(tx: Prisma.TransactionClient, draft: TicketDraftInput & { customerId: string | null }) {
  const { input, triage, context, receivedAt, autoSubmitted } = draft;
  const { nextTicketNumber } = await tx.shop.update({ where: { id: input.shopId }, data: { nextTicketNumber: { increment: 1 } }, select: { nextTicketNumber: true } });
  const assigneeId = triage.assignTo ? ((await tx.agent.findFirst({ where: { id: triage.assignTo, shopId: input.shopId }, select: { id: true } }))?.id ?? null) : null;
  const escalate = triage.escalate && !autoSubmitted;
  const fields = { priority: triage.priority, severity: triage.severity, category: triage.category, channel: input.channel };
  const clock = {
    createdAt: receivedAt,
    firstRespondedAt: null,
    lastCustomerMessageAt: receivedAt,
    lastAgentMessageAt: null,
    waitingSince: autoSubmitted ? null : receivedAt,
    slaPausedAt: null,
    slaPausedMinutes: 0,
    resolvedAt: null,
  };
  // Nothing is owed to a robot: an auto-submitted message gets no SLA clock.
  const sla = autoSubmitted ? null : applySla(context, slaFactsOf(fields, draft.segment), clock, receivedAt);
  const ticket = await tx.ticket.create({
    data: {
      shopId: input.shopId,
      number: nextTicketNumber - 1,
      subject: input.subject.trim() || snippetOf(input.bodyText).slice(0, 120) || "(no subject)",
      ...fields,
      language: input.language ?? null,
      snippet: snippetOf(input.bodyText),
      customerId: draft.customerId,
      assigneeId,
      ...clock,
      lastActivityAt: receivedAt,
      slaPolicyId: sla?.slaPolicyId ?? null,
      firstResponseDueAt: sla?.firstResponseDueAt ?? null,
      nextResponseDueAt: sla?.nextResponseDueAt ?? null,
      resolutionDueAt: sla?.resolutionDueAt ?? null,
      slaDueAt: sla?.slaDueAt ?? null,
      slaNextEventAt: sla?.slaNextEventAt ?? SLA_NOTHING_DUE,
      escalatedAt: escalate ? receivedAt : null,
      escalationReason: escalate ? triage.reasons.filter((r) => r.rule.startsWith("escalation:")).map((r) => r.detail).join("; ").slice(0, 500) : null,
      automationDisabled: triage.automationDisabled || autoSubmitted,
      unread: true,
      triageReasons: triage.reasons as unknown as Prisma.InputJsonArray,
    },
  });
  const events: EventDraft[] = [
    { type: "created", data: { channel: input.channel } },
    { type: "automation", data: { kind: "triage", summary: triageSummary(triage), reasons: triage.reasons as unknown as Prisma.InputJsonArray } },
  ];
  if (sla?.policy) {
    events.push({ type: "automation", data: { kind: "sla_applied", summary: `SLA: ${sla.policy.name}`, policyId: sla.policy.id, firstResponseDueAt: sla.firstResponseDueAt?.toISOString() ?? null } });
  }
  if (assigneeId) events.push({ type: "assigned", data: { from: null, to: assigneeId, rule: "triage" } });
  if (autoSubmitted) events.push({ type: "automation", data: { kind: "auto_submitted", summary: "Auto-submitted message (auto-reply or bounce): not answered" } });
  return { ticket, events, created: true };
}

/** The higher severity (L1 beats L2 beats L3). */
function maxSeverity(a: string, b: string): string {
  return TICKET_SEVERITIES.indexOf(a as never) <= TICKET_SEVERITIES.indexOf(b as never) ? a : b;
}

async function appendToTicket(tx: Prisma.TransactionClient, draft: TicketDraftInput & { thread: Ticket }) {
  const { thread, input, triage, context, receivedAt, autoSubmitted } = draft;
  const events: EventDraft[] = [{ type: "automation", data: { kind: "message_received", summary: autoSubmitted ? "Auto-submitted message received" : "Customer message received" } }];
  if (autoSubmitted) {
    // Recorded and visible, but it neither reopens the ticket nor restarts a clock.
    const ticket = await tx.ticket.update({ where: { id: thread.id }, data: { lastActivityAt: receivedAt, unread: true } });
    return { ticket, events, created: false };
  }
  const data: Prisma.TicketUncheckedUpdateInput = {};
  let pausedMinutes = thread.slaPausedMinutes;
  if (thread.status !== "open") {
    data.status = "open";
    events.push({ type: "status_changed", data: { from: thread.status, to: "open", reason: "customer_message" } });
    if (thread.status === "snoozed") data.snoozedUntil = null;
    if (thread.status === "resolved" || thread.status === "closed") {
      data.reopenCount = { increment: 1 };
      data.resolvedAt = null;
      data.closedAt = null;
      // The time it sat resolved is not held against the resolution target.
      if (thread.resolvedAt) pausedMinutes += pauseCredit(context, { ...thread, slaPausedAt: thread.resolvedAt }, receivedAt);
    }
  }
  // A new customer message ends the wait on the customer: the pause is credited, the clocks run again.
  if (thread.slaPausedAt) pausedMinutes += pauseCredit(context, thread, receivedAt);

  // Triage of a follow-up only raises: severity, priority and the hand-over to a human never go down.
  const severity = maxSeverity(thread.severity, triage.severity);
  const priority = priorityRank(triage.priority) < priorityRank(thread.priority) ? triage.priority : thread.priority;
  const category = thread.category === "other" && triage.category !== "other" ? triage.category : thread.category;
  for (const [field, before, after] of [["severity", thread.severity, severity], ["priority", thread.priority, priority], ["category", thread.category, category]] as const) {
    if (before !== after) events.push({ type: `${field}_changed`, data: { from: before, to: after, reason: "triage" } });
  }
  const newlyEscalated = triage.escalate && !thread.escalatedAt;
  events.push({ type: "automation", data: { kind: "triage", summary: triageSummary(triage), reasons: triage.reasons as unknown as Prisma.InputJsonArray } });

  const clock = {
    createdAt: thread.createdAt,
    firstRespondedAt: thread.firstRespondedAt,
    lastCustomerMessageAt: receivedAt,
    lastAgentMessageAt: thread.lastAgentMessageAt,
    waitingSince: thread.waitingSince ?? receivedAt,
    slaPausedAt: null,
    slaPausedMinutes: pausedMinutes,
    resolvedAt: null,
  };
  const sla = applySla(context, slaFactsOf({ severity, priority, category, channel: thread.channel }, draft.segment), clock, receivedAt);
  const previousReasons = Array.isArray(thread.triageReasons) ? (thread.triageReasons as Prisma.JsonArray) : [];
  const ticket = await tx.ticket.update({
    where: { id: thread.id },
    data: {
      ...data,
      severity,
      priority,
      category,
      ...clock,
      createdAt: undefined,
      snippet: snippetOf(input.bodyText),
      lastActivityAt: receivedAt,
      unread: true,
      slaPolicyId: sla.slaPolicyId,
      firstResponseDueAt: sla.firstResponseDueAt,
      nextResponseDueAt: sla.nextResponseDueAt,
      resolutionDueAt: sla.resolutionDueAt,
      slaDueAt: sla.slaDueAt,
      slaNextEventAt: sla.slaNextEventAt,
      automationDisabled: thread.automationDisabled || triage.automationDisabled,
      ...(newlyEscalated ? { escalatedAt: receivedAt, escalationReason: triage.reasons.filter((r) => r.rule.startsWith("escalation:")).map((r) => r.detail).join("; ").slice(0, 500) } : {}),
      triageReasons: [...previousReasons, ...(triage.reasons as unknown as Prisma.JsonArray)].slice(-MAX_TRIAGE_REASONS) as Prisma.InputJsonArray,
    },
  });
  return { ticket, events, created: false };
}

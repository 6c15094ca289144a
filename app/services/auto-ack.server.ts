// Auto-acknowledgement: a message arriving while the shop is closed (or while the first-reply queue
// is long) gets one reply from the "auto-acknowledgement" template stating when a human will answer.
// Once per ticket per closed period (AutomatedSend.eventKey), as a delayed durable job so an agent
// who answers meanwhile makes it unnecessary; customer quiet hours and the per-customer cap apply.
// It never counts as a first response: no SLA column is touched.
import type { PrismaClient, Ticket } from "@prisma/client";
import { isOpenAt, nextOpenAt } from "../domain/business-hours";
import { automatedSendTime } from "../domain/quiet-hours";
import { buildTemplateContext } from "../domain/templates/context";
import { renderTemplate } from "../domain/templates/engine";
import { chooseVariant } from "../domain/templates/language";
import { SEEDED_TEMPLATES } from "../domain/templates/library";
import { isUniqueViolation } from "../jobs/run-once.server";
import type { EnqueueResult, JobContext, JobQueue } from "../jobs/types";
import { invalidateInboxCounts } from "../models/inbox-counts-cache.server";
import { channelAdapterFor, type ChannelAdapter } from "./channels/channel-adapter";
import { loadSlaContext, scheduleFor, type SlaContext } from "./sla.server";

export const AUTO_ACK_JOB = "ticket.auto-ack";
export const AUTO_ACK_KIND = "auto_ack";
/** A triage rule's "auto_reply" action: the same delayed, quiet-hours-aware send with the rule's template. */
export const RULE_REPLY_KIND = "rule_reply";

export interface AutoAckPayload {
  shopId: string;
  ticketId: string;
  /** Identifies the closed period (the opening that ends it) or the long-queue day. */
  periodKey: string;
  reason: "closed" | "queue" | "rule";
  /** The customer message that asked for it: a reply after it makes the acknowledgement moot. */
  receivedAt: string;
  /** A rule reply's template (a Template row of the shop). */
  templateId?: string;
}

const kindOf = (payload: Pick<AutoAckPayload, "reason">) => (payload.reason === "rule" ? RULE_REPLY_KIND : AUTO_ACK_KIND);

export function autoAckEventKey(ticketId: string, periodKey: string, kind: string = AUTO_ACK_KIND): string {
  return `${kind}:${ticketId}:${periodKey}`;
}

/** Schedules the auto_reply actions of the triage rules that fired on a message (one per template and message). */
export async function scheduleRuleReplies(
  queue: JobQueue,
  input: { ticket: Pick<Ticket, "id" | "shopId">; templateIds: readonly string[]; receivedAt: Date; delaySeconds: number },
): Promise<void> {
  for (const templateId of new Set(input.templateIds)) {
    const payload: AutoAckPayload = {
      shopId: input.ticket.shopId,
      ticketId: input.ticket.id,
      reason: "rule",
      templateId,
      periodKey: `${templateId}:${input.receivedAt.toISOString()}`,
      receivedAt: input.receivedAt.toISOString(),
    };
    await queue.enqueue(AUTO_ACK_JOB, payload, {
      runAt: new Date(input.receivedAt.getTime() + input.delaySeconds * 1000),
      dedupeKey: `${AUTO_ACK_JOB}:${autoAckEventKey(payload.ticketId, payload.periodKey, RULE_REPLY_KIND)}`,
      shopId: payload.shopId,
    });
  }
}

export type AutoAckPlan = { acknowledge: false; reason: string } | { acknowledge: true; payload: AutoAckPayload; runAt: Date };

/** Should this message be acknowledged, and when (before quiet hours, which the job applies)? */
export async function planAutoAcknowledgement(
  db: PrismaClient,
  input: { context: SlaContext; ticket: Pick<Ticket, "id" | "shopId" | "channel" | "automationDisabled" | "escalatedAt">; receivedAt: Date },
): Promise<AutoAckPlan> {
  const settings = input.context.settings.autoAck;
  if (!settings.enabled) return { acknowledge: false, reason: "disabled" };
  if (input.ticket.automationDisabled || input.ticket.escalatedAt) return { acknowledge: false, reason: "human_only" };
  const schedule = scheduleFor(input.context, input.ticket.channel);
  const base = { shopId: input.ticket.shopId, ticketId: input.ticket.id, receivedAt: input.receivedAt.toISOString() };
  const runAt = new Date(input.receivedAt.getTime() + settings.delaySeconds * 1000);
  if (!isOpenAt(schedule, input.receivedAt)) {
    if (!settings.outsideBusinessHours) return { acknowledge: false, reason: "closed_ack_off" };
    const opensAt = nextOpenAt(schedule, input.receivedAt);
    return { acknowledge: true, runAt, payload: { ...base, reason: "closed", periodKey: `closed:${opensAt?.toISOString() ?? "never"}` } };
  }
  if (settings.queueThreshold > 0) {
    const waiting = await db.ticket.count({ where: { shopId: input.ticket.shopId, status: "open", firstRespondedAt: null, mergedIntoId: null } });
    if (waiting >= settings.queueThreshold) {
      // One per ticket per day of a long queue.
      return { acknowledge: true, runAt, payload: { ...base, reason: "queue", periodKey: `queue:${input.receivedAt.toISOString().slice(0, 10)}` } };
    }
  }
  return { acknowledge: false, reason: "open" };
}

export async function scheduleAutoAcknowledgement(
  db: PrismaClient,
  queue: JobQueue,
  input: Parameters<typeof planAutoAcknowledgement>[1],
): Promise<EnqueueResult | null> {
  const plan = await planAutoAcknowledgement(db, input);
  if (!plan.acknowledge) return null;
  return queue.enqueue(AUTO_ACK_JOB, plan.payload, {
    runAt: plan.runAt,
    dedupeKey: `${AUTO_ACK_JOB}:${autoAckEventKey(plan.payload.ticketId, plan.payload.periodKey)}`,
    shopId: plan.payload.shopId,
  });
}

const SENT_SUMMARY: Record<AutoAckPayload["reason"], string> = {
  closed: "Auto-acknowledgement sent (outside business hours)",
  queue: "Auto-acknowledgement sent (long queue)",
  rule: "Automatic reply sent (triage rule)",
};

export type AutoAckOutcome =
  | { kind: "sent"; messageId: string }
  | { kind: "skipped"; reason: string }
  | { kind: "deferred"; until: Date }
  | { kind: "already_done" };

async function recordSkip(db: PrismaClient, payload: AutoAckPayload, customerId: string | null, reason: string, now: Date): Promise<AutoAckOutcome> {
  try {
    await db.automatedSend.create({
      data: { shopId: payload.shopId, customerId, ticketId: payload.ticketId, kind: kindOf(payload), eventKey: autoAckEventKey(payload.ticketId, payload.periodKey, kindOf(payload)), status: "skipped", reason, createdAt: now },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { kind: "already_done" };
  }
  return { kind: "skipped", reason };
}

/** A rule's template by id (active, of this shop), else the shop's copy of the library template, else the library's. */
async function loadTemplate(db: PrismaClient, shopId: string, key: string, templateId?: string) {
  if (templateId) {
    const chosen = await db.template.findFirst({ where: { id: templateId, shopId, status: "active" }, include: { variants: true } });
    if (!chosen || chosen.variants.length === 0) return null;
    return { templateId: chosen.id, variants: Object.fromEntries(chosen.variants.map((v) => [v.language, { subject: v.subject, body: v.body }])) };
  }
  const seeded = SEEDED_TEMPLATES.find((template) => template.key === key) ?? SEEDED_TEMPLATES.find((template) => template.key === "auto_ack_out_of_hours")!;
  const row = await db.template.findFirst({ where: { shopId, name: seeded.name, status: "active" }, include: { variants: true } });
  if (row && row.variants.length > 0) {
    return { templateId: row.id, variants: Object.fromEntries(row.variants.map((v) => [v.language, { subject: v.subject, body: v.body }])) };
  }
  return { templateId: null, variants: Object.fromEntries(Object.entries(seeded.variants).map(([language, v]) => [language, { subject: v?.subject ?? null, body: v?.body ?? "" }])) };
}

export interface AutoAckDeps {
  adapterFor?: (channel: string) => ChannelAdapter;
  /** Re-enqueues the job for later (quiet hours); the job definition passes its queue. */
  defer?: (payload: AutoAckPayload, until: Date) => Promise<void>;
}

/** The job's work: decide again at send time, then send once. */
export async function runAutoAcknowledgement(payload: AutoAckPayload, ctx: Pick<JobContext, "db" | "now">, deps: AutoAckDeps = {}): Promise<AutoAckOutcome> {
  const { db, now } = ctx;
  const kind = kindOf(payload);
  const eventKey = autoAckEventKey(payload.ticketId, payload.periodKey, kind);
  const done = await db.automatedSend.findUnique({ where: { shopId_eventKey: { shopId: payload.shopId, eventKey } }, select: { status: true, messageId: true } });
  if (done) {
    // A worker lost between recording and delivering: deliver the stored message now.
    if (done.messageId) await deliverIfQueued(db, done.messageId, deps);
    return { kind: "already_done" };
  }
  const ticket = await db.ticket.findFirst({
    where: { id: payload.ticketId, shopId: payload.shopId },
    include: { customer: true, shop: { select: { name: true, email: true, domain: true, locale: true, ianaTimezone: true } } },
  });
  if (!ticket) return { kind: "skipped", reason: "ticket_gone" };
  const customerId = ticket.customerId;
  const receivedAt = new Date(payload.receivedAt);
  if (ticket.automationDisabled || ticket.escalatedAt) return recordSkip(db, payload, customerId, "human_only", now);
  if (ticket.status === "resolved" || ticket.status === "closed" || ticket.mergedIntoId) return recordSkip(db, payload, customerId, "ticket_closed", now);
  if (ticket.lastAgentMessageAt && ticket.lastAgentMessageAt >= receivedAt) return recordSkip(db, payload, customerId, "answered", now);

  const context = await loadSlaContext(db, payload.shopId);
  const schedule = scheduleFor(context, ticket.channel);
  const opensAt = nextOpenAt(schedule, now);
  const previous = customerId
    ? await db.automatedSend.findMany({
        where: { shopId: payload.shopId, customerId, status: "sent", createdAt: { gt: new Date(now.getTime() - context.settings.quietHours.windowHours * 3_600_000) } },
        select: { createdAt: true },
      })
    : [];
  const decision = automatedSendTime({
    now,
    customerTimezone: ticket.customer?.timezone,
    shopTimezone: ticket.shop.ianaTimezone,
    settings: context.settings.quietHours,
    previousSends: previous.map((send) => send.createdAt),
    // Pointless once the shop has opened for a closed-period acknowledgement.
    notAfter: payload.reason === "closed" && opensAt && !isOpenAt(schedule, now) ? opensAt : null,
  });
  if (decision.kind === "skip") return recordSkip(db, payload, customerId, `quiet_hours:${decision.reason}`, now);
  if (decision.kind === "later") {
    if (!deps.defer) return recordSkip(db, payload, customerId, "quiet_hours:no_queue", now);
    await deps.defer(payload, decision.at);
    return { kind: "deferred", until: decision.at };
  }
  if (payload.reason === "closed" && isOpenAt(schedule, now)) return recordSkip(db, payload, customerId, "shop_open_again", now);

  const template = await loadTemplate(db, payload.shopId, context.settings.autoAck.templateKey, payload.templateId);
  if (!template) return recordSkip(db, payload, customerId, "no_template", now);
  const language = ticket.language ?? ticket.customer?.language ?? null;
  const chosen = chooseVariant(template.variants, language, ticket.shop.locale);
  if (!chosen) return recordSkip(db, payload, customerId, "no_template", now);
  const expectedReplyBy = ticket.firstRespondedAt ? ticket.nextResponseDueAt : ticket.firstResponseDueAt;
  const templateContext = buildTemplateContext({
    customer: ticket.customer ? { firstName: ticket.customer.firstName ?? ticket.customer.displayName, lastName: ticket.customer.lastName, email: ticket.customer.email, language: ticket.customer.language } : null,
    ticket: { number: ticket.number, subject: ticket.subject, channel: ticket.channel, createdAt: ticket.createdAt },
    shop: { name: ticket.shop.name, email: ticket.shop.email, domain: ticket.shop.domain, nextOpenTime: opensAt, expectedReplyTime: expectedReplyBy },
  });
  const renderOptions = { channel: ticket.channel, locale: chosen.language, timezone: decision.timezone };
  const body = renderTemplate(chosen.variant.body, templateContext, renderOptions);
  if (!body.ok) return recordSkip(db, payload, customerId, `template_error:${body.error.message.slice(0, 200)}`, now);
  const subjectRender = chosen.variant.subject ? renderTemplate(chosen.variant.subject, templateContext, renderOptions) : null;
  const subject = subjectRender?.ok ? subjectRender.text : ticket.subject;

  let messageId: string;
  try {
    messageId = await db.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          shopId: payload.shopId,
          ticketId: ticket.id,
          direction: "outbound",
          authorType: "automation",
          authorName: ticket.shop.name,
          bodyText: body.text,
          channel: ticket.channel,
          templateId: template.templateId,
          isAutomated: true,
          deliveryStatus: "queued",
          createdAt: now,
        },
      });
      await tx.automatedSend.create({
        data: { shopId: payload.shopId, customerId, ticketId: ticket.id, kind, eventKey, templateId: template.templateId, messageId: message.id, status: "sent", reason: payload.reason, createdAt: now },
      });
      await tx.ticketEvent.create({
        data: {
          shopId: payload.shopId,
          ticketId: ticket.id,
          type: "automation",
          actorType: "automation",
          data: { kind, summary: SENT_SUMMARY[payload.reason], messageId: message.id, expectedReplyBy: expectedReplyBy?.toISOString() ?? null },
          dedupeKey: eventKey,
          createdAt: now,
        },
      });
      // Visible in the thread, but not a first response: no SLA column changes.
      await tx.ticket.update({ where: { id: ticket.id }, data: { lastActivityAt: now } });
      return message.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: "already_done" };
    throw error;
  }
  await deliverIfQueued(db, messageId, deps, subject);
  invalidateInboxCounts(payload.shopId);
  return { kind: "sent", messageId };
}

async function deliverIfQueued(db: PrismaClient, messageId: string, deps: AutoAckDeps, subject?: string): Promise<void> {
  const message = await db.message.findUnique({ where: { id: messageId }, include: { ticket: { include: { customer: true } } } });
  if (!message || message.deliveryStatus !== "queued") return;
  const adapter = (deps.adapterFor ?? channelAdapterFor)(message.channel);
  const customer = message.ticket.customer;
  try {
    const result = await adapter.send({
      shopId: message.shopId,
      ticketId: message.ticketId,
      messageId: message.id,
      channel: message.channel,
      to: { name: customer?.displayName ?? null, email: customer?.email ?? null, phone: customer?.phone ?? null },
      subject: subject ?? message.ticket.subject,
      bodyText: message.bodyText,
      inReplyTo: null,
    });
    await db.message.update({ where: { id: message.id }, data: { deliveryStatus: result.status, channelMessageId: result.channelMessageId, sentAt: result.status === "sent" ? new Date() : null } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await db.message.update({ where: { id: message.id }, data: { deliveryStatus: "failed", deliveryError: reason.slice(0, 500) } });
  }
}

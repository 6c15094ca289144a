// The applied SLA of a ticket: which policy, which due times. One place computes the Ticket's SLA
// columns from its state, so intake, edits, replies and status changes agree (docs/response-time.md).
import type { Prisma, PrismaClient, Ticket } from "@prisma/client";
import type { BusinessSchedule } from "../domain/business-hours";
import { scheduleForChannel } from "../domain/business-hours";
import { parseShopSettings, type ShopSettings } from "../domain/shop-settings";
import {
  computeSlaDueTimes,
  customerSegment,
  nextSlaCheckAt,
  DEFAULT_SLA_POLICIES,
  pausedMinutesBetween,
  selectSlaPolicy,
  slaPolicyRuleSchema,
  type CustomerSegment,
  type SlaPolicyRule,
  type SlaTicketFacts,
} from "../domain/sla";
import { isOneOf, TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_SEVERITIES } from "../domain/ticket-fields";
import { aroundTheClock, loadShopSchedules, type ChannelSchedule } from "../jobs/definitions/business-schedules.server";
import { isUniqueViolation } from "../jobs/run-once.server";
import { silentLogger, type JobLogger } from "../jobs/types";

type Db = PrismaClient | Prisma.TransactionClient;

export type StoredSlaPolicy = SlaPolicyRule & { id: string };

export interface SlaContext {
  shopId: string;
  timezone: string;
  settings: ShopSettings;
  policies: StoredSlaPolicy[];
  schedules: ChannelSchedule[];
}

/** Deterministic ids: concurrent first intakes of a shop create the defaults once. */
function defaultPolicyId(shopId: string, position: number): string {
  return `sla-default-${shopId}-${position}`;
}

/**
 * A shop without any SLA policy gets the e-commerce defaults (a merchant switches policies off on
 * the settings page rather than deleting the last one).
 */
export async function ensureDefaultSlaPolicies(db: PrismaClient, shopId: string): Promise<void> {
  if ((await db.slaPolicy.count({ where: { shopId } })) > 0) return;
  for (const policy of DEFAULT_SLA_POLICIES) {
    try {
      await db.slaPolicy.create({ data: { ...policy, id: defaultPolicyId(shopId, policy.position), shopId } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
}

export async function loadSlaPolicies(db: Db, shopId: string): Promise<StoredSlaPolicy[]> {
  const rows = await db.slaPolicy.findMany({ where: { shopId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return rows.flatMap((row) => {
    const parsed = slaPolicyRuleSchema.safeParse(row);
    return parsed.success ? [{ ...parsed.data, id: row.id }] : [];
  });
}

export async function loadSlaContext(db: PrismaClient, shopId: string, log: JobLogger = silentLogger): Promise<SlaContext> {
  await ensureDefaultSlaPolicies(db, shopId);
  const [shop, policies, schedules] = await Promise.all([
    db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { ianaTimezone: true, settings: true } }),
    loadSlaPolicies(db, shopId),
    loadShopSchedules(db, shopId, log),
  ]);
  return { shopId, timezone: shop.ianaTimezone, settings: parseShopSettings(shop.settings), policies, schedules };
}

/** The channel's schedule, else the shop's default one, else around the clock in the shop's zone. */
export function scheduleFor(context: Pick<SlaContext, "schedules" | "timezone">, channel: string): BusinessSchedule {
  return scheduleForChannel(context.schedules, channel)?.schedule ?? aroundTheClock(context.timezone);
}

export function segmentOf(
  customer: { lifetimeSpent: Prisma.Decimal | number | null; ordersCount: number | null } | null | undefined,
  settings: ShopSettings,
): CustomerSegment | null {
  if (!customer || customer.lifetimeSpent === null || customer.ordersCount === null) return null;
  return customerSegment({ lifetimeSpent: Number(customer.lifetimeSpent), ordersCount: customer.ordersCount }, settings.triage.vipThresholds);
}

/** The ticket fields that decide the SLA (stored strings, checked). */
export function slaFactsOf(ticket: Pick<Ticket, "priority" | "severity" | "category" | "channel">, segment: CustomerSegment | null): SlaTicketFacts {
  return {
    priority: isOneOf(TICKET_PRIORITIES, ticket.priority) ? ticket.priority : "normal",
    severity: isOneOf(TICKET_SEVERITIES, ticket.severity) ? ticket.severity : "L3",
    category: isOneOf(TICKET_CATEGORIES, ticket.category) ? ticket.category : "other",
    channel: isOneOf(TICKET_CHANNELS, ticket.channel) ? ticket.channel : "email",
    segment,
  };
}

export type SlaClockColumns = Pick<
  Ticket,
  "createdAt" | "firstRespondedAt" | "lastCustomerMessageAt" | "lastAgentMessageAt" | "waitingSince" | "slaPausedAt" | "slaPausedMinutes" | "resolvedAt"
>;

export interface AppliedSla {
  slaPolicyId: string | null;
  firstResponseDueAt: Date | null;
  nextResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  slaDueAt: Date | null;
  /** When the sweep must next look (see nextSlaCheckAt). */
  slaNextEventAt: Date;
}

/**
 * The share of a target at which the warning fires: the shop's escalation share, except for a
 * policy that warns at once (share 0, L1's immediate alert).
 */
export function effectiveWarnShare(policy: Pick<SlaPolicyRule, "warnAtShare">, context: Pick<SlaContext, "settings">): number {
  return policy.warnAtShare === 0 ? 0 : context.settings.escalation.warnAtShare;
}

/** The policy and due times for a ticket in the given state at `now` (pure given the context). */
export function applySla(
  context: SlaContext,
  facts: SlaTicketFacts,
  clock: SlaClockColumns,
  now: Date,
): AppliedSla & { policy: StoredSlaPolicy | null } {
  const policy = selectSlaPolicy(context.policies, facts);
  const schedule = scheduleFor(context, facts.channel);
  const clockInput = {
    policy,
    schedule,
    createdAt: clock.createdAt,
    firstRespondedAt: clock.firstRespondedAt,
    lastCustomerMessageAt: clock.lastCustomerMessageAt,
    lastAgentMessageAt: clock.lastAgentMessageAt,
    waitingSince: clock.waitingSince,
    pausedAt: clock.slaPausedAt,
    resolvedAt: clock.resolvedAt,
    pausedMinutes: clock.slaPausedMinutes,
  };
  const due = computeSlaDueTimes(clockInput);
  const slaNextEventAt = nextSlaCheckAt({ ...clockInput, ...due }, now, policy ? effectiveWarnShare(policy, context) : undefined);
  return { policy, slaPolicyId: policy?.id ?? null, ...due, slaNextEventAt };
}

/** Minutes of a pause ending at `resumedAt`, as the ticket's policy counts time (0 without a pause or policy). */
export function pauseCredit(context: SlaContext, ticket: Pick<Ticket, "slaPolicyId" | "slaPausedAt" | "channel">, resumedAt: Date): number {
  if (!ticket.slaPausedAt) return 0;
  const policy = context.policies.find((p) => p.id === ticket.slaPolicyId);
  if (!policy) return 0;
  return pausedMinutesBetween(policy, scheduleFor(context, ticket.channel), ticket.slaPausedAt, resumedAt);
}

type TicketSlaRow = Pick<
  Ticket,
  "status" | "priority" | "severity" | "category" | "channel" | "slaPolicyId" | "slaDueAt" | "resolvedAt" | "firstResponseDueAt" | "nextResponseDueAt" | "resolutionDueAt"
> &
  SlaClockColumns & { customer?: { lifetimeSpent: Prisma.Decimal | null; ordersCount: number | null } | null };

export interface SlaFieldChanges {
  status?: string;
  priority?: string;
  severity?: string;
  category?: string;
}

const TERMINAL = ["resolved", "closed"];

/**
 * The SLA columns after an edit: priority/severity/category changes pick the policy again and
 * recompute the due times; pending pauses the clocks (waiting on the customer); leaving pending, or
 * reopening a resolved ticket, credits the paused/resolved span; resolving stops every clock.
 * Null when nothing that matters to the SLA changed.
 */
export function slaColumnsAfterChange(context: SlaContext, ticket: TicketSlaRow, changes: SlaFieldChanges, now: Date): (AppliedSla & Pick<Ticket, "slaPausedAt" | "slaPausedMinutes">) | null {
  const status = changes.status ?? ticket.status;
  const fields = {
    priority: changes.priority ?? ticket.priority,
    severity: changes.severity ?? ticket.severity,
    category: changes.category ?? ticket.category,
    channel: ticket.channel,
  };
  const fieldsChanged = fields.priority !== ticket.priority || fields.severity !== ticket.severity || fields.category !== ticket.category;
  if (!fieldsChanged && status === ticket.status) return null;

  let pausedAt = ticket.slaPausedAt;
  let pausedMinutes = ticket.slaPausedMinutes;
  let resolvedAt = TERMINAL.includes(status) ? (ticket.resolvedAt ?? now) : null;
  if (TERMINAL.includes(ticket.status) && !TERMINAL.includes(status) && ticket.resolvedAt) {
    pausedMinutes += pauseCredit(context, { ...ticket, slaPausedAt: ticket.resolvedAt }, now);
    resolvedAt = null;
  }
  if (status === "pending" && !pausedAt) pausedAt = now;
  if (status !== "pending" && pausedAt) {
    pausedMinutes += pauseCredit(context, ticket, now);
    pausedAt = null;
  }
  const applied = applySla(context, slaFactsOf(fields, segmentOf(ticket.customer, context.settings)), {
    ...ticket,
    slaPausedAt: pausedAt,
    slaPausedMinutes: pausedMinutes,
    resolvedAt,
  }, now);
  const { policy: _policy, ...columns } = applied;
  return { ...columns, slaPausedAt: pausedAt, slaPausedMinutes: pausedMinutes };
}

/**
 * The SLA columns after an agent's reply: the first response is given (if not yet), the customer is
 * no longer waiting, so the response clocks stop; the resolution target (if any) stays due.
 * Automated messages never call this: they are not a response.
 */
export function slaColumnsAfterReply(context: SlaContext, ticket: TicketSlaRow, now: Date): AppliedSla {
  const applied = applySla(context, slaFactsOf(ticket, segmentOf(ticket.customer, context.settings)), {
    ...ticket,
    firstRespondedAt: ticket.firstRespondedAt ?? now,
    lastAgentMessageAt: now,
    waitingSince: null,
  }, now);
  const { policy: _policy, ...columns } = applied;
  // A ticket whose policy was removed keeps no stale due times.
  return columns;
}

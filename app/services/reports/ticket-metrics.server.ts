// Keeps TicketMetric (the per-ticket facts the reports read) in step with the tickets: a ticket is
// recomputed when it changed since its facts were computed (Ticket.updatedAt moves on every message
// and edit) or when an SLA breach was recorded after them. Merged tickets count on their target only.
import type { Prisma, PrismaClient } from "@prisma/client";
import { scheduleForChannel } from "../../domain/business-hours";
import { computeTicketFacts } from "../../domain/reports/ticket-facts";
import { SLA_TARGETS, type SlaTarget } from "../../domain/sla";
import { aroundTheClock, loadShopSchedules } from "../../jobs/definitions/business-schedules.server";
import type { JobLogger } from "../../jobs/types";

const BATCH_SIZE = 200;
const WATERMARK_MARGIN_MS = 5 * 60_000;

/**
 * Every ticket whose stored facts are missing or older than the ticket or its latest SLA breach (a full
 * scan, in id order from `afterId`, so a job walking the shop in chunks reads each ticket once).
 */
async function staleTicketIds(db: PrismaClient, shopId: string, limit: number, afterId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT t.id AS id FROM "Ticket" t
    LEFT JOIN "TicketMetric" m ON m."ticketId" = t.id
    WHERE t."shopId" = ${shopId} AND t.id > ${afterId} AND t."mergedIntoId" IS NULL
      AND (m."ticketId" IS NULL OR m."sourceUpdatedAt" < t."updatedAt"
        OR EXISTS (SELECT 1 FROM "TicketEvent" e WHERE e."ticketId" = t.id AND e.type = 'sla_breach' AND e."createdAt" > m."computedAt"))
    ORDER BY t.id
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/**
 * The same, found through indexes from where the last refresh got to: tickets updated since the newest
 * facts' source (oldest first, so a partial refresh advances the watermark only over what it did), and
 * breaches recorded since the newest computation. The margin covers updates committed during a refresh;
 * the background job's full scan is the safety net.
 */
async function recentlyStaleTicketIds(db: PrismaClient, shopId: string, limit: number): Promise<string[] | null> {
  const newest = await db.ticketMetric.findFirst({ where: { shopId }, orderBy: { sourceUpdatedAt: "desc" }, select: { sourceUpdatedAt: true } });
  const computed = await db.ticketMetric.findFirst({ where: { shopId }, orderBy: { computedAt: "desc" }, select: { computedAt: true } });
  if (!newest || !computed) return null;
  const changedSince = new Date(newest.sourceUpdatedAt.getTime() - WATERMARK_MARGIN_MS);
  const changed = await db.ticket.findMany({
    where: { shopId, mergedIntoId: null, updatedAt: { gte: changedSince } },
    select: { id: true, updatedAt: true, metric: { select: { sourceUpdatedAt: true } } },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: limit * 4,
  });
  const ids = changed.filter((ticket) => !ticket.metric || ticket.metric.sourceUpdatedAt < ticket.updatedAt).map((ticket) => ticket.id);
  const breaches = await db.ticketEvent.findMany({
    where: { shopId, type: "sla_breach", createdAt: { gte: new Date(computed.computedAt.getTime() - WATERMARK_MARGIN_MS) } },
    select: { ticketId: true, createdAt: true, ticket: { select: { mergedIntoId: true, metric: { select: { computedAt: true } } } } },
    take: limit,
  });
  for (const breach of breaches) {
    if (!breach.ticket.mergedIntoId && (!breach.ticket.metric || breach.ticket.metric.computedAt < breach.createdAt)) ids.push(breach.ticketId);
  }
  return [...new Set(ids)].slice(0, limit);
}

function breachedTargets(events: { data: Prisma.JsonValue }[]): SlaTarget[] {
  const targets = new Set<SlaTarget>();
  for (const event of events) {
    const target = (event.data as { target?: unknown } | null)?.target;
    if (typeof target === "string" && (SLA_TARGETS as readonly string[]).includes(target)) targets.add(target as SlaTarget);
  }
  return [...targets];
}

export interface RefreshResult {
  refreshed: number;
  /** More stale tickets may remain than `limit` allowed: call again (the job does, from `lastId`). */
  more: boolean;
  lastId: string | null;
}

const silentLog: JobLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Recomputes stale facts. "incremental" (a page view) looks only at what changed since the last refresh;
 * "full" (the background job) checks every ticket of the shop.
 */
export async function refreshTicketMetrics(
  db: PrismaClient,
  shopId: string,
  options: { limit?: number; now?: Date; log?: JobLogger; mode?: "incremental" | "full"; afterId?: string } = {},
): Promise<RefreshResult> {
  const limit = options.limit ?? 5_000;
  const now = options.now ?? new Date();
  const ids = (options.mode === "incremental" ? await recentlyStaleTicketIds(db, shopId, limit) : null) ?? (await staleTicketIds(db, shopId, limit, options.afterId ?? ""));
  if (ids.length === 0) return { refreshed: 0, more: false, lastId: null };
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: { ianaTimezone: true } });
  if (!shop) return { refreshed: 0, more: false, lastId: null };
  const schedules = await loadShopSchedules(db, shopId, options.log ?? silentLog);

  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    const tickets = await db.ticket.findMany({
      where: { shopId, id: { in: ids.slice(start, start + BATCH_SIZE) } },
      select: {
        id: true, createdAt: true, updatedAt: true, status: true, resolvedAt: true, reopenCount: true, channel: true, category: true,
        priority: true, severity: true, assigneeId: true, csatScore: true, slaPolicyId: true,
        slaPolicy: { select: { businessHoursOnly: true } },
        messages: { select: { direction: true, authorType: true, isAutomated: true, authorAgentId: true, createdAt: true } },
        events: { where: { type: "sla_breach" }, select: { data: true } },
      },
    });
    const writes = tickets.map((ticket) => {
      const schedule = scheduleForChannel(schedules, ticket.channel)?.schedule ?? aroundTheClock(shop.ianaTimezone);
      const facts = computeTicketFacts({
        createdAt: ticket.createdAt,
        status: ticket.status,
        resolvedAt: ticket.resolvedAt,
        reopenCount: ticket.reopenCount,
        messages: ticket.messages,
        businessHoursOnly: ticket.slaPolicy?.businessHoursOnly ?? null,
        schedule,
        hasSlaPolicy: ticket.slaPolicyId !== null,
        breachedTargets: breachedTargets(ticket.events),
      });
      const data = {
        shopId,
        startedAt: facts.firstCustomerMessageAt ?? ticket.createdAt,
        channel: ticket.channel,
        category: ticket.category,
        priority: ticket.priority,
        severity: ticket.severity,
        agentId: ticket.assigneeId,
        firstResponseAt: facts.firstResponseAt,
        firstResponseMinutes: facts.firstResponseMinutes,
        nextResponseMinutes: facts.nextResponseMinutes,
        resolvedAt: facts.resolved ? ticket.resolvedAt : null,
        resolutionMinutes: facts.resolutionMinutes,
        customerMessages: facts.customerMessages,
        humanReplies: facts.humanReplies,
        automatedReplies: facts.automatedReplies,
        resolved: facts.resolved,
        reopened: facts.reopened,
        firstContactResolution: facts.firstContactResolution,
        handledByAutomation: facts.handledByAutomation,
        slaApplied: facts.slaApplied,
        breachedFirstResponse: facts.breachedFirstResponse,
        breachedNextResponse: facts.breachedNextResponse,
        breachedResolution: facts.breachedResolution,
        csatScore: ticket.csatScore,
        customerHours: facts.customerHours,
        sourceUpdatedAt: ticket.updatedAt,
        computedAt: now,
      };
      const nextResponses = facts.nextResponseMinutes.map((minutes, position) => ({ position, shopId, startedAt: data.startedAt, minutes }));
      return db.ticketMetric.upsert({
        where: { ticketId: ticket.id },
        create: { ticketId: ticket.id, ...data, nextResponses: { createMany: { data: nextResponses } } },
        update: { ...data, nextResponses: { deleteMany: {}, createMany: { data: nextResponses } } },
      });
    });
    await db.$transaction(writes);
  }
  // A ticket merged away since its facts were computed no longer counts on its own.
  await db.ticketMetric.deleteMany({ where: { shopId, ticket: { mergedIntoId: { not: null } } } });
  return { refreshed: ids.length, more: ids.length === limit, lastId: ids.at(-1) ?? null };
}

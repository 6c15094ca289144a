// The demo shop's response-time setup: business hours with a lunch break and a Saturday morning,
// two holidays, the default SLA policies, one triage rule; active demo tickets get their policy so
// the sweep (which backfills slaNextEventAt) warns and escalates on them.
import type { PrismaClient } from "@prisma/client";
import { DateTime } from "luxon";
import { selectSlaPolicy, type SlaTicketFacts } from "../../app/domain/sla";
import { ACTIVE_STATUSES } from "../../app/domain/ticket-fields";
import { saveBusinessHours } from "../../app/models/settings-response-time.server";
import { loadSlaPolicies, ensureDefaultSlaPolicies, slaFactsOf } from "../../app/services/sla.server";

const WEEKDAY_HOURS = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: "09:00", end: "12:30" },
  { weekday, start: "13:30", end: "18:00" },
]);

export async function seedResponseTime(db: PrismaClient, shopId: string, now = new Date()): Promise<void> {
  const saved = await saveBusinessHours(db, shopId, [...WEEKDAY_HOURS, { weekday: 6, start: "10:00", end: "14:00" }]);
  if (!saved.ok) throw new Error(`demo business hours: ${JSON.stringify(saved.errors)}`);
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { ianaTimezone: true } });
  const year = DateTime.fromJSDate(now, { zone: shop.ianaTimezone }).year;
  await db.holiday.createMany({
    data: [
      { shopId, date: `${year}-12-24`, name: "Christmas Eve", intervals: [{ start: "10:00", end: "14:00" }] },
      { shopId, date: `${year}-12-25`, name: "Christmas Day" },
    ],
  });
  await ensureDefaultSlaPolicies(db, shopId);
  await db.automationRule.create({
    data: {
      shopId,
      name: "VIP customers first",
      kind: "triage",
      trigger: "message_received",
      conditions: { all: [{ field: "customer.segment", op: "is", value: "vip" }], any: [] },
      actions: [{ type: "set_priority", value: "high" }, { type: "add_tag", tag: "vip" }],
      position: 10,
    },
  });
  const policies = await loadSlaPolicies(db, shopId);
  const tickets = await db.ticket.findMany({ where: { shopId, status: { in: [...ACTIVE_STATUSES] }, slaDueAt: { not: null } } });
  for (const ticket of tickets) {
    const facts: SlaTicketFacts = slaFactsOf(ticket, null);
    const policy = selectSlaPolicy(policies, facts);
    if (policy) await db.ticket.update({ where: { id: ticket.id }, data: { slaPolicyId: policy.id } });
  }
}

// A small shop whose report is computed by hand (see reports.test.ts): Berlin time, no business
// schedule (calendar time), one SLA policy, tickets A–C in the week of 16–22 November 2026, F in the
// week before, a merged ticket, a complaint in October and another shop's ticket.
import type { PrismaClient } from "@prisma/client";
import { createShop, uniqueShopDomain } from "../factories";

export const REPORT_NOW = new Date("2026-11-23T12:00:00Z");
export const REPORT_PARAMS = { from: "2026-11-16", to: "2026-11-22" };
const at = (iso: string) => new Date(iso);

type MessageSpec = [direction: "inbound" | "outbound", author: "customer" | "agent" | "automation", iso: string];

export async function seedReportShop(db: PrismaClient) {
  const shop = await createShop(db, { domain: uniqueShopDomain("reports") });
  const agent = await db.agent.create({ data: { shopId: shop.id, shopifyStaffId: "777", name: "Mei Chen" } });
  const policy = await db.slaPolicy.create({
    data: { shopId: shop.id, name: "Everything", position: 0, firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 1440, businessHoursOnly: false, warnAtShare: 0.75 },
  });
  let number = 1000;
  const ticket = async (spec: { createdAt: string; status?: string; resolvedAt?: string; messages: MessageSpec[]; policy?: boolean; csatScore?: number; category?: string; triageReasons?: unknown; mergedIntoId?: string; shopId?: string }) => {
    number += 1;
    const shopId = spec.shopId ?? shop.id;
    return db.ticket.create({
      data: {
        shopId,
        number,
        subject: `Ticket ${number}`,
        status: spec.status ?? "open",
        createdAt: at(spec.createdAt),
        resolvedAt: spec.resolvedAt ? at(spec.resolvedAt) : null,
        assigneeId: shopId === shop.id ? agent.id : null,
        slaPolicyId: spec.policy ? policy.id : null,
        csatScore: spec.csatScore ?? null,
        category: spec.category ?? "order_status",
        triageReasons: spec.triageReasons ?? undefined,
        mergedIntoId: spec.mergedIntoId ?? null,
        messages: {
          create: spec.messages.map(([direction, author, iso]) => ({
            shopId,
            direction,
            authorType: author,
            authorAgentId: author === "agent" ? agent.id : null,
            isAutomated: author === "automation",
            bodyText: `${author} at ${iso}`,
            channel: "email",
            createdAt: at(iso),
          })),
        },
      },
    });
  };

  const a = await ticket({
    createdAt: "2026-11-16T08:00:00Z", status: "resolved", resolvedAt: "2026-11-16T10:00:00Z", policy: true,
    messages: [["inbound", "customer", "2026-11-16T08:00:00Z"], ["outbound", "automation", "2026-11-16T08:00:30Z"], ["outbound", "agent", "2026-11-16T08:20:00Z"], ["inbound", "customer", "2026-11-16T09:00:00Z"], ["outbound", "agent", "2026-11-16T09:40:00Z"]],
  });
  const b = await ticket({
    createdAt: "2026-11-17T10:00:00Z", status: "resolved", resolvedAt: "2026-11-17T11:30:00Z", policy: true, csatScore: 5,
    messages: [["inbound", "customer", "2026-11-17T10:00:00Z"], ["outbound", "agent", "2026-11-17T11:00:00Z"]],
  });
  await db.ticketEvent.create({ data: { shopId: shop.id, ticketId: b.id, type: "sla_breach", data: { target: "first_response", dueAt: "2026-11-17T10:30:00.000Z" }, dedupeKey: "b-breach", createdAt: at("2026-11-17T10:30:00Z") } });
  const c = await ticket({ createdAt: "2026-11-18T10:00:00Z", messages: [["inbound", "customer", "2026-11-18T10:00:00Z"]] });
  await ticket({ createdAt: "2026-11-19T10:00:00Z", status: "closed", mergedIntoId: a.id, messages: [] });
  await ticket({ createdAt: "2026-11-10T10:00:00Z", status: "resolved", resolvedAt: "2026-11-10T12:00:00Z", messages: [["inbound", "customer", "2026-11-10T10:00:00Z"], ["outbound", "agent", "2026-11-10T10:10:00Z"]] });
  const damaged = [{ rule: "category:damaged_wrong_missing", detail: 'score 6: "packaging damaged", "crushed"' }];
  const complaint = await ticket({ createdAt: "2026-10-14T10:00:00Z", status: "resolved", resolvedAt: "2026-10-15T10:00:00Z", category: "damaged_wrong_missing", triageReasons: damaged, messages: [["inbound", "customer", "2026-10-14T10:00:00Z"]] });

  const other = await createShop(db, { domain: uniqueShopDomain("reports-other") });
  await ticket({ shopId: other.id, createdAt: "2026-11-17T10:00:00Z", messages: [["inbound", "customer", "2026-11-17T10:00:00Z"], ["outbound", "agent", "2026-11-17T10:01:00Z"]] });
  return { shop, agent, a, b, c, complaint, other };
}

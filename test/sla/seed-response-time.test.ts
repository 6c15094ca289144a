// The demo shop's response-time setup (prisma/seed/response-time.ts).
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { seedResponseTime } from "../../prisma/seed/response-time";
import { createShop, createTicket } from "../factories";

describe("seedResponseTime", () => {
  it("saves hours with a lunch break, holidays, the default policies and a rule, and gives active tickets their policy", async () => {
    const shop = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id);
    await seedResponseTime(prisma, shop.id, new Date("2026-11-23T08:00:00Z"));
    const schedule = await prisma.businessSchedule.findFirstOrThrow({ where: { shopId: shop.id } });
    expect((schedule.intervals as unknown[]).length).toBe(11);
    expect((await prisma.holiday.findMany({ where: { shopId: shop.id } })).map((h) => h.date)).toEqual(["2026-12-24", "2026-12-25"]);
    expect(await prisma.slaPolicy.count({ where: { shopId: shop.id } })).toBeGreaterThan(5);
    expect(await prisma.automationRule.count({ where: { shopId: shop.id, kind: "triage" } })).toBe(1);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).slaPolicyId).not.toBeNull();
  });
});

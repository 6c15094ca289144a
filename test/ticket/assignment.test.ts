import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { autoAssign } from "../../app/services/assignment.server";
import { createShop, createTicket } from "../factories";

describe("autoAssign", () => {
  it("assigns the most urgent unassigned open ticket to an available agent under the cap", async () => {
    // GIVEN an agent with room for one, a full one, an away one, and open/pending unassigned tickets
    const shop = await createShop(prisma);
    const other = await createShop(prisma);
    const roomy = await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "1", name: "Roomy", maxOpenTickets: 1 } });
    const full = await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "2", name: "Full", maxOpenTickets: 1 } });
    await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "3", name: "Away", availability: "away" } });
    await prisma.agent.create({ data: { shopId: other.id, shopifyStaffId: "4", name: "Elsewhere" } });
    const existing = await createTicket(prisma, shop.id);
    await prisma.ticket.updateMany({ where: { id: existing.id }, data: { assigneeId: full.id } });
    const normal = await createTicket(prisma, shop.id, { priority: "normal" });
    const urgent = await createTicket(prisma, shop.id, { priority: "urgent" });
    await createTicket(prisma, shop.id, { status: "pending" });
    const now = new Date("2026-03-02T10:00:00Z");

    // WHEN auto-assignment runs
    const { assigned } = await autoAssign(prisma, shop.id, now);

    // THEN the urgent ticket goes to the agent with room; nothing else fits
    expect(assigned).toEqual([{ ticketId: urgent.id, agentId: roomy.id }]);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: normal.id } })).assigneeId).toBeNull();
    expect((await prisma.agent.findUniqueOrThrow({ where: { id: roomy.id } })).lastAssignedAt).toEqual(now);
    const event = await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: urgent.id } });
    expect(event).toMatchObject({ type: "assigned", actorType: "automation" });
  });

  it("spreads tickets across equally loaded agents", async () => {
    const shop = await createShop(prisma);
    const first = await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "1", name: "A", lastAssignedAt: new Date("2026-03-01T00:00:00Z") } });
    const second = await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "2", name: "B" } });
    for (let n = 0; n < 4; n++) await createTicket(prisma, shop.id);
    const { assigned } = await autoAssign(prisma, shop.id);
    expect(assigned.map((step) => step.agentId)).toEqual([second.id, first.id, second.id, first.id]);
  });

  it("does nothing when nobody is available", async () => {
    const shop = await createShop(prisma);
    await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "1", name: "A", availability: "away" } });
    await createTicket(prisma, shop.id);
    expect(await autoAssign(prisma, shop.id)).toEqual({ assigned: [] });
  });
});

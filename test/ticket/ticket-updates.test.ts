import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { StaleTicketError, TicketValidationError, updateTickets, wakeSnoozedTickets } from "../../app/services/ticket-updates.server";
import { createShop, createTicket } from "../factories";

async function agentOf(shopId: string, name = "Ana") {
  return prisma.agent.create({ data: { shopId, shopifyStaffId: `${Math.random()}`, name } });
}

describe("updateTickets", () => {
  it("changes fields and leaves one timeline entry per changed field", async () => {
    // GIVEN an open normal ticket and an agent
    const shop = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id);
    const agent = await agentOf(shop.id);
    const now = new Date("2026-03-02T10:00:00Z");

    // WHEN the agent changes status, priority (and severity to its current value), assigns and tags
    const result = await updateTickets(prisma, {
      shopId: shop.id,
      ticketIds: [ticket.id],
      actorAgentId: agent.id,
      changes: { status: "pending", priority: "high", severity: "L3", assigneeId: agent.id, addTags: ["VIP", " refund "] },
      now,
    });

    // THEN the ticket reflects it and the timeline has exactly the changed fields
    expect(result).toEqual({ updated: 1 });
    const after = await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id }, include: { tags: true } });
    expect(after).toMatchObject({ status: "pending", priority: "high", assigneeId: agent.id });
    expect(after.tags.map((tag) => tag.tag).sort()).toEqual(["refund", "vip"]);
    const events = await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { type: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["assigned", "priority_changed", "status_changed", "tags_changed"]);
    expect(events.find((event) => event.type === "status_changed")?.data).toEqual({ from: "open", to: "pending" });
    expect(events.every((event) => event.actorAgentId === agent.id && event.actorType === "agent")).toBe(true);
    expect((await prisma.agent.findUniqueOrThrow({ where: { id: agent.id } })).lastAssignedAt).toEqual(now);
  });

  it("ignores other shops' ticket ids in a bulk update", async () => {
    // GIVEN two shops with a ticket each
    const shop = await createShop(prisma);
    const other = await createShop(prisma);
    const mine = await createTicket(prisma, shop.id);
    const theirs = await createTicket(prisma, other.id);

    // WHEN a bulk update names both
    const result = await updateTickets(prisma, { shopId: shop.id, ticketIds: [mine.id, theirs.id], actorAgentId: null, changes: { status: "resolved" } });

    // THEN only the shop's ticket changes
    expect(result).toEqual({ updated: 1 });
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("open");
    expect(await prisma.ticketEvent.count({ where: { ticketId: theirs.id } })).toBe(0);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: mine.id } })).resolvedAt).not.toBeNull();
  });

  it("snoozes until a time and wakes with status open", async () => {
    const shop = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id);
    const until = new Date("2026-03-05T08:00:00Z");
    await updateTickets(prisma, { shopId: shop.id, ticketIds: [ticket.id], actorAgentId: null, changes: { snoozedUntil: until } });
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "snoozed", snoozedUntil: until });

    await updateTickets(prisma, { shopId: shop.id, ticketIds: [ticket.id], actorAgentId: null, changes: { snoozedUntil: null } });
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: "open", snoozedUntil: null });
    const types = (await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { createdAt: "asc" } })).map((event) => event.type);
    expect(types.sort()).toEqual(["snoozed", "snoozed", "status_changed", "status_changed"]);
  });

  it("removes tags and counts a reopen", async () => {
    const shop = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id, { status: "resolved" });
    await prisma.ticketTag.create({ data: { ticketId: ticket.id, shopId: shop.id, tag: "old" } });
    await updateTickets(prisma, { shopId: shop.id, ticketIds: [ticket.id], actorAgentId: null, changes: { status: "open", removeTags: ["OLD"] } });
    const after = await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id }, include: { tags: true } });
    expect(after.tags).toEqual([]);
    expect(after.reopenCount).toBe(1);
  });

  it("rejects unknown values and another shop's agent", async () => {
    const shop = await createShop(prisma);
    const other = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id);
    const stranger = await agentOf(other.id);
    const attempt = (changes: Parameters<typeof updateTickets>[1]["changes"]) =>
      updateTickets(prisma, { shopId: shop.id, ticketIds: [ticket.id], actorAgentId: null, changes }).catch((error: unknown) => error);
    expect(await attempt({ priority: "whenever" as never })).toBeInstanceOf(TicketValidationError);
    const error = await attempt({ assigneeId: stranger.id });
    expect((error as TicketValidationError).errors).toEqual({ assigneeId: "unknown" });
  });

  it("refuses a stale single-ticket edit", async () => {
    const shop = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id);
    await updateTickets(prisma, { shopId: shop.id, ticketIds: [ticket.id], actorAgentId: null, changes: { priority: "low" }, now: new Date(Date.now() + 1000) });
    const error = await updateTickets(prisma, {
      shopId: shop.id,
      ticketIds: [ticket.id],
      actorAgentId: null,
      changes: { priority: "urgent" },
      expectedUpdatedAt: ticket.updatedAt,
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(StaleTicketError);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).priority).toBe("low");
  });

  it("wakes snoozed tickets whose time has come", async () => {
    const shop = await createShop(prisma);
    const due = await createTicket(prisma, shop.id);
    const later = await createTicket(prisma, shop.id);
    const now = new Date("2026-03-05T09:00:00Z");
    await updateTickets(prisma, { shopId: shop.id, ticketIds: [due.id], actorAgentId: null, changes: { snoozedUntil: new Date("2026-03-05T08:00:00Z") } });
    await updateTickets(prisma, { shopId: shop.id, ticketIds: [later.id], actorAgentId: null, changes: { snoozedUntil: new Date("2026-03-06T08:00:00Z") } });
    expect(await wakeSnoozedTickets(prisma, { shopId: shop.id, now })).toEqual({ woken: 1 });
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: due.id } })).status).toBe("open");
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("snoozed");
  });
});

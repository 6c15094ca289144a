import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { MergeError, mergeTickets } from "../../app/services/merge-tickets.server";
import { createShop, createTicket } from "../factories";

describe("mergeTickets", () => {
  it("moves messages, orders and tags into the target and closes the source", async () => {
    // GIVEN two tickets of one shop sharing an order and a tag
    const shop = await createShop(prisma);
    const source = await createTicket(prisma, shop.id, { subject: "Where is my parcel" });
    const target = await createTicket(prisma, shop.id);
    await prisma.ticketOrder.createMany({
      data: [
        { ticketId: source.id, shopId: shop.id, shopifyOrderId: "gid://shopify/Order/1", orderName: "#1001" },
        { ticketId: source.id, shopId: shop.id, shopifyOrderId: "gid://shopify/Order/2", orderName: "#1002" },
        { ticketId: target.id, shopId: shop.id, shopifyOrderId: "gid://shopify/Order/1", orderName: "#1001" },
      ],
    });
    await prisma.ticketTag.createMany({ data: [{ ticketId: source.id, shopId: shop.id, tag: "shipping" }, { ticketId: target.id, shopId: shop.id, tag: "shipping" }, { ticketId: source.id, shopId: shop.id, tag: "late" }] });

    // WHEN the source is merged into the target
    const result = await mergeTickets(prisma, { shopId: shop.id, sourceTicketIds: [source.id], targetTicketId: target.id, actorAgentId: null });

    // THEN the target has everything, the source is closed and points at it, both have a timeline entry
    expect(result).toEqual({ merged: 1 });
    const after = await prisma.ticket.findUniqueOrThrow({ where: { id: target.id }, include: { messages: true, orders: true, tags: true } });
    expect(after.messages).toHaveLength(2);
    expect(after.orders.map((order) => order.orderName).sort()).toEqual(["#1001", "#1002"]);
    expect(after.tags.map((tag) => tag.tag).sort()).toEqual(["late", "shipping"]);
    const closed = await prisma.ticket.findUniqueOrThrow({ where: { id: source.id }, include: { messages: true, orders: true, tags: true } });
    expect(closed).toMatchObject({ status: "closed", mergedIntoId: target.id, messages: [], orders: [], tags: [] });
    expect((await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: source.id } })).type).toBe("merged_into");
    expect((await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: target.id } })).data).toMatchObject({ ticketId: source.id, messages: 1 });
    const document = await prisma.ticketSearchDocument.findUniqueOrThrow({ where: { ticketId: target.id } });
    expect(document.body).toContain(`Hello about ${source.number}`);
  });

  it("ignores other shops' tickets and refuses another shop's target", async () => {
    const shop = await createShop(prisma);
    const other = await createShop(prisma);
    const target = await createTicket(prisma, shop.id);
    const theirs = await createTicket(prisma, other.id);
    expect(await mergeTickets(prisma, { shopId: shop.id, sourceTicketIds: [theirs.id, target.id], targetTicketId: target.id, actorAgentId: null })).toEqual({ merged: 0 });
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: theirs.id } })).mergedIntoId).toBeNull();
    const error = await mergeTickets(prisma, { shopId: other.id, sourceTicketIds: [theirs.id], targetTicketId: target.id, actorAgentId: null }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(MergeError);
  });
});

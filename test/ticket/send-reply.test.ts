import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { demoOutbox } from "../../app/services/channels/demo-adapter.server";
import { MAX_REPLY_CHARS, sendMessage } from "../../app/services/send-reply.server";
import { createShop, createTicket } from "../factories";

async function setup() {
  const shop = await createShop(prisma);
  const ticket = await createTicket(prisma, shop.id, { subject: "Parcel late" });
  await prisma.ticket.update({ where: { id: ticket.id }, data: { waitingSince: new Date(), resolutionDueAt: new Date("2026-04-01T00:00:00Z") } });
  const agent = await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "12345", name: "Test User" } });
  const firstMessage = await prisma.message.findFirstOrThrow({ where: { ticketId: ticket.id } });
  return { shop, ticket, agent, firstMessage };
}

describe("sendMessage", () => {
  it("stores a reply, sends it through the demo adapter and updates the ticket's clocks", async () => {
    // GIVEN a ticket with a waiting customer
    const { shop, ticket, agent, firstMessage } = await setup();
    const now = new Date("2026-03-02T10:00:00Z");

    // WHEN the agent replies and marks it pending
    const result = await sendMessage(prisma, {
      shopId: shop.id, ticketId: ticket.id, agent, kind: "reply", body: "It ships tomorrow, tracking follows.", lastSeenMessageId: firstMessage.id, thenStatus: "pending", now,
    });

    // THEN the message is outbound and sent, the adapter saw it, the ticket moved on
    expect(result.kind).toBe("sent");
    const message = result.kind === "sent" ? result.message : null;
    expect(message).toMatchObject({ direction: "outbound", deliveryStatus: "sent", authorAgentId: agent.id, sentAt: now });
    expect(message?.channelMessageId).toMatch(/^demo-/);
    expect(demoOutbox().at(-1)).toMatchObject({ messageId: message?.id, subject: "Parcel late", to: { email: `c${ticket.number}@example.com` } });
    const after = await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after).toMatchObject({ status: "pending", firstRespondedAt: now, lastAgentMessageAt: now, waitingSince: null, snippet: "It ships tomorrow, tracking follows.", lastActivityAt: now });
    const types = (await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id } })).map((event) => event.type).sort();
    expect(types).toEqual(["message_sent", "status_changed"]);
    expect((await prisma.ticketSearchDocument.findUniqueOrThrow({ where: { ticketId: ticket.id } })).body).toContain("tracking follows");
  });

  it("keeps internal notes off the channel and the snippet", async () => {
    const { shop, ticket, agent } = await setup();
    const before = demoOutbox().length;
    const result = await sendMessage(prisma, { shopId: shop.id, ticketId: ticket.id, agent, kind: "note", body: "Customer is a VIP" });
    expect(result.kind === "sent" && result.message).toMatchObject({ direction: "note", deliveryStatus: "none" });
    expect(demoOutbox().length).toBe(before);
    const after = await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after.snippet).not.toContain("VIP");
    expect(after.firstRespondedAt).toBeNull();
  });

  it("refuses empty and oversize bodies", async () => {
    const { shop, ticket, agent } = await setup();
    expect(await sendMessage(prisma, { shopId: shop.id, ticketId: ticket.id, agent, kind: "reply", body: "  \n " })).toEqual({ kind: "invalid", errors: { body: "empty" } });
    expect(await sendMessage(prisma, { shopId: shop.id, ticketId: ticket.id, agent, kind: "reply", body: "x".repeat(MAX_REPLY_CHARS + 1) })).toEqual({ kind: "invalid", errors: { body: "tooLong" } });
    expect(await prisma.message.count({ where: { ticketId: ticket.id } })).toBe(1);
  });

  it("reports a reply someone else sent since the composer opened, and sends when forced", async () => {
    // GIVEN a colleague replied after our composer last saw the thread
    const { shop, ticket, agent, firstMessage } = await setup();
    await prisma.message.create({
      data: { shopId: shop.id, ticketId: ticket.id, direction: "outbound", authorType: "agent", authorName: "Colleague", bodyText: "Already on it", channel: "email", createdAt: new Date(Date.now() + 1000) },
    });

    // WHEN we reply without knowing
    const result = await sendMessage(prisma, { shopId: shop.id, ticketId: ticket.id, agent, kind: "reply", body: "Hi!", lastSeenMessageId: firstMessage.id });

    // THEN nothing is sent and we see their reply; confirming sends it
    expect(result).toMatchObject({ kind: "conflict", newMessages: [{ authorName: "Colleague", bodyText: "Already on it" }] });
    expect(await prisma.message.count({ where: { ticketId: ticket.id } })).toBe(2);
    const forced = await sendMessage(prisma, { shopId: shop.id, ticketId: ticket.id, agent, kind: "reply", body: "Hi!", lastSeenMessageId: firstMessage.id, force: true });
    expect(forced.kind).toBe("sent");
  });

  it("records a failed delivery without losing the reply", async () => {
    const { shop, ticket, agent } = await setup();
    const failing = { channel: "email", send: async () => { throw new Error("mail server down"); } };
    const result = await sendMessage(prisma, { shopId: shop.id, ticketId: ticket.id, agent, kind: "reply", body: "Hello", adapterFor: () => failing });
    expect(result.kind === "sent" && result.message).toMatchObject({ deliveryStatus: "failed", deliveryError: "mail server down" });
    expect(await prisma.ticketEvent.findFirst({ where: { ticketId: ticket.id, type: "message_failed" } })).not.toBeNull();
  });

  it("does not touch another shop's ticket", async () => {
    const { ticket, agent } = await setup();
    const stranger = await createShop(prisma);
    expect(await sendMessage(prisma, { shopId: stranger.id, ticketId: ticket.id, agent, kind: "reply", body: "Hi" })).toEqual({ kind: "not_found" });
  });
});

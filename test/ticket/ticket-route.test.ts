import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/app.tickets.$ticketId";
import { loader as presenceLoader } from "../../app/routes/app.tickets.$ticketId.presence";
import { recordPresence } from "../../app/services/presence.server";
import { createShop, createTicket, uniqueShopDomain } from "../factories";
import { adminRequest } from "../helpers/admin-request";
import { adminEmulatorForRoutes } from "../helpers/admin-emulator";

// The customer/order panel asks the Admin API: the local emulator answers over HTTP.
adminEmulatorForRoutes();

async function load(domain: string, ticketId: string) {
  return loader({ request: await adminRequest(domain, `/app/tickets/${ticketId}`), params: { ticketId }, context: {} });
}

async function post(domain: string, ticketId: string, fields: Record<string, string>): Promise<Response> {
  const request = await adminRequest(domain, `/app/tickets/${ticketId}`, { method: "POST", body: new URLSearchParams(fields) });
  return (await action({ request, params: { ticketId }, context: {} })) as Response;
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  const result = await promise.catch((error: unknown) => error);
  expect(result).toBeInstanceOf(Response);
  return result as Response;
}

describe("ticket page loader", () => {
  it("shows the thread with notes and timeline entries in time order", async () => {
    // GIVEN a ticket with an inbound message, a note, a reply and a status change
    const shop = await createShop(prisma, { domain: uniqueShopDomain("page") });
    const ticket = await createTicket(prisma, shop.id, { subject: "Broken mug" });
    const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, minutes));
    await prisma.message.updateMany({ where: { ticketId: ticket.id }, data: { createdAt: at(0) } });
    await prisma.message.create({ data: { shopId: shop.id, ticketId: ticket.id, direction: "note", authorType: "agent", authorName: "Ana", bodyText: "Check stock", channel: "email", createdAt: at(2) } });
    await prisma.ticketEvent.create({ data: { shopId: shop.id, ticketId: ticket.id, type: "status_changed", data: { from: "open", to: "pending" }, createdAt: at(3) } });
    const reply = await prisma.message.create({ data: { shopId: shop.id, ticketId: ticket.id, direction: "outbound", authorType: "agent", bodyText: "Sorry!", channel: "email", createdAt: at(4) } });
    await prisma.ticketOrder.create({ data: { ticketId: ticket.id, shopId: shop.id, shopifyOrderId: "gid://shopify/Order/9", orderName: "#1009" } });

    // WHEN the page loads
    const data = await load(shop.domain, ticket.id);

    // THEN everything is interleaved by time and the panel has the customer and the linked order
    expect(data.ticket.subject).toBe("Broken mug");
    expect(data.thread.map((item) => (item.kind === "message" ? item.direction : item.type))).toEqual(["inbound", "note", "status_changed", "outbound"]);
    expect(data.lastMessageId).toBe(reply.id);
    expect(data.panel.ticketId).toBe(ticket.id);
    expect(JSON.stringify(data.panel)).toContain("#1009");
    expect(data.me).toMatchObject({ name: "Test User" });
  });

  it("answers 404 for another shop's ticket and leaks nothing", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("mine") });
    const other = await createShop(prisma);
    const theirs = await createTicket(prisma, other.id, { subject: "Secret" });
    const response = await thrown(load(shop.domain, theirs.id));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("Secret");
    expect((await thrown(post(shop.domain, theirs.id, { intent: "reply", body: "Hi" }))).status).toBe(404);
    expect(await prisma.message.count({ where: { ticketId: theirs.id } })).toBe(1);
  });

  it("passes the neighbours in the default inbox order for j/k", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("nav") });
    const soon = await createTicket(prisma, shop.id, { slaDueAt: new Date(Date.now() + 60_000) });
    const middle = await createTicket(prisma, shop.id, { slaDueAt: new Date(Date.now() + 120_000) });
    const noTarget = await createTicket(prisma, shop.id, { slaDueAt: null });
    await createTicket(prisma, shop.id, { status: "resolved", slaDueAt: new Date(Date.now() + 90_000) });
    const waiting = await createTicket(prisma, shop.id, { status: "pending", slaDueAt: new Date(Date.now() + 100_000) });
    expect((await load(shop.domain, middle.id)).neighbours).toEqual({ previousId: waiting.id, nextId: noTarget.id });
    expect((await load(shop.domain, waiting.id)).neighbours).toEqual({ previousId: soon.id, nextId: middle.id });
    expect((await load(shop.domain, soon.id)).neighbours).toEqual({ previousId: null, nextId: waiting.id });
    expect((await load(shop.domain, noTarget.id)).neighbours).toEqual({ previousId: middle.id, nextId: null });
  });

  it("walks the whole inbox order with j/k: tied due times by id, then the tickets without a target", async () => {
    // GIVEN open and pending tickets, three of them due at the same instant, two without a target
    const shop = await createShop(prisma, { domain: uniqueShopDomain("nav-ties") });
    const due = new Date(Date.now() + 60_000);
    const tickets = [
      await createTicket(prisma, shop.id, { slaDueAt: due }),
      await createTicket(prisma, shop.id, { status: "pending", slaDueAt: due }),
      await createTicket(prisma, shop.id, { slaDueAt: due }),
      await createTicket(prisma, shop.id, { slaDueAt: new Date(due.getTime() - 1) }),
      await createTicket(prisma, shop.id, { status: "pending", slaDueAt: null }),
      await createTicket(prisma, shop.id, { slaDueAt: null }),
    ];
    const key = (ticket: { id: string; slaDueAt: Date | null }) => [ticket.slaDueAt === null ? 1 : 0, ticket.slaDueAt?.getTime() ?? 0, ticket.id] as const;
    const order = [...tickets].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
    });

    // WHEN each is opened THEN its neighbours are the tickets before and after it in that order
    for (const [index, ticket] of order.entries()) {
      expect((await load(shop.domain, ticket.id)).neighbours, `position ${index}`).toEqual({
        previousId: order[index - 1]?.id ?? null,
        nextId: order[index + 1]?.id ?? null,
      });
    }
  });
});

describe("ticket page actions", () => {
  it("sends a reply through the demo adapter and can mark it resolved", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("reply") });
    const ticket = await createTicket(prisma, shop.id);
    const { lastMessageId } = await load(shop.domain, ticket.id);

    const response = await post(shop.domain, ticket.id, { intent: "reply", body: "On its way", lastSeenMessageId: lastMessageId ?? "", thenStatus: "resolved" });

    expect(response.status).toBe(200);
    const data = await load(shop.domain, ticket.id);
    const sent = data.thread.find((item) => item.kind === "message" && item.direction === "outbound");
    expect(sent).toMatchObject({ bodyText: "On its way", deliveryStatus: "sent", authorName: "Test User" });
    expect(data.ticket.status).toBe("resolved");
    expect(data.thread.filter((item) => item.kind === "event").map((item) => item.kind === "event" && item.type).sort()).toEqual(["message_sent", "status_changed"]);
  });

  it("answers 422 for an empty or oversize reply", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("invalid") });
    const ticket = await createTicket(prisma, shop.id);
    const empty = await post(shop.domain, ticket.id, { intent: "reply", body: "   " });
    expect(empty.status).toBe(422);
    expect(await empty.json()).toEqual({ errors: { body: "empty" } });
    const long = await post(shop.domain, ticket.id, { intent: "note", body: "y".repeat(20_001) });
    expect(long.status).toBe(422);
    expect(await long.json()).toEqual({ errors: { body: "tooLong" } });
  });

  it("answers 409 when a colleague replied since the page was loaded, and sends when confirmed", async () => {
    // GIVEN the page was loaded, then a colleague replied
    const shop = await createShop(prisma, { domain: uniqueShopDomain("double") });
    const ticket = await createTicket(prisma, shop.id);
    const { lastMessageId } = await load(shop.domain, ticket.id);
    const colleague = await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "999", name: "Colleague" } });
    await prisma.message.create({
      data: { shopId: shop.id, ticketId: ticket.id, direction: "outbound", authorType: "agent", authorAgentId: colleague.id, authorName: "Colleague", bodyText: "Refund issued", channel: "email", createdAt: new Date(Date.now() + 1000) },
    });

    // WHEN we reply from the stale page
    const fields = { intent: "reply", body: "Let me check", lastSeenMessageId: lastMessageId ?? "" };
    const conflict = await post(shop.domain, ticket.id, fields);

    // THEN 409 with their reply, nothing sent; "send anyway" sends
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ conflict: { newMessages: [{ authorName: "Colleague", bodyText: "Refund issued" }] } });
    expect(await prisma.message.count({ where: { ticketId: ticket.id } })).toBe(2);
    expect((await post(shop.domain, ticket.id, { ...fields, force: "1" })).status).toBe(200);
    expect(await prisma.message.count({ where: { ticketId: ticket.id } })).toBe(3);
  });

  it("edits fields with timeline entries and refuses a stale form with 409", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("edit") });
    const ticket = await createTicket(prisma, shop.id);
    const page = await load(shop.domain, ticket.id);
    const me = page.me!;

    const saved = await post(shop.domain, ticket.id, {
      intent: "update", updatedAt: page.ticket.updatedAt, status: "pending", priority: "urgent", severity: "L1", category: "complaint", assigneeId: me.id, tags: "VIP, refund",
    });
    expect(saved.status).toBe(200);
    const after = await load(shop.domain, ticket.id);
    expect(after.ticket).toMatchObject({ status: "pending", priority: "urgent", severity: "L1", category: "complaint", assignee: { id: me.id }, tags: ["refund", "vip"] });
    expect(after.thread.filter((item) => item.kind === "event")).toHaveLength(6);

    // The first form's updatedAt is now stale.
    const stale = await post(shop.domain, ticket.id, { intent: "update", updatedAt: page.ticket.updatedAt, priority: "low" });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ stale: { message: expect.stringContaining("changed"), currentUpdatedAt: after.ticket.updatedAt } });
    expect((await load(shop.domain, ticket.id)).ticket.priority).toBe("urgent");

    const invalid = await post(shop.domain, ticket.id, { intent: "update", priority: "someday" });
    expect(invalid.status).toBe(422);
  });

  it("snoozes until a future time, rejects a past one, and wakes", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("snooze") });
    const ticket = await createTicket(prisma, shop.id);
    const until = new Date(Date.now() + 86_400_000);
    expect((await post(shop.domain, ticket.id, { intent: "snooze", snoozedUntil: new Date(Date.now() - 1000).toISOString() })).status).toBe(422);
    expect((await post(shop.domain, ticket.id, { intent: "snooze", snoozedUntil: until.toISOString() })).status).toBe(200);
    expect((await load(shop.domain, ticket.id)).ticket).toMatchObject({ status: "snoozed", snoozedUntil: until.toISOString() });
    expect((await post(shop.domain, ticket.id, { intent: "wake" })).status).toBe(200);
    expect((await load(shop.domain, ticket.id)).ticket).toMatchObject({ status: "open", snoozedUntil: null });
  });

  it("merges into another ticket of the shop by number and redirects there", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("merge") });
    const other = await createShop(prisma);
    const source = await createTicket(prisma, shop.id);
    const target = await createTicket(prisma, shop.id);
    const foreign = await createTicket(prisma, other.id, { number: 424242 });
    expect((await post(shop.domain, source.id, { intent: "merge", targetNumber: String(foreign.number) })).status).toBe(422);
    const response = await post(shop.domain, source.id, { intent: "merge", targetNumber: `#${target.number}` });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/app/tickets/${target.id}`);
    const merged = await load(shop.domain, source.id);
    expect(merged.ticket).toMatchObject({ status: "closed", mergedInto: { id: target.id, number: target.number } });
  });

  it("sets the agent's availability", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("away") });
    const ticket = await createTicket(prisma, shop.id);
    expect((await post(shop.domain, ticket.id, { intent: "availability", availability: "away" })).status).toBe(200);
    expect((await load(shop.domain, ticket.id)).me?.availability).toBe("away");
  });
});

describe("presence route", () => {
  it("records this agent and lists colleagues seen in the last 30 s", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("presence") });
    const ticket = await createTicket(prisma, shop.id);
    const colleague = await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "777", name: "Colleague" } });
    await recordPresence(prisma, { shopId: shop.id, ticketId: ticket.id, agentId: colleague.id, state: "typing" });

    const request = await adminRequest(shop.domain, `/app/tickets/${ticket.id}/presence?state=viewing`);
    const response = (await presenceLoader({ request, params: { ticketId: ticket.id }, context: {} })) as Response;

    expect(await response.json()).toMatchObject({ others: [{ name: "Colleague", state: "typing" }] });
    const mine = await prisma.ticketPresence.findMany({ where: { ticketId: ticket.id } });
    expect(mine).toHaveLength(2);
    const stranger = await createShop(prisma, { domain: uniqueShopDomain("stranger") });
    const foreign = await adminRequest(stranger.domain, `/app/tickets/${ticket.id}/presence`);
    expect((await thrown(presenceLoader({ request: foreign, params: { ticketId: ticket.id }, context: {} }))).status).toBe(404);
  });
});

// app.tickets.$ticketId.orders: link, unlink, search, add a note (appended) or a tag to a linked order,
// through the real route with Shopify's test helpers and the Admin emulator over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/app.tickets.$ticketId.orders";
import type { CustomerPanelView, OrderActionResult } from "../../app/services/panel/types";
import { startAdminEmulator, type RunningAdminEmulator } from "../../dev/emulator";
import { uniqueShopDomain } from "../factories";
import { adminRequest } from "../helpers/admin-request";
import { createPanelTicket, customerWithTrackedOrder, FIXTURE } from "./panel-fixtures";

let emulator: RunningAdminEmulator;
beforeAll(async () => {
  emulator = await startAdminEmulator({ port: 0, shop: FIXTURE }); // any token: the test sessions have their own
  process.env.SHOPIFY_ADMIN_API_ORIGIN = emulator.origin;
});
afterAll(async () => {
  delete process.env.SHOPIFY_ADMIN_API_ORIGIN;
  await emulator?.close();
});
beforeEach(() => emulator.handler.reset());

async function post(domain: string, ticketId: string, fields: Record<string, string>) {
  const request = await adminRequest(domain, `/app/tickets/${ticketId}/orders`, { method: "POST", body: new URLSearchParams(fields) });
  const response = await action({ request, params: { ticketId }, context: {} });
  return { status: response.status, body: (await response.json()) as OrderActionResult };
}

async function ticketWithLinkedOrder() {
  const { customer, order } = customerWithTrackedOrder();
  const domain = uniqueShopDomain("orders-route");
  const setup = await createPanelTicket(prisma, { domain, email: customer.email, messages: ["Where is my parcel?"] });
  await prisma.ticketOrder.create({ data: { shopId: setup.shop.id, ticketId: setup.ticket.id, shopifyOrderId: order.id, orderName: order.name, linkedBy: "manual" } });
  return { ...setup, domain, order };
}

describe("order actions from a ticket", () => {
  it("appends a note to the order without overwriting it, and records it on the timeline", async () => {
    // GIVEN a linked order that already has a note
    const { domain, ticket, order } = await ticketWithLinkedOrder();
    emulator.handler.state.store.order(order.id)!.note = "Leave at the back door.";

    // WHEN the agent adds a note from the ticket
    const { status, body } = await post(domain, ticket.id, { intent: "addNote", orderId: order.id, note: "Customer reports a damaged box." });

    // THEN the old note stays and the new line follows it
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, intent: "addNote", message: order.name });
    const note = emulator.handler.state.store.order(order.id)!.note!;
    expect(note.split("\n")[0]).toBe("Leave at the back door.");
    expect(note.split("\n")[1]).toMatch(new RegExp(`^\\[Shopdesk #${ticket.number}.*\\] Customer reports a damaged box\\.$`));
    const event = await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id, type: "order_action" } });
    expect(event).toMatchObject({ actorType: "agent", data: { action: "add_note", orderId: order.id, orderName: order.name, note: "Customer reports a damaged box." } });

    // AND a second note is appended again
    await post(domain, ticket.id, { intent: "addNote", orderId: order.id, note: "Replacement sent." });
    expect(emulator.handler.state.store.order(order.id)!.note!.split("\n")).toHaveLength(3);
  });

  it("adds a tag to the order, keeping its tags, and records it", async () => {
    const { domain, ticket, order } = await ticketWithLinkedOrder();
    const before = [...emulator.handler.state.store.order(order.id)!.tags];

    const { status } = await post(domain, ticket.id, { intent: "addTag", orderId: order.id, tag: "support-escalated" });

    expect(status).toBe(200);
    expect(emulator.handler.state.store.order(order.id)!.tags).toEqual([...before, "support-escalated"]);
    expect(await prisma.ticketEvent.findFirst({ where: { ticketId: ticket.id, type: "order_action" } })).toMatchObject({ data: { action: "add_tag", tag: "support-escalated" } });
  });

  it("answers 422 with field errors for bad input", async () => {
    const { domain, ticket, order } = await ticketWithLinkedOrder();
    expect(await post(domain, ticket.id, { intent: "addNote", orderId: order.id, note: "  " })).toEqual({ status: 422, body: { ok: false, errors: { note: expect.any(String) } } });
    expect((await post(domain, ticket.id, { intent: "addTag", orderId: order.id, tag: "a,b" })).body).toEqual({ ok: false, errors: { tag: expect.any(String) } });
    expect((await post(domain, ticket.id, { intent: "explode" })).status).toBe(422);
    expect((await post(domain, ticket.id, { intent: "link", orderId: "not-an-id" })).body).toEqual({ ok: false, errors: { orderId: expect.any(String) } });
    // an order that is not linked to this ticket cannot be changed from it
    const other = FIXTURE.orders.find((candidate) => candidate.id !== order.id)!;
    expect((await post(domain, ticket.id, { intent: "addTag", orderId: other.id, tag: "x" })).status).toBe(422);
    expect(await prisma.ticketEvent.count({ where: { ticketId: ticket.id, type: "order_action" } })).toBe(0);
  });

  it("searches by order name, links and unlinks by hand, on the timeline", async () => {
    const { domain, ticket, order } = await ticketWithLinkedOrder();
    const target = FIXTURE.orders.find((candidate) => candidate.customerId !== order.customerId)!;

    // WHEN the agent searches for the order by its number
    const search = await post(domain, ticket.id, { intent: "search", query: target.name.replace("#", "") });
    expect(search.body).toEqual({ ok: true, intent: "search", results: [expect.objectContaining({ id: target.id, name: target.name, linked: false })] });

    // AND links it, then unlinks the first order
    expect((await post(domain, ticket.id, { intent: "link", orderId: target.id })).body).toEqual({ ok: true, intent: "link", message: target.name });
    expect((await post(domain, ticket.id, { intent: "unlink", orderId: order.id })).body).toEqual({ ok: true, intent: "unlink", message: order.name });

    // THEN the links and timeline say so
    expect(await prisma.ticketOrder.findMany({ where: { ticketId: ticket.id }, select: { shopifyOrderId: true, linkedBy: true } })).toEqual([{ shopifyOrderId: target.id, linkedBy: "manual" }]);
    expect((await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { createdAt: "asc" } })).map((event) => event.type)).toEqual(["order_linked", "order_unlinked"]);
  });

  it("answers 404 for another shop's ticket, and changes nothing", async () => {
    const { ticket, order } = await ticketWithLinkedOrder();
    const strangerDomain = uniqueShopDomain("stranger");
    await createPanelTicket(prisma, { domain: strangerDomain, email: "x@example.com", messages: ["hi"] });

    const request = await adminRequest(strangerDomain, `/app/tickets/${ticket.id}/orders`, { method: "POST", body: new URLSearchParams({ intent: "addTag", orderId: order.id, tag: "x" }) });
    await expect(action({ request, params: { ticketId: ticket.id }, context: {} })).rejects.toMatchObject({ status: 404 });
    const getRequest = await adminRequest(strangerDomain, `/app/tickets/${ticket.id}/orders`);
    await expect(loader({ request: getRequest, params: { ticketId: ticket.id }, context: {} })).rejects.toMatchObject({ status: 404 });
    expect(emulator.handler.state.requestCount).toBe(0);
  });

  it("returns the panel as JSON on GET", async () => {
    const { domain, ticket, order } = await ticketWithLinkedOrder();
    const request = await adminRequest(domain, `/app/tickets/${ticket.id}/orders`);
    const panel = (await (await loader({ request, params: { ticketId: ticket.id }, context: {} })).json()) as CustomerPanelView;
    expect(panel.orders.map((entry) => entry.name)).toContain(order.name);
  });
});

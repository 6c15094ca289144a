import { describe, expect, it } from "vitest";
import { APP_URL } from "@shopify/shopify-api/test-helpers";
import prisma from "../../app/db.server";
import { loader } from "../../app/routes/app._index";
import { createShop, uniqueShopDomain } from "../factories";
import { inboxTicket, loadInbox, postBulk, sessionAgent } from "./inbox-helpers";

async function bulkShop(label: string) {
  const shop = await createShop(prisma, { domain: uniqueShopDomain(label) });
  await loadInbox(shop.domain);
  return { shop, me: await sessionAgent(shop.id) };
}

describe("inbox bulk actions", () => {
  it("assigns, sets status and priority, and tags the selected tickets of this shop only", async () => {
    // GIVEN two tickets of this shop and one of another shop
    const { shop, me } = await bulkShop("bulk");
    const a = await inboxTicket(shop.id);
    const b = await inboxTicket(shop.id);
    const other = await createShop(prisma);
    const foreign = await inboxTicket(other.id);
    const selected = (...ids: string[]): [string, string][] => ids.map((id) => ["ticketIds", id]);

    // WHEN the agent applies bulk actions, smuggling in the other shop's ticket
    expect(await postBulk(shop.domain, [["intent", "assign"], ["value", me.id], ...selected(a.id, b.id, foreign.id)])).toEqual({ status: 200, body: { ok: true, intent: "update", count: 2 } });
    await postBulk(shop.domain, [["intent", "priority"], ["value", "urgent"], ...selected(a.id, b.id, foreign.id)]);
    await postBulk(shop.domain, [["intent", "addTag"], ["value", "VIP, late"], ...selected(a.id, b.id, foreign.id)]);
    await postBulk(shop.domain, [["intent", "removeTag"], ["value", "late"], ...selected(b.id)]);
    await postBulk(shop.domain, [["intent", "status"], ["value", "pending"], ...selected(a.id, foreign.id)]);

    // THEN this shop's tickets changed and show so in the views; the other shop's did not
    const tickets = await prisma.ticket.findMany({ where: { id: { in: [a.id, b.id, foreign.id] } }, include: { tags: true } });
    const find = (id: string) => tickets.find((ticket) => ticket.id === id)!;
    expect(find(a.id)).toMatchObject({ assigneeId: me.id, priority: "urgent", status: "pending" });
    expect(find(a.id).tags.map((tag) => tag.tag).sort()).toEqual(["late", "vip"]);
    expect(find(b.id).tags.map((tag) => tag.tag)).toEqual(["vip"]);
    expect(find(foreign.id)).toMatchObject({ assigneeId: null, priority: "normal", status: "open", tags: [] });
    const counts = (await loadInbox(shop.domain)).counts;
    expect(counts).toMatchObject({ mine: 2, urgent: 2, waiting: 1, unassigned: 0 });
    expect((await loadInbox(shop.domain, "tag=vip")).rows).toHaveLength(2);

    // AND unassigning works
    await postBulk(shop.domain, [["intent", "assign"], ["value", ""], ...selected(b.id)]);
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: b.id } })).assigneeId).toBeNull();
  });

  it("merges duplicates into the chosen ticket, which then stands alone in the inbox", async () => {
    const { shop } = await bulkShop("merge");
    const target = await inboxTicket(shop.id, { message: "first message" });
    const duplicate = await inboxTicket(shop.id, { message: "same question again" });
    const response = await postBulk(shop.domain, [["intent", "merge"], ["value", target.id], ["ticketIds", target.id], ["ticketIds", duplicate.id]]);
    expect(response).toEqual({ status: 200, body: { ok: true, intent: "merge", count: 1 } });
    const data = await loadInbox(shop.domain);
    expect(data.rows.map((row) => row.id)).toEqual([target.id]);
    expect((await loadInbox(shop.domain, "view=resolved")).rows).toEqual([]); // merged tickets appear nowhere
    expect((await loadInbox(shop.domain, "q=again")).rows.map((row) => row.id)).toEqual([target.id]);
  });

  it("answers invalid bulk actions with 422 and the reason", async () => {
    const { shop } = await bulkShop("bulk-invalid");
    const ticket = await inboxTicket(shop.id);
    const otherShop = await createShop(prisma);
    const foreignAgent = await prisma.agent.create({ data: { shopId: otherShop.id, shopifyStaffId: "1", name: "Elsewhere" } });
    expect(await postBulk(shop.domain, [["intent", "status"], ["value", "exploded"], ["ticketIds", ticket.id]])).toMatchObject({ status: 422, body: { errors: { value: expect.any(String) } } });
    expect(await postBulk(shop.domain, [["intent", "assign"], ["value", foreignAgent.id], ["ticketIds", ticket.id]])).toMatchObject({ status: 422, body: { errors: { assigneeId: "unknown" } } });
    expect(await postBulk(shop.domain, [["intent", "merge"], ["value", ticket.id], ["ticketIds", ticket.id]])).toMatchObject({ status: 422 });
    expect(await postBulk(shop.domain, [["intent", "status"], ["value", "open"]])).toMatchObject({ status: 422, body: { errors: { ticketIds: expect.any(String) } } });
  });
});

describe("inbox authentication", () => {
  it("rejects a request without a valid session token", async () => {
    const response = await loader({ request: new Request(`${APP_URL}/app?shop=x.myshopify.com`), params: {}, context: {} }).catch((thrown) => thrown);
    expect(response).toBeInstanceOf(Response);
    expect([302, 401, 410]).toContain((response as Response).status);
  });
});

describe("agent availability from the inbox header", () => {
  it("switches the agent working between available and away", async () => {
    const { shop, me } = await bulkShop("availability");
    expect((await loadInbox(shop.domain)).availability).toBe("available");
    expect(await postBulk(shop.domain, [["intent", "availability"], ["availability", "away"]])).toMatchObject({ status: 200 });
    expect((await prisma.agent.findUniqueOrThrow({ where: { id: me.id } })).availability).toBe("away");
    expect((await loadInbox(shop.domain)).availability).toBe("away");
    expect(await postBulk(shop.domain, [["intent", "availability"], ["availability", "asleep"]])).toMatchObject({ status: 422 });
  });
});

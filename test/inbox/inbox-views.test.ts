import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createShop, uniqueShopDomain } from "../factories";
import { inboxTicket, loadInbox, sessionAgent } from "./inbox-helpers";

const minutes = (count: number) => new Date(Date.now() + count * 60_000);

async function shopWithAgent(label: string) {
  const shop = await createShop(prisma, { domain: uniqueShopDomain(label) });
  await loadInbox(shop.domain); // the session's staff member becomes an agent
  const me = await sessionAgent(shop.id);
  const colleague = await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "999", name: "Colleague" } });
  return { shop, me, colleague };
}

describe("inbox views and counts", () => {
  it("puts each ticket in the right views and counts them", async () => {
    // GIVEN tickets in every state
    const { shop, me, colleague } = await shopWithAgent("views");
    const mine = await inboxTicket(shop.id, { assigneeId: me.id, slaDueAt: minutes(300) });
    const theirs = await inboxTicket(shop.id, { assigneeId: colleague.id, slaDueAt: minutes(500) });
    const urgent = await inboxTicket(shop.id, { priority: "urgent", slaDueAt: minutes(200) });
    const overdue = await inboxTicket(shop.id, { slaDueAt: minutes(-10) });
    const soon = await inboxTicket(shop.id, { slaDueAt: minutes(30) });
    const pausedSoon = await inboxTicket(shop.id, { status: "pending", slaDueAt: minutes(20), slaPausedAt: new Date() });
    const snoozed = await inboxTicket(shop.id, { status: "snoozed", snoozedUntil: minutes(600) });
    const resolved = await inboxTicket(shop.id, { status: "resolved" });
    const closed = await inboxTicket(shop.id, { status: "closed" });
    const target = await inboxTicket(shop.id, { status: "open", slaDueAt: null });
    await inboxTicket(shop.id, { status: "closed", mergedIntoId: target.id }); // merged away: in no view

    // WHEN each view loads
    const ids = async (view: string) => (await loadInbox(shop.domain, `view=${view}`)).rows.map((row) => row.id).sort();
    const data = await loadInbox(shop.domain);

    // THEN
    const sorted = (...tickets: { id: string }[]) => tickets.map((ticket) => ticket.id).sort();
    expect(await ids("all")).toEqual(sorted(mine, theirs, urgent, overdue, soon, pausedSoon, target));
    expect(await ids("mine")).toEqual(sorted(mine));
    expect(await ids("unassigned")).toEqual(sorted(urgent, overdue, soon, pausedSoon, target));
    expect(await ids("urgent")).toEqual(sorted(urgent));
    expect(await ids("breaching")).toEqual(sorted(overdue, soon));
    expect(await ids("waiting")).toEqual(sorted(pausedSoon));
    expect(await ids("snoozed")).toEqual(sorted(snoozed));
    expect(await ids("resolved")).toEqual(sorted(resolved, closed));
    expect(data.counts).toEqual({ all: 7, mine: 1, unassigned: 5, urgent: 1, breaching: 2, waiting: 1, snoozed: 1, resolved: 2 });
  });

  it("shows each row's customer, badges, assignee, unread marker and linked order", async () => {
    const { shop, me } = await shopWithAgent("row");
    await inboxTicket(shop.id, {
      subject: "Parcel stuck",
      snippet: "It has not moved",
      channel: "chat",
      priority: "high",
      severity: "L1",
      assigneeId: me.id,
      unread: true,
      orderName: "#1042",
      customerName: "Ada Lovelace",
      customerEmail: "ada@example.com",
      number: 4242,
      slaDueAt: new Date("2026-03-04T05:06:07.089Z"),
      slaPausedAt: new Date("2026-03-01T00:00:00.000Z"),
      lastActivityAt: new Date("2026-03-02T10:00:00.500Z"),
      createdAt: new Date("2026-02-28T23:59:59.999Z"),
    });
    const [row] = (await loadInbox(shop.domain)).rows;
    // Times come back as the same instants, whatever text form the database keeps them in.
    expect(row).toMatchObject({
      number: 4242,
      slaDueAt: "2026-03-04T05:06:07.089Z",
      slaPaused: true,
      lastActivityAt: "2026-03-02T10:00:00.500Z",
      createdAt: "2026-02-28T23:59:59.999Z",
      assigneeId: me.id,
      subject: "Parcel stuck",
      snippet: "It has not moved",
      channel: "chat",
      priority: "high",
      severity: "L1",
      assigneeName: me.name,
      unread: true,
      orderName: "#1042",
      customerName: "Ada Lovelace",
      customerEmail: "ada@example.com",
    });
  });

  it("never shows another shop's tickets, counts, agents or search matches", async () => {
    // GIVEN two shops with look-alike tickets
    const { shop } = await shopWithAgent("mine");
    const { shop: other, colleague: otherAgent } = await shopWithAgent("theirs");
    await inboxTicket(shop.id, { subject: "Ours", orderName: "#1001" });
    const theirs = await inboxTicket(other.id, { subject: "Other shop's secret", orderName: "#1001", priority: "urgent", tags: ["vip"] });

    // WHEN the first shop loads views, filters and searches, even naming the other shop's agent
    const loads = await Promise.all(
      ["", "view=urgent", "view=resolved", "q=%231001", "q=secret", "tag=vip", `assignee=${otherAgent.id}`, "sort=created"].map((search) => loadInbox(shop.domain, search)),
    );

    // THEN nothing of the other shop appears
    for (const data of loads) {
      expect(JSON.stringify(data)).not.toContain("Other shop's secret");
      expect(JSON.stringify(data)).not.toContain(theirs.id);
      expect(data.agents.map((agent) => agent.id)).not.toContain(otherAgent.id);
    }
    expect(loads[0]!.counts.all).toBe(1);
    expect(loads[3]!.rows).toHaveLength(1);
  });

  it("creates the shop on first sight and shows an empty inbox", async () => {
    const domain = uniqueShopDomain("fresh");
    const data = await loadInbox(domain);
    expect(data.rows).toEqual([]);
    expect(data.counts.all).toBe(0);
    expect(await prisma.shop.findUnique({ where: { domain } })).not.toBeNull();
  });

  it("ignores unknown filter values and answers a malformed cursor with 400", async () => {
    const { shop } = await shopWithAgent("bad");
    await inboxTicket(shop.id);
    const data = await loadInbox(shop.domain, "view=nope&status=weird&priority=%27%3B--&sla=soonish&sort=chaos&createdFrom=yesterday&assignee=%3Cscript%3E");
    expect(data.rows).toHaveLength(1);
    const thrown = await loadInbox(shop.domain, "cursor=not-a-cursor").catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    expect(((await (thrown as Response).json()) as { message: string }).message).toMatch(/cursor/);
  });
});

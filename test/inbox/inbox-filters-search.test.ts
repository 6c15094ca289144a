import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createShop, uniqueShopDomain } from "../factories";
import { inboxTicket, loadInbox, sessionAgent } from "./inbox-helpers";

const minutes = (count: number) => new Date(Date.now() + count * 60_000);

describe("inbox filters", () => {
  it("narrows by each filter, and filters combine with the view", async () => {
    // GIVEN a shop with varied tickets
    const shop = await createShop(prisma, { domain: uniqueShopDomain("filters") });
    await loadInbox(shop.domain);
    const me = await sessionAgent(shop.id);
    const a = await inboxTicket(shop.id, { priority: "urgent", severity: "L1", category: "complaint", channel: "chat", assigneeId: me.id, tags: ["vip"], slaDueAt: minutes(-5), createdAt: new Date("2026-01-10T12:00:00Z") });
    const b = await inboxTicket(shop.id, { status: "pending", priority: "low", severity: "L2", category: "order_status", channel: "email", tags: ["late"], slaDueAt: minutes(30), createdAt: new Date("2026-01-15T12:00:00Z") });
    const c = await inboxTicket(shop.id, { priority: "high", category: "order_status", channel: "phone", slaDueAt: minutes(600), createdAt: new Date("2026-01-20T12:00:00Z") });
    const d = await inboxTicket(shop.id, { slaDueAt: null, createdAt: new Date("2026-02-01T12:00:00Z") });
    const e = await inboxTicket(shop.id, { status: "pending", slaDueAt: minutes(90), slaPausedAt: new Date(), createdAt: new Date("2026-02-02T12:00:00Z") });
    await inboxTicket(shop.id, { status: "resolved", priority: "urgent", tags: ["vip"] });

    const ids = async (search: string) => (await loadInbox(shop.domain, search)).rows.map((row) => row.id).sort();
    const sorted = (...tickets: { id: string }[]) => tickets.map((ticket) => ticket.id).sort();

    // THEN each filter narrows the open view
    expect(await ids("status=pending")).toEqual(sorted(b, e));
    expect(await ids("status=resolved")).toEqual([]); // the "All open" view has no resolved tickets
    expect(await ids("view=resolved&priority=urgent")).toHaveLength(1);
    expect(await ids("priority=urgent,low")).toEqual(sorted(a, b));
    expect(await ids("severity=L1")).toEqual(sorted(a));
    expect(await ids("category=order_status")).toEqual(sorted(b, c));
    expect(await ids("channel=chat&channel=phone")).toEqual(sorted(a, c));
    expect(await ids("assignee=me")).toEqual(sorted(a));
    expect(await ids(`assignee=${me.id}`)).toEqual(sorted(a));
    expect(await ids("assignee=unassigned")).toEqual(sorted(b, c, d, e));
    expect(await ids("tag=VIP")).toEqual(sorted(a));
    expect(await ids("tag=vip,late")).toEqual(sorted(a, b));
    expect(await ids("sla=breached")).toEqual(sorted(a));
    expect(await ids("sla=at_risk")).toEqual(sorted(b));
    expect(await ids("sla=on_track")).toEqual(sorted(c));
    expect(await ids("sla=no_target")).toEqual(sorted(d));
    expect(await ids("sla=paused")).toEqual(sorted(e));
    expect(await ids("sla=breached,at_risk")).toEqual(sorted(a, b));
    // Calendar days in the shop's time zone (Europe/Berlin), inclusive
    expect(await ids("createdFrom=2026-01-15&createdTo=2026-01-20")).toEqual(sorted(b, c));
    expect(await ids("createdFrom=2026-02-01")).toEqual(sorted(d, e));
    expect(await ids("createdTo=2026-01-10")).toEqual(sorted(a));
    // Combined
    expect(await ids("category=order_status&priority=high&channel=phone")).toEqual(sorted(c));
  });
});

describe("inbox search", () => {
  it("finds by message text, subject, customer name and email, order name, and Chinese, with filters and sorts", async () => {
    // GIVEN tickets in English and Chinese, linked to orders
    const shop = await createShop(prisma, { domain: uniqueShopDomain("search") });
    const parcel = await inboxTicket(shop.id, { subject: "Where is my parcel?", message: "Tracking has not moved for four days", orderName: "#1001", priority: "high" });
    const refund = await inboxTicket(shop.id, {
      subject: "退款申请",
      message: "订单里的外套尺码偏小，请问怎么退货？",
      orderName: "#1002",
      customerName: "王小明",
      customerEmail: "xiaoming@example.cn",
    });
    const closed = await inboxTicket(shop.id, { status: "resolved", subject: "Old tracking question", message: "tracking number please" });
    const other = await createShop(prisma);
    await inboxTicket(other.id, { subject: "Where is my parcel?", message: "Tracking", orderName: "#1001" });

    const ids = async (search: string) => (await loadInbox(shop.domain, search)).rows.map((row) => row.id);
    // THEN
    expect(await ids("q=tracking")).toEqual([parcel.id]); // the resolved one is not in the open view
    expect(await ids("view=resolved&q=tracking")).toEqual([closed.id]);
    expect(await ids("q=%231001")).toEqual([parcel.id]);
    expect(await ids("q=%231002")).toEqual([refund.id]);
    expect(await ids(`q=${encodeURIComponent("尺码偏小")}`)).toEqual([refund.id]);
    expect(await ids(`q=${encodeURIComponent("退货")}`)).toEqual([refund.id]); // two characters
    expect(await ids(`q=${encodeURIComponent("王小明")}`)).toEqual([refund.id]);
    expect(await ids("q=xiaoming%40example.cn")).toEqual([refund.id]);
    expect(await ids("q=parcel&priority=high&sort=created")).toEqual([parcel.id]);
    expect(await ids("q=parcel&priority=low")).toEqual([]);
    expect(await ids("q=nothing+like+this")).toEqual([]);
  });
});

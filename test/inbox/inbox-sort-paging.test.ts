import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { parseInboxQuery } from "../../app/domain/inbox-filters";
import { priorityRank } from "../../app/domain/ticket-fields";
import { listInboxPageIds } from "../../app/models/inbox-query.server";
import { databaseProvider } from "../../app/db/create-client.server";
import { env } from "../../app/env.server";
import { createShop, uniqueShopDomain } from "../factories";
import { inboxTicket, loadInbox } from "./inbox-helpers";

interface Key {
  id: string;
  slaDueAt: Date | null;
  lastActivityAt: Date;
  createdAt: Date;
  priority: string;
}

const byId = (a: Key, b: Key) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const time = (date: Date) => date.getTime();

// The documented orders, written independently of the implementation.
const EXPECTED: Record<string, (a: Key, b: Key) => number> = {
  "sort=sla_due": (a, b) =>
    (a.slaDueAt === null ? 1 : 0) - (b.slaDueAt === null ? 1 : 0) || (a.slaDueAt && b.slaDueAt ? time(a.slaDueAt) - time(b.slaDueAt) : 0) || byId(a, b),
  "sort=last_activity": (a, b) => time(b.lastActivityAt) - time(a.lastActivityAt) || byId(b, a),
  "sort=last_activity&dir=asc": (a, b) => time(a.lastActivityAt) - time(b.lastActivityAt) || byId(a, b),
  "sort=priority": (a, b) => priorityRank(a.priority) - priorityRank(b.priority) || time(a.createdAt) - time(b.createdAt) || byId(a, b),
  "sort=created": (a, b) => time(b.createdAt) - time(a.createdAt) || byId(b, a),
  "sort=created&dir=asc": (a, b) => time(a.createdAt) - time(b.createdAt) || byId(a, b),
};

describe("inbox sort and keyset pagination", () => {
  it("pages through every sort with no duplicates and no gaps, ties and missing SLA targets included", async () => {
    // GIVEN 23 open and pending tickets with deliberately tied sort keys, and a resolved one
    const shop = await createShop(prisma, { domain: uniqueShopDomain("paging") });
    const base = Date.UTC(2026, 0, 1);
    const priorities = ["urgent", "high", "normal", "low"];
    for (let index = 0; index < 23; index++) {
      await inboxTicket(shop.id, {
        status: index % 3 === 0 ? "pending" : "open",
        priority: priorities[index % 4],
        slaDueAt: index % 5 === 0 ? null : new Date(base + (index % 4) * 3_600_000), // four due times, shared
        lastActivityAt: new Date(base + (index % 6) * 60_000),
        createdAt: new Date(base - (index % 7) * 86_400_000),
      });
    }
    await inboxTicket(shop.id, { status: "resolved" });
    const all: Key[] = await prisma.ticket.findMany({
      where: { shopId: shop.id, status: { in: ["open", "pending"] } },
      select: { id: true, slaDueAt: true, lastActivityAt: true, createdAt: true, priority: true },
    });
    expect(all).toHaveLength(23);
    const context = { shopId: shop.id, agentId: null, timeZone: "Europe/Berlin", now: new Date() };

    for (const [search, compare] of Object.entries(EXPECTED)) {
      // WHEN paging four at a time
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query = parseInboxQuery(new URLSearchParams(`${search}${cursor ? `&cursor=${cursor}` : ""}`));
        const page = await listInboxPageIds(prisma, databaseProvider(env.DATABASE_URL), context, query, { limit: 4 });
        seen.push(...page.ids);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 20);

      // THEN the pages concatenate to exactly the documented order
      expect(seen, search).toEqual([...all].sort(compare).map((ticket) => ticket.id));
      expect(pages, search).toBe(6);
    }

    // AND the SLA order narrowed to priorities (read per status and priority) pages the same way
    const narrowed: Record<string, (key: Key) => boolean> = {
      "priority=urgent,high": (key) => key.priority === "urgent" || key.priority === "high",
      "view=urgent": (key) => key.priority === "urgent",
      "view=urgent&priority=urgent,low": (key) => key.priority === "urgent",
      "view=urgent&priority=low": () => false,
    };
    for (const [search, keep] of Object.entries(narrowed)) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query = parseInboxQuery(new URLSearchParams(`${search}${cursor ? `&cursor=${cursor}` : ""}`));
        const page = await listInboxPageIds(prisma, databaseProvider(env.DATABASE_URL), context, query, { limit: 3 });
        seen.push(...page.ids);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(seen, search).toEqual(all.filter(keep).sort(EXPECTED["sort=sla_due"]).map((ticket) => ticket.id));
    }
  });

  it("pages the loader 50 at a time, soonest SLA due first", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("loader-paging") });
    for (let number = 1; number <= 55; number++) await inboxTicket(shop.id, { number, slaDueAt: new Date(Date.now() + number * 60_000) });
    const first = await loadInbox(shop.domain);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]!.number).toBe(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await loadInbox(shop.domain, `cursor=${first.nextCursor}`);
    expect(second.rows.map((row) => row.number)).toEqual([51, 52, 53, 54, 55]);
    expect(second.nextCursor).toBeNull();
    // A cursor made for one sort is refused by another
    const refused = await loadInbox(shop.domain, `sort=created&cursor=${first.nextCursor}`).catch((error: unknown) => error);
    expect((refused as Response).status).toBe(400);
  });
});

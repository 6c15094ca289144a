import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { clearPresence, listPresence, recordPresence } from "../../app/services/presence.server";
import { createShop, createTicket } from "../factories";

describe("ticket presence", () => {
  it("lists other agents seen in the last 30 seconds with what they are doing", async () => {
    // GIVEN three agents on one ticket, one of them gone quiet 31 s ago
    const shop = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id);
    const [me, typist, stale] = await Promise.all(
      ["Me", "Typist", "Stale"].map((name, index) => prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: String(index), name } })),
    );
    const now = new Date("2026-03-02T10:00:00Z");
    await recordPresence(prisma, { shopId: shop.id, ticketId: ticket.id, agentId: me!.id, state: "viewing", now });
    await recordPresence(prisma, { shopId: shop.id, ticketId: ticket.id, agentId: typist!.id, state: "viewing", now: new Date(now.getTime() - 20_000) });
    await recordPresence(prisma, { shopId: shop.id, ticketId: ticket.id, agentId: typist!.id, state: "typing", now: new Date(now.getTime() - 5_000) });
    await recordPresence(prisma, { shopId: shop.id, ticketId: ticket.id, agentId: stale!.id, state: "viewing", now: new Date(now.getTime() - 31_000) });

    // WHEN I ask who else is here
    const others = await listPresence(prisma, { shopId: shop.id, ticketId: ticket.id, excludeAgentId: me!.id, now });

    // THEN only the typist shows; another shop sees nobody
    expect(others).toEqual([{ agentId: typist!.id, name: "Typist", state: "typing", lastSeenAt: new Date(now.getTime() - 5_000).toISOString() }]);
    const stranger = await createShop(prisma);
    expect(await listPresence(prisma, { shopId: stranger.id, ticketId: ticket.id, now })).toEqual([]);
    await clearPresence(prisma, { shopId: shop.id, ticketId: ticket.id, agentId: typist!.id });
    expect(await listPresence(prisma, { shopId: shop.id, ticketId: ticket.id, excludeAgentId: me!.id, now })).toEqual([]);
  });
});

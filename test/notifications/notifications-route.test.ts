// The notifications page through the real route: the agent's own and shop-wide notifications, never
// another agent's or another shop's; marking read one by one or all at once.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/app.notifications";
import { adminRequest } from "../helpers/admin-request";
import { createShop, createTicket } from "../factories";

async function list(domain: string) {
  const response = (await loader({ request: await adminRequest(domain, "/app/notifications"), params: {}, context: {} })) as Response;
  return (await response.json()) as { unread: number; items: { id: string; title: string; read: boolean; ticket: { number: number } | null }[] };
}

async function post(domain: string, fields: Record<string, string>) {
  const request = await adminRequest(domain, "/app/notifications", { method: "POST", body: new URLSearchParams(fields) });
  return (await action({ request, params: {}, context: {} })) as Response;
}

describe("/app/notifications", () => {
  it("lists mine and the shop's, and marks them read", async () => {
    const shop = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id, { number: 4242 });
    await list(shop.domain); // the staff member's first request creates their agent row
    const me = await prisma.agent.findFirstOrThrow({ where: { shopId: shop.id } });
    const colleague = await prisma.agent.create({ data: { shopId: shop.id, shopifyStaffId: "999", name: "Colleague" } });
    const other = await createShop(prisma);
    await prisma.notification.createMany({
      data: [
        { shopId: shop.id, agentId: me.id, ticketId: ticket.id, kind: "sla_breach", title: "First response overdue", createdAt: new Date("2026-11-23T09:00:00Z") },
        { shopId: shop.id, agentId: null, kind: "l1_alert", title: "Chargeback threat", createdAt: new Date("2026-11-23T08:00:00Z") },
        { shopId: shop.id, agentId: colleague.id, kind: "assignment", title: "Not mine" },
        { shopId: other.id, agentId: null, kind: "l1_alert", title: "Other shop" },
      ],
    });

    const before = await list(shop.domain);
    expect(before.unread).toBe(2);
    expect(before.items.map((item) => item.title)).toEqual(["First response overdue", "Chargeback threat"]);
    expect(before.items[0]!.ticket).toMatchObject({ number: 4242 });

    expect((await post(shop.domain, { intent: "read", id: before.items[0]!.id })).status).toBe(200);
    const after = await list(shop.domain);
    expect(after.unread).toBe(1);
    expect(after.items.map((item) => [item.title, item.read])).toEqual([["Chargeback threat", false], ["First response overdue", true]]);

    expect(await (await post(shop.domain, { intent: "read-all" })).json()).toEqual({ ok: true, read: 1 });
    expect((await list(shop.domain)).unread).toBe(0);
    expect(await prisma.notification.count({ where: { agentId: colleague.id, readAt: null } })).toBe(1);
    expect(await prisma.notification.count({ where: { shopId: other.id, readAt: null } })).toBe(1);
  });

  it("answers 400 to an unknown action", async () => {
    const shop = await createShop(prisma);
    const response = await post(shop.domain, { intent: "delete-everything" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, message: "Unknown action." });
  });
});

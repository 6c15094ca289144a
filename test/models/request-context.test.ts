// The admin request context: the shop and the staff member's agent, read together on every request.
import { Session } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { adminRequestContext } from "../../app/services/request-context.server";
import { createShop, uniqueShopDomain } from "../factories";

function onlineSession(shop: string, user: { id: number; first_name: string; email: string; account_owner?: boolean }): Session {
  const session = new Session({ id: `online_${shop}_${user.id}`, shop, state: "state", isOnline: true, accessToken: "token" });
  session.onlineAccessInfo = {
    expires_in: 3600,
    associated_user_scope: "read_orders",
    associated_user: { id: user.id, first_name: user.first_name, last_name: "", email: user.email, email_verified: true, account_owner: user.account_owner ?? false, locale: "en", collaborator: false },
  };
  return session;
}

describe("adminRequestContext", () => {
  it("creates the shop and the agent on first sight, then reads them without writing", async () => {
    // GIVEN a shop Shopdesk has never seen and its account owner
    const domain = uniqueShopDomain("context-new");
    const session = onlineSession(domain, { id: 901, first_name: "Ada", email: "ada@example.com", account_owner: true });

    // WHEN the first request arrives THEN both rows exist, the owner an admin
    const first = await adminRequestContext(prisma, session);
    expect(first.shop.domain).toBe(domain);
    expect(first.agent).toMatchObject({ shopId: first.shop.id, shopifyStaffId: "901", name: "Ada", email: "ada@example.com", role: "admin" });
    expect(first.shop).not.toHaveProperty("agents");

    // AND the next request returns the same rows untouched
    const second = await adminRequestContext(prisma, session);
    expect(second.shop).toEqual(first.shop);
    expect(second.agent).toEqual(first.agent);
  });

  it("adds the agent to a known shop and follows a changed name; another shop's agent is not taken", async () => {
    // GIVEN an installed shop, and a staff member with the same Shopify id known in another shop
    const shop = await createShop(prisma, { domain: uniqueShopDomain("context-known") });
    const other = await createShop(prisma, { domain: uniqueShopDomain("context-other") });
    await prisma.agent.create({ data: { shopId: other.id, shopifyStaffId: "902", name: "Elsewhere" } });

    // WHEN the staff member opens the app in the first shop THEN an agent of that shop is created
    const created = await adminRequestContext(prisma, onlineSession(shop.domain, { id: 902, first_name: "Grace", email: "grace@example.com" }));
    expect(created.shop.id).toBe(shop.id);
    expect(created.agent).toMatchObject({ shopId: shop.id, name: "Grace", role: "agent" });

    // WHEN their name changes in Shopify THEN the same agent row is updated
    const renamed = await adminRequestContext(prisma, onlineSession(shop.domain, { id: 902, first_name: "Grace H.", email: "grace@example.com" }));
    expect(renamed.agent).toMatchObject({ id: created.agent!.id, name: "Grace H." });
    expect(await prisma.agent.count({ where: { shopifyStaffId: "902" } })).toBe(2);
  });

  it("has no agent for an offline session", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("context-offline") });
    const session = new Session({ id: `offline_${shop.domain}`, shop: shop.domain, state: "state", isOnline: false, accessToken: "token" });
    const context = await adminRequestContext(prisma, session);
    expect(context.shop.id).toBe(shop.id);
    expect(context.agent).toBeNull();
  });
});

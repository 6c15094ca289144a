// What every authenticated admin route needs: the shop row, the agent working, and an Admin API client.
import type { Agent, PrismaClient, Shop } from "@prisma/client";
import type { Session } from "@shopify/shopify-api";
import { createAdminClient, resolveAdminOrigin, type AdminClient } from "../shopify/admin-client.server";
import { findShopWithAgent, requireShop } from "../models/shops.server";
import { staffIdentityOf, upsertAgent } from "../models/agents.server";

export interface AdminRequestContext {
  shop: Shop;
  agent: Agent | null;
  admin: AdminClient;
}

export async function adminRequestContext(db: PrismaClient, session: Session): Promise<AdminRequestContext> {
  const staff = staffIdentityOf(session);
  // Every admin request runs this: the shop and the staff member's agent in one query when both exist.
  const found = staff ? await findShopWithAgent(db, session.shop, staff.shopifyStaffId) : null;
  const shop = found?.shop ?? (await requireShop(db, session.shop));
  const agent = staff ? await upsertAgent(db, shop.id, staff, found ? found.agent : undefined) : null;
  const admin = createAdminClient({ shop: session.shop, accessToken: session.accessToken ?? "", origin: resolveAdminOrigin() });
  return { shop, agent, admin };
}

// What happens each time a shop authenticates (install, reinstall, token refresh): its profile is read
// from Shopify and a new shop gets the seeded reply-template library.
import type { PrismaClient } from "@prisma/client";
import { ensureTemplateLibrary } from "../models/templates-seed.server";
import { syncShopProfile } from "./sync-shop-profile.server";

export async function afterShopAuth(db: PrismaClient, session: { shop: string; accessToken?: string }, options: { origin?: string } = {}) {
  const shop = await syncShopProfile(db, session, options);
  await ensureTemplateLibrary(db, shop.id);
  return shop;
}

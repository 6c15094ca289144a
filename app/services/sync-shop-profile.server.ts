// After Shopify authorises the app: record the shop with its name, timezone and currency from the Admin API.
import type { PrismaClient } from "@prisma/client";
import { createAdminClient, resolveAdminOrigin } from "../shopify/admin-client.server";
import { ShopInfoQuery } from "../shopify/queries/shop.server";
import { recordInstallation } from "../models/shops.server";

export async function syncShopProfile(
  db: PrismaClient,
  session: { shop: string; accessToken?: string },
  options: { origin?: string; fetch?: typeof fetch } = {},
) {
  if (!session.accessToken) return recordInstallation(db, session.shop);
  const client = createAdminClient({
    shop: session.shop,
    accessToken: session.accessToken,
    origin: options.origin ?? resolveAdminOrigin(),
    fetch: options.fetch,
  });
  try {
    const { data } = await client.request(ShopInfoQuery);
    return await recordInstallation(db, session.shop, {
      name: data.shop.name,
      email: data.shop.contactEmail ?? data.shop.email,
      ianaTimezone: data.shop.ianaTimezone,
      currencyCode: data.shop.currencyCode,
    });
  } catch (error) {
    // Installation must not fail because the profile could not be read: keep the shop, refresh later.
    console.warn(`[shopdesk] could not read the shop profile of ${session.shop}: ${(error as Error).message}`);
    return recordInstallation(db, session.shop);
  }
}

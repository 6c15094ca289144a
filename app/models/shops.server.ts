// Shops: one row per installed store. Every other model is scoped by Shop.id.
import type { Agent, PrismaClient, Shop } from "@prisma/client";
import { forgetShopSessions } from "../shopify/cached-session-storage.server";
import { modelColumns, modelFromRow } from "../db/model-rows.server";
import { sqlReaderFor } from "../db/sql-reader.server";
import { SqlParams } from "./inbox-sql.server";

export interface ShopProfile {
  name: string;
  email?: string | null;
  ianaTimezone?: string | null;
  currencyCode?: string | null;
  locale?: string | null;
}

/** Called after Shopify authorises the app: idempotent, safe to run on every token exchange. */
export async function recordInstallation(db: PrismaClient, domain: string, profile?: ShopProfile): Promise<Shop> {
  const fields = profile
    ? {
        name: profile.name,
        email: profile.email ?? null,
        ...(profile.ianaTimezone ? { ianaTimezone: profile.ianaTimezone } : {}),
        ...(profile.currencyCode ? { currencyCode: profile.currencyCode } : {}),
        ...(profile.locale ? { locale: profile.locale } : {}),
      }
    : {};
  return db.shop.upsert({
    where: { domain },
    create: { domain, name: profile?.name ?? domain.replace(/\.myshopify\.com$/, ""), ...fields },
    update: { ...fields, installState: "installed", uninstalledAt: null },
  });
}

export async function findShopByDomain(db: PrismaClient, domain: string): Promise<Shop | null> {
  return db.shop.findUnique({ where: { domain } });
}

/**
 * The shop and its agent for a staff member, in one statement on the direct reader: every admin
 * request runs it (the admin request context), and as a Prisma query it cost ~1 ms of client work.
 */
export async function findShopWithAgent(db: PrismaClient, domain: string, shopifyStaffId: string): Promise<{ shop: Shop; agent: Agent | null } | null> {
  const reader = sqlReaderFor(db);
  const params = new SqlParams(reader.dialect);
  const [row] = await reader.rows(
    `SELECT ${modelColumns("Shop", "s", reader.dialect)}, ${modelColumns("Agent", "a", reader.dialect)}
      FROM "Shop" s LEFT JOIN "Agent" a ON a."shopId" = s.id AND a."shopifyStaffId" = ${params.add(shopifyStaffId)}
      WHERE s.domain = ${params.add(domain)}`,
    params.values,
  );
  if (!row) return null;
  return { shop: modelFromRow<Shop>("Shop", row, "s.")!, agent: modelFromRow<Agent>("Agent", row, "a.") };
}

/** The shop for an authenticated request; created on first sight (the afterAuth hook may not have run yet). */
export async function requireShop(db: PrismaClient, domain: string): Promise<Shop> {
  return (await findShopByDomain(db, domain)) ?? recordInstallation(db, domain);
}

/**
 * app/uninstalled: sessions go, data stays until shop/redact (48 h later). Returns the shop id so the
 * caller can stop the shop's jobs on the job queue.
 */
export async function recordUninstall(db: PrismaClient, domain: string, now = new Date()): Promise<string | null> {
  forgetShopSessions(domain);
  return db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { shop: domain } });
    const shop = await tx.shop.findUnique({ where: { domain } });
    if (!shop) return null;
    await tx.shop.update({ where: { id: shop.id }, data: { installState: "uninstalled", uninstalledAt: now } });
    return shop.id;
  });
}

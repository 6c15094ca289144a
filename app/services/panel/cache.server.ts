// The panel's Admin API answers, cached per shop in AdminCacheEntry for a short time. The key names the
// customer and the linked orders, so linking or unlinking an order is a new key, and webhooks can
// invalidate by customer or by order (invalidatePanelCache).
import type { AdminCacheEntry, Prisma, PrismaClient } from "@prisma/client";
import { numericId } from "./build-view";
import { modelColumns, modelFromRow } from "../../db/model-rows.server";
import { sqlReaderFor } from "../../db/sql-reader.server";
import { SqlParams } from "../../models/inbox-sql.server";

export const PANEL_CACHE_TTL_MS = 60_000;
/** Expired entries are kept this long as the stale fallback when the Admin API is down. */
export const PANEL_STALE_KEEP_MS = 24 * 3_600_000;
const PANEL_PREFIX = "panel:v1|";

export interface PanelCacheKeyParts {
  /** gid://shopify/Customer/… when known. */
  customerId?: string | null;
  email?: string | null;
  phone?: string | null;
  orderIds: readonly string[];
}

function customerPart({ customerId, email, phone }: PanelCacheKeyParts): string {
  if (customerId) return `c:${numericId(customerId)}`;
  if (email) return `e:${email.trim().toLowerCase()}`;
  if (phone) return `p:${phone.replace(/[^\d+]/g, "")}`;
  return "-";
}

/** e.g. `panel:v1|c:42|o:,1001,1002,` — order ids are numeric and sorted; commas delimit them for `contains`. */
export function panelCacheKey(parts: PanelCacheKeyParts): string {
  const orders = [...new Set(parts.orderIds.map(numericId))].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  return `${PANEL_PREFIX}${customerPart(parts)}|o:,${orders.join(",")}${orders.length ? "," : ""}`;
}

function customerPrefix(parts: Omit<PanelCacheKeyParts, "orderIds">): string {
  return `${PANEL_PREFIX}${customerPart({ ...parts, orderIds: [] })}|`;
}

export interface CachedPanel<T> {
  key: string;
  value: T;
  cost: number | null;
  fetchedAt: Date;
  fresh: boolean;
}

function toCached<T>(entry: { key: string; value: Prisma.JsonValue; cost: number | null; createdAt: Date; expiresAt: Date }, now: Date): CachedPanel<T> {
  return { key: entry.key, value: entry.value as T, cost: entry.cost, fetchedAt: entry.createdAt, fresh: entry.expiresAt > now };
}

export async function readPanelCache<T>(db: PrismaClient, shopId: string, key: string, now: Date): Promise<CachedPanel<T> | null> {
  // Every ticket page load reads it: on the direct reader (decision 018).
  const reader = sqlReaderFor(db);
  const params = new SqlParams(reader.dialect);
  const [row] = await reader.rows(
    `SELECT ${modelColumns("AdminCacheEntry", "e", reader.dialect)} FROM "AdminCacheEntry" e WHERE e."shopId" = ${params.add(shopId)} AND e.key = ${params.add(key)}`,
    params.values,
  );
  const entry = row ? modelFromRow<AdminCacheEntry>("AdminCacheEntry", row, "e.") : null;
  return entry ? toCached<T>(entry, now) : null;
}

/** The stale fallback: this key even when expired, else the newest entry for the same customer. */
export async function readStalePanel<T>(db: PrismaClient, shopId: string, parts: PanelCacheKeyParts, now: Date): Promise<CachedPanel<T> | null> {
  const exact = await readPanelCache<T>(db, shopId, panelCacheKey(parts), now);
  if (exact) return exact;
  if (customerPart(parts) === "-") return null;
  const newest = await db.adminCacheEntry.findFirst({
    where: { shopId, key: { startsWith: customerPrefix(parts) } },
    orderBy: { createdAt: "desc" },
  });
  return newest ? toCached<T>(newest, now) : null;
}

export async function writePanelCache(db: PrismaClient, shopId: string, key: string, value: Prisma.InputJsonValue, cost: number | null, now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + PANEL_CACHE_TTL_MS);
  await db.adminCacheEntry.upsert({
    where: { shopId_key: { shopId, key } },
    create: { shopId, key, value, cost, expiresAt, createdAt: now },
    update: { value, cost, expiresAt, createdAt: now },
  });
  await db.adminCacheEntry.deleteMany({
    where: { shopId, key: { startsWith: PANEL_PREFIX }, expiresAt: { lt: new Date(now.getTime() - PANEL_STALE_KEEP_MS) } },
  });
}

/**
 * Expires cached panels of a customer and/or containing any of the orders (e.g. from orders/updated,
 * fulfillments/update, customers/update webhooks). Entries stay as the stale fallback.
 */
export async function invalidatePanelCache(
  db: PrismaClient,
  shopId: string,
  { customerId, orderIds }: { customerId?: string | null; orderIds?: readonly string[] },
): Promise<number> {
  const matches: Prisma.AdminCacheEntryWhereInput[] = [];
  if (customerId) matches.push({ key: { startsWith: customerPrefix({ customerId }) } });
  for (const orderId of orderIds ?? []) matches.push({ key: { startsWith: PANEL_PREFIX, contains: `,${numericId(orderId)},` } });
  if (matches.length === 0) return 0;
  const { count } = await db.adminCacheEntry.updateMany({ where: { shopId, OR: matches }, data: { expiresAt: new Date(0) } });
  return count;
}

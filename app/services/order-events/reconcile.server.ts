// Reconciliation: Shopify does not guarantee delivery, so shops with open tickets have their recently
// updated orders re-read through the Admin API; an order Shopdesk follows (linked to a ticket or seen
// before) that is newer than its snapshot (or never seen, or with effects still pending) is fetched in full and applied like a webhook (source "reconcile",
// no event id), which heals missed events with the same once-only effects.
import type { PrismaClient, Shop } from "@prisma/client";
import type { JobQueue } from "../../jobs/types";
import { createAdminClient, resolveAdminOrigin, type AdminClient, type AdminResponse } from "../../shopify/admin-client.server";
import { OrderByNameQuery, orderNameQuery, OrdersUpdatedSinceQuery, pickOrderByName, type OrdersUpdatedSinceResult } from "../../shopify/queries/orders.server";
import { ACTIVE_STATUSES } from "../../domain/ticket-fields";
import { orderStateFromAdmin, unknownRefundAmount } from "./admin-order";
import { applyOrderUpdate } from "./apply.server";
import { readSnapshot } from "./snapshots.server";

export const RECONCILE_LOOKBACK_MS = 6 * 3_600_000;
/** Full order reads per run (each ~340 cost points). */
export const RECONCILE_MAX_ORDERS = 50;
/** Listing pages per run (50 ids each, a few points): the window's orders come oldest first. */
const RECONCILE_MAX_PAGES = 20;

export interface ReconcileDeps {
  db: PrismaClient;
  queue: JobQueue;
  now: Date;
  admin: AdminClient;
}

export interface ReconcileResult {
  checked: number;
  healed: string[];
}

/** Shops worth reconciling: installed, with at least one open ticket. */
export async function shopsToReconcile(db: PrismaClient): Promise<Shop[]> {
  return db.shop.findMany({ where: { installState: "installed", tickets: { some: { status: { in: [...ACTIVE_STATUSES] } } } } });
}

/** The shop's offline token (webhooks and jobs have no staff session). */
export async function adminClientForShop(db: PrismaClient, shopDomain: string): Promise<AdminClient | null> {
  const session = await db.session.findFirst({ where: { shop: shopDomain, isOnline: false }, orderBy: { expires: "desc" } });
  if (!session?.accessToken) return null;
  return createAdminClient({ shop: shopDomain, accessToken: session.accessToken, origin: resolveAdminOrigin() });
}

export async function reconcileShop(deps: ReconcileDeps, shop: Pick<Shop, "id" | "settings">, options: { lookbackMs?: number; maxOrders?: number } = {}): Promise<ReconcileResult> {
  const { db, admin, now } = deps;
  const since = new Date(now.getTime() - (options.lookbackMs ?? RECONCILE_LOOKBACK_MS));
  const maxOrders = options.maxOrders ?? RECONCILE_MAX_ORDERS;
  const recent: { id: string; name: string; updatedAt: string }[] = [];
  let after: string | null = null;
  do {
    const page: AdminResponse<OrdersUpdatedSinceResult> = await admin.request(OrdersUpdatedSinceQuery, { query: `updated_at:>'${since.toISOString()}'`, first: 50, after });
    recent.push(...page.data.orders.nodes);
    after = page.data.orders.pageInfo.hasNextPage ? page.data.orders.pageInfo.endCursor ?? null : null;
  } while (after && recent.length < RECONCILE_MAX_PAGES * 50);

  const result: ReconcileResult = { checked: 0, healed: [] };
  // Only orders Shopdesk follows (linked to a ticket, or seen before) are worth a full read (~340 points).
  const ids = recent.map((order) => order.id);
  const linked = await db.ticketOrder.findMany({ where: { shopId: shop.id, shopifyOrderId: { in: ids } }, select: { shopifyOrderId: true } });
  const seen = await db.orderSnapshot.findMany({ where: { shopId: shop.id, shopifyOrderId: { in: ids } }, select: { shopifyOrderId: true } });
  const followed = new Set([...linked, ...seen].map((row) => row.shopifyOrderId));
  // Newest first: with more behind than one run reads, the freshest changes matter most.
  for (const order of [...recent].reverse()) {
    if (!followed.has(order.id) || result.checked >= maxOrders) continue;
    result.checked += 1;
    const snapshot = await readSnapshot(db, shop.id, order.id);
    const behind = !snapshot || snapshot.pending.length > 0 || Date.parse(snapshot.state.updatedAt) < Date.parse(order.updatedAt);
    if (!behind) continue;
    const detail = pickOrderByName((await admin.request(OrderByNameQuery, { query: orderNameQuery(order.name) })).data.orders.nodes, order.name);
    if (!detail) continue;
    const state = orderStateFromAdmin(detail, now);
    const missingRefund = unknownRefundAmount(detail, snapshot?.state ?? null);
    if (missingRefund) {
      state.refunds[`reconciled-${missingRefund}`] = { id: `reconciled-${missingRefund}`, amount: missingRefund, currency: state.currency ?? "USD", createdAt: now.toISOString() };
    }
    const outcome = await applyOrderUpdate(shop, { kind: "order", state }, { eventId: null, source: "reconcile" }, deps);
    if (outcome.applied.length > 0 || !snapshot) result.healed.push(order.name);
  }
  return result;
}

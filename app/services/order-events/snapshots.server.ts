// OrderSnapshot rows: the merged order state plus the facts whose effects are not yet applied.
// Writes are optimistic (refreshedAt is the version): two deliveries of one order processed at the
// same time cannot lose each other's changes, and an older event never overwrites newer state.
import type { Prisma, PrismaClient } from "@prisma/client";
import { isUniqueViolation } from "../../jobs/run-once.server";
import type { OrderFact, OrderState } from "./order-state";
import { newFacts } from "./order-state";

/** A fact waiting for its effects, with the X-Shopify-Event-Id that revealed it (null: reconciliation). */
export type PendingFact = OrderFact & { eventId: string | null };

export interface SnapshotData {
  state: OrderState;
  pending: PendingFact[];
}

export interface SnapshotWrite {
  state: OrderState;
  pending: PendingFact[];
  version: Date;
}

const MAX_WRITE_ROUNDS = 8;

export async function readSnapshot(db: PrismaClient, shopId: string, orderId: string): Promise<(SnapshotData & { version: Date }) | null> {
  const row = await db.orderSnapshot.findUnique({ where: { shopId_shopifyOrderId: { shopId, shopifyOrderId: orderId } } });
  if (!row) return null;
  const data = row.data as unknown as SnapshotData;
  return { state: data.state, pending: data.pending ?? [], version: row.refreshedAt };
}

function rowFields(state: OrderState) {
  return {
    orderName: state.name,
    shopifyCustomerId: state.customerId,
    financialStatus: state.financialStatus,
    fulfillmentStatus: state.fulfillmentStatus,
    shopifyUpdatedAt: new Date(state.updatedAt),
  };
}

/**
 * Applies `change` to the stored state. New facts join the pending list in the same write, so a
 * crash before their effects leaves them there for the retry (or for reconciliation).
 */
export async function updateSnapshot(
  db: PrismaClient,
  shopId: string,
  orderId: string,
  change: (previous: OrderState | null) => OrderState,
  eventId: string | null,
  now: Date,
): Promise<SnapshotWrite> {
  for (let round = 0; round < MAX_WRITE_ROUNDS; round++) {
    const current = await readSnapshot(db, shopId, orderId);
    const previous = current?.state ?? null;
    const next = change(previous);
    const facts = newFacts(previous, next).map((fact) => ({ ...fact, eventId }));
    const pending = [...(current?.pending ?? []), ...facts.filter((fact) => !current?.pending.some((known) => known.key === fact.key))];
    if (current && facts.length === 0 && JSON.stringify(previous) === JSON.stringify(next)) return { state: next, pending, version: current.version };
    // Strictly later than the version we read, so the compare-and-set below can tell writes apart.
    const version = new Date(Math.max(now.getTime(), (current?.version.getTime() ?? 0) + 1));
    const data = { state: next, pending } as unknown as Prisma.InputJsonValue;
    if (!current) {
      try {
        await db.orderSnapshot.create({ data: { shopId, shopifyOrderId: orderId, ...rowFields(next), data, refreshedAt: version } });
        return { state: next, pending, version };
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
    }
    const { count } = await db.orderSnapshot.updateMany({
      where: { shopId, shopifyOrderId: orderId, refreshedAt: current.version },
      data: { ...rowFields(next), data, refreshedAt: version },
    });
    if (count === 1) return { state: next, pending, version };
  }
  throw new Error(`order ${orderId}: the snapshot kept changing; the job will retry`);
}

/** Drops applied facts from the pending list (another writer may have added more meanwhile). */
export async function clearPending(db: PrismaClient, shopId: string, orderId: string, applied: readonly string[], now: Date): Promise<void> {
  for (let round = 0; round < MAX_WRITE_ROUNDS; round++) {
    const current = await readSnapshot(db, shopId, orderId);
    if (!current || current.pending.length === 0) return;
    const pending = current.pending.filter((fact) => !applied.includes(fact.key));
    if (pending.length === current.pending.length) return;
    const version = new Date(Math.max(now.getTime(), current.version.getTime() + 1));
    const { count } = await db.orderSnapshot.updateMany({
      where: { shopId, shopifyOrderId: orderId, refreshedAt: current.version },
      data: { data: { state: current.state, pending } as unknown as Prisma.InputJsonValue, refreshedAt: version },
    });
    if (count === 1) return;
  }
}

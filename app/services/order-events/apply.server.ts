// One order update (a webhook or a reconciliation read) end to end: merge into the snapshot, then the
// effects of the facts it revealed — timeline entries, panel cache, automated messages — each keyed so
// that a rerun (job retry after a crash, a redelivery, a reconciliation) repeats nothing.
import type { PrismaClient, Shop } from "@prisma/client";
import type { JobQueue } from "../../jobs/types";
import { planAutomatedMessages } from "../automated-messages/plan.server";
import { invalidatePanelCache } from "../panel/cache.server";
import {
  mergeOrderState, placeholderOrder, withFulfillment, withRefund,
  type FulfillmentState, type OrderState, type RefundState,
} from "./order-state";
import { clearPending, updateSnapshot, type PendingFact } from "./snapshots.server";
import { recordOrderFactsOnTickets, type TimelineOutcome } from "./timeline.server";

export type OrderUpdate =
  | { kind: "order"; state: OrderState }
  | { kind: "fulfillment"; orderId: string; fulfillment: FulfillmentState }
  | { kind: "refund"; orderId: string; refund: RefundState };

export interface OrderUpdateSource {
  /** X-Shopify-Event-Id; null for reconciliation. */
  eventId: string | null;
  source: "webhook" | "reconcile";
}

export interface ApplyDeps {
  db: PrismaClient;
  queue: JobQueue;
  now: Date;
}

export interface ApplyOutcome {
  state: OrderState;
  applied: PendingFact[];
  timeline: TimelineOutcome;
}

function orderIdOf(update: OrderUpdate): string {
  return update.kind === "order" ? update.state.orderId : update.orderId;
}

function changeFor(update: OrderUpdate): (previous: OrderState | null) => OrderState {
  switch (update.kind) {
    case "order":
      return (previous) => mergeOrderState(previous, update.state);
    case "fulfillment":
      return (previous) => withFulfillment(previous ?? placeholderOrder(update.orderId), update.fulfillment);
    case "refund":
      return (previous) => withRefund(previous ?? placeholderOrder(update.orderId), update.refund);
  }
}

export async function applyOrderUpdate(shop: Pick<Shop, "id" | "settings">, update: OrderUpdate, source: OrderUpdateSource, deps: ApplyDeps): Promise<ApplyOutcome> {
  const { db, queue, now } = deps;
  const orderId = orderIdOf(update);
  const written = await updateSnapshot(db, shop.id, orderId, changeFor(update), source.eventId, now);
  const pending = written.pending;
  const timeline = await recordOrderFactsOnTickets(db, shop, written.state, pending, now);
  if (pending.length > 0 || update.kind === "order") {
    await invalidatePanelCache(db, shop.id, { customerId: written.state.customerId, orderIds: [orderId] });
  }
  if (pending.length > 0) {
    await planAutomatedMessages({ db, queue, now }, shop.id, written.state, pending);
    await clearPending(db, shop.id, orderId, pending.map((fact) => fact.key), now);
  }
  return { state: written.state, applied: pending, timeline };
}

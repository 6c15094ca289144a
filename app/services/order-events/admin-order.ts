// An order read from the Admin API (reconciliation) in the shape webhooks give us (order-state.ts).
import type { OrderDetail } from "../../shopify/queries/orders.server";
import type { FulfillmentState, OrderState } from "./order-state";

const FULFILLMENT_STATUS: Record<string, string | null> = { FULFILLED: "fulfilled", PARTIALLY_FULFILLED: "partial", UNFULFILLED: null, RESTOCKED: "restocked" };
const localId = (gid: string) => gid.split("/").pop() ?? gid;

/** `readAt` dates the fulfilments: the API answer is their state as of the read (they carry no updatedAt here). */
export function orderStateFromAdmin(order: OrderDetail, readAt: Date): OrderState {
  const fulfillments: Record<string, FulfillmentState> = {};
  for (const fulfillment of order.fulfillments) {
    const tracking = fulfillment.trackingInfo[0];
    const shipmentStatus = fulfillment.displayStatus ? String(fulfillment.displayStatus).toLowerCase() : null;
    const id = localId(fulfillment.id);
    fulfillments[id] = {
      id,
      status: String(fulfillment.status).toLowerCase(),
      shipmentStatus,
      carrier: tracking?.company ?? null,
      trackingNumber: tracking?.number ?? null,
      trackingUrl: tracking?.url ?? null,
      estimatedDeliveryAt: fulfillment.estimatedDeliveryAt ?? null,
      deliveredAt: fulfillment.deliveredAt ?? (shipmentStatus === "delivered" ? readAt.toISOString() : null),
      updatedAt: readAt.toISOString(),
    };
  }
  const fulfillmentStatus = String(order.displayFulfillmentStatus);
  return {
    orderId: order.id,
    name: order.name,
    customerId: order.customer?.id ?? null,
    email: order.email ?? null,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    financialStatus: order.displayFinancialStatus ? String(order.displayFinancialStatus).toLowerCase() : null,
    fulfillmentStatus: fulfillmentStatus in FULFILLMENT_STATUS ? FULFILLMENT_STATUS[fulfillmentStatus]! : fulfillmentStatus.toLowerCase(),
    cancelledAt: order.cancelledAt ?? null,
    totalPrice: order.totalPriceSet.shopMoney.amount,
    currency: order.totalPriceSet.shopMoney.currencyCode,
    fulfillments,
    refunds: {},
  };
}

/** The refunded total the API reports beyond the refunds we know of (a missed refunds/create), if any. */
export function unknownRefundAmount(order: OrderDetail, known: OrderState | null): string | null {
  const total = Math.round(Number(order.totalRefundedSet?.shopMoney.amount ?? 0) * 100);
  const seen = Object.values(known?.refunds ?? {}).reduce((sum, refund) => sum + Math.round(Number(refund.amount) * 100), 0);
  return total > seen ? ((total - seen) / 100).toFixed(2) : null;
}

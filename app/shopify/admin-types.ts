/** Shared Admin GraphQL result shapes (as serialised: Decimal/Money are strings, DateTime ISO strings). */

export interface MoneyV2 {
  amount: string;
  currencyCode: string;
}

export interface MoneyBag {
  shopMoney: MoneyV2;
  presentmentMoney: MoneyV2;
}

export interface ShopMoneyOnly {
  shopMoney: MoneyV2;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface UserError {
  field: string[] | null;
  message: string;
}

export type OrderDisplayFinancialStatus =
  | "PENDING" | "AUTHORIZED" | "PARTIALLY_PAID" | "PARTIALLY_REFUNDED" | "VOIDED" | "PAID" | "REFUNDED" | "EXPIRED";

export type OrderDisplayFulfillmentStatus =
  | "UNFULFILLED" | "PARTIALLY_FULFILLED" | "FULFILLED" | "RESTOCKED" | "PENDING_FULFILLMENT" | "OPEN"
  | "IN_PROGRESS" | "ON_HOLD" | "SCHEDULED" | "REQUEST_DECLINED" | "FULFILLMENT_NOT_REQUIRED";

export type FulfillmentDisplayStatus =
  | "ATTEMPTED_DELIVERY" | "CANCELED" | "CARRIER_PICKED_UP" | "CONFIRMED" | "DELAYED" | "DELIVERED" | "FAILURE"
  | "FULFILLED" | "IN_TRANSIT" | "LABEL_PRINTED" | "LABEL_PURCHASED" | "LABEL_VOIDED" | "MARKED_AS_FULFILLED"
  | "NOT_DELIVERED" | "OUT_FOR_DELIVERY" | "PICKED_UP" | "READY_FOR_PICKUP" | "SUBMITTED";

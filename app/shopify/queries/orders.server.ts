import type {
  FulfillmentDisplayStatus,
  MoneyBag,
  OrderDisplayFinancialStatus,
  OrderDisplayFulfillmentStatus,
  PageInfo,
  ShopMoneyOnly,
} from "../admin-types";
import { adminDocument } from "../typed-document";

export interface OrderLineItem {
  id: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  currentQuantity: number;
  unfulfilledQuantity: number;
  refundableQuantity: number;
  originalUnitPriceSet: ShopMoneyOnly;
  variant: { id: string; inventoryItem: { id: string } } | null;
}

export interface OrderFulfillment {
  id: string;
  name: string;
  status: "CANCELLED" | "ERROR" | "FAILURE" | "OPEN" | "PENDING" | "SUCCESS";
  displayStatus: FulfillmentDisplayStatus | null;
  createdAt: string;
  inTransitAt: string | null;
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  trackingInfo: { company: string | null; number: string | null; url: string | null }[];
}

export interface OrderDetail {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  displayFinancialStatus: OrderDisplayFinancialStatus | null;
  displayFulfillmentStatus: OrderDisplayFulfillmentStatus;
  returnStatus: string;
  totalPriceSet: MoneyBag;
  currentTotalPriceSet: ShopMoneyOnly;
  totalRefundedSet: ShopMoneyOnly;
  email: string | null;
  customer: { id: string; displayName: string } | null;
  shippingAddress: {
    name: string | null;
    address1: string | null;
    address2: string | null;
    city: string | null;
    province: string | null;
    provinceCode: string | null;
    zip: string | null;
    country: string | null;
    countryCodeV2: string | null;
    phone: string | null;
  } | null;
  tags: string[];
  note: string | null;
  statusPageUrl: string;
  lineItems: { nodes: OrderLineItem[]; pageInfo: PageInfo };
  fulfillments: OrderFulfillment[];
}

export interface OrderByNameResult {
  orders: { nodes: OrderDetail[] };
}

export interface OrderByNameVariables {
  /** Use orderNameQuery("#1001"). */
  query: string;
}

/**
 * There is no order-by-name field: search, then confirm the exact match with pickOrderByName.
 * Page sizes keep the requested cost (~330 points) well under the 1,000-point single-query cap;
 * lineItems.pageInfo.hasNextPage says when an order has more than 25 lines.
 */
export const OrderByNameQuery = adminDocument<OrderByNameResult, OrderByNameVariables>(/* GraphQL */ `
  query OrderByName($query: String!) {
    orders(first: 2, query: $query, sortKey: PROCESSED_AT, reverse: true) {
      nodes {
        id
        name
        createdAt
        updatedAt
        processedAt
        cancelledAt
        cancelReason
        displayFinancialStatus
        displayFulfillmentStatus
        returnStatus
        totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
        currentTotalPriceSet { shopMoney { amount currencyCode } }
        totalRefundedSet { shopMoney { amount currencyCode } }
        email
        customer { id displayName }
        shippingAddress { name address1 address2 city province provinceCode zip country countryCodeV2 phone }
        tags
        note
        statusPageUrl
        lineItems(first: 25) {
          nodes {
            id
            title
            variantTitle
            sku
            quantity
            currentQuantity
            unfulfilledQuantity
            refundableQuantity
            originalUnitPriceSet { shopMoney { amount currencyCode } }
            variant { id inventoryItem { id } }
          }
          pageInfo { hasNextPage endCursor }
        }
        fulfillments(first: 5) {
          id
          name
          status
          displayStatus
          createdAt
          inTransitAt
          estimatedDeliveryAt
          deliveredAt
          trackingInfo(first: 5) { company number url }
        }
      }
    }
  }
`);

/** "1001", "#1001" and " #1001 " all become the search `name:"#1001"`. */
export function orderNameQuery(orderName: string): string {
  return `name:"#${orderName.trim().replace(/^#/, "").replace(/["\\]/g, "")}"`;
}

/** Shopify's name search is fuzzy; keep only the exact order. */
export function pickOrderByName<T extends { name: string }>(nodes: readonly T[], orderName: string): T | null {
  const wanted = `#${orderName.trim().replace(/^#/, "")}`.toLowerCase();
  return nodes.find((node) => node.name.toLowerCase() === wanted) ?? null;
}

export interface OrderSummary {
  __typename: "Order";
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  displayFinancialStatus: OrderDisplayFinancialStatus | null;
  displayFulfillmentStatus: OrderDisplayFulfillmentStatus;
  totalPriceSet: ShopMoneyOnly;
  customer: { id: string; displayName: string } | null;
}

export interface OrdersByIdsResult {
  /** Null for ids that do not exist (or are not orders). */
  nodes: (OrderSummary | { __typename: string } | null)[];
}

export const OrdersByIdsQuery = adminDocument<OrdersByIdsResult, { ids: string[] }>(/* GraphQL */ `
  query OrdersByIds($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      ... on Order {
        id
        name
        createdAt
        updatedAt
        cancelledAt
        displayFinancialStatus
        displayFulfillmentStatus
        totalPriceSet { shopMoney { amount currencyCode } }
        customer { id displayName }
      }
    }
  }
`);

export function isOrderSummary(node: OrdersByIdsResult["nodes"][number]): node is OrderSummary {
  return node !== null && node.__typename === "Order";
}

export interface CustomerRecentOrdersResult {
  customer: {
    id: string;
    orders: {
      nodes: {
        id: string;
        name: string;
        createdAt: string;
        displayFinancialStatus: OrderDisplayFinancialStatus | null;
        displayFulfillmentStatus: OrderDisplayFulfillmentStatus;
        currentTotalPriceSet: ShopMoneyOnly;
      }[];
      pageInfo: PageInfo;
    };
  } | null;
}

export const CustomerRecentOrdersQuery = adminDocument<CustomerRecentOrdersResult, { customerId: string; first?: number; after?: string | null }>(/* GraphQL */ `
  query CustomerRecentOrders($customerId: ID!, $first: Int = 10, $after: String) {
    customer(id: $customerId) {
      id
      orders(first: $first, after: $after, sortKey: CREATED_AT, reverse: true) {
        nodes {
          id
          name
          createdAt
          displayFinancialStatus
          displayFulfillmentStatus
          currentTotalPriceSet { shopMoney { amount currencyCode } }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export interface OrdersUpdatedSinceResult {
  orders: { nodes: { id: string; name: string; updatedAt: string }[]; pageInfo: PageInfo };
}

/** For reconciliation jobs (webhooks are not guaranteed): `query` like `updated_at:>'2026-11-01T00:00:00Z'`. */
export const OrdersUpdatedSinceQuery = adminDocument<OrdersUpdatedSinceResult, { query: string; first?: number; after?: string | null }>(/* GraphQL */ `
  query OrdersUpdatedSince($query: String!, $first: Int = 50, $after: String) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes { id name updatedAt }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

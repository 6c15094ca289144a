import type * as Admin from "../../types/admin.generated";
import { adminDocument } from "../typed-document";

// Result and variables types are generated from the documents below (npm run graphql-codegen).
export type OrderByNameResult = Admin.OrderByNameQuery;
/** `query`: use orderNameQuery("#1001"). */
export type OrderByNameVariables = Admin.OrderByNameQueryVariables;
export type OrderDetail = OrderByNameResult["orders"]["nodes"][number];
export type OrderLineItem = OrderDetail["lineItems"]["nodes"][number];
export type OrderFulfillment = OrderDetail["fulfillments"][number];

/**
 * There is no order-by-name field: search, then confirm the exact match with pickOrderByName.
 * Page sizes keep the requested cost (~330 points) well under the 1,000-point single-query cap;
 * lineItems.pageInfo.hasNextPage says when an order has more than 25 lines.
 */
export const OrderByNameQuery = adminDocument<Admin.OrderByNameQuery, Admin.OrderByNameQueryVariables>(/* GraphQL */ `
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

export type OrdersByIdsResult = Admin.OrdersByIdsQuery;
/** One entry of `nodes`: null for ids that do not exist, `{ __typename }` only for ids of other types. */
export type OrdersByIdsNode = OrdersByIdsResult["nodes"][number];
export type OrderSummary = Extract<NonNullable<OrdersByIdsNode>, { __typename: "Order" }>;

export const OrdersByIdsQuery = adminDocument<Admin.OrdersByIdsQuery, Admin.OrdersByIdsQueryVariables>(/* GraphQL */ `
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

export function isOrderSummary(node: OrdersByIdsNode): node is OrderSummary {
  return node !== null && node.__typename === "Order";
}

export type CustomerRecentOrdersResult = Admin.CustomerRecentOrdersQuery;

export const CustomerRecentOrdersQuery = adminDocument<Admin.CustomerRecentOrdersQuery, Admin.CustomerRecentOrdersQueryVariables>(/* GraphQL */ `
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

export type OrdersUpdatedSinceResult = Admin.OrdersUpdatedSinceQuery;

/** For reconciliation jobs (webhooks are not guaranteed): `query` like `updated_at:>'2026-11-01T00:00:00Z'`. */
export const OrdersUpdatedSinceQuery = adminDocument<Admin.OrdersUpdatedSinceQuery, Admin.OrdersUpdatedSinceQueryVariables>(/* GraphQL */ `
  query OrdersUpdatedSince($query: String!, $first: Int = 50, $after: String) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes { id name updatedAt }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

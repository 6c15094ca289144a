import type * as Admin from "../../types/admin.generated";
import { adminDocument } from "../typed-document";

/**
 * At most this many linked orders are loaded in detail per panel request. With the page sizes below
 * the requested cost is about 37 + 182 per order (line items carry their stock per location), so four
 * orders stay near 770 points, under Shopify's 1,000-point single-query cap (test/panel/panel-query-cost.test.ts).
 */
export const PANEL_MAX_DETAILED_ORDERS = 4;
export const PANEL_LINE_ITEMS_PER_ORDER = 8;
export const PANEL_RECENT_ORDERS = 10;

export type CustomerPanelResult = Admin.CustomerPanelQuery;
export type CustomerPanelVariables = Admin.CustomerPanelQueryVariables;
export type PanelCustomerNode = NonNullable<CustomerPanelResult["customer"]>;
export type PanelOrderNode = Extract<NonNullable<CustomerPanelResult["linkedOrders"][number]>, { __typename: "Order" }>;

/**
 * Everything the customer and order panel shows, in ONE request: the customer with lifetime value and
 * recent orders, the linked orders by id with fulfilments and tracking, and live stock per location for
 * each line item (inventory sits under the line items, so no second request for inventory item ids).
 */
export const CustomerPanelQuery = adminDocument<Admin.CustomerPanelQuery, Admin.CustomerPanelQueryVariables>(/* GraphQL */ `
  query CustomerPanel($identifier: CustomerIdentifierInput!, $withCustomer: Boolean!, $orderIds: [ID!]!) {
    customer: customerByIdentifier(identifier: $identifier) @include(if: $withCustomer) {
      id
      displayName
      locale
      defaultEmailAddress { emailAddress }
      defaultPhoneNumber { phoneNumber }
      defaultAddress { city provinceCode countryCodeV2 }
      numberOfOrders
      amountSpent { amount currencyCode }
      createdAt
      tags
      orders(first: 10, sortKey: CREATED_AT, reverse: true) {
        nodes {
          id
          name
          createdAt
          displayFinancialStatus
          displayFulfillmentStatus
          totalPriceSet { shopMoney { amount currencyCode } }
        }
      }
    }
    linkedOrders: nodes(ids: $orderIds) {
      __typename
      ... on Order {
        id
        name
        createdAt
        cancelledAt
        displayFinancialStatus
        displayFulfillmentStatus
        note
        tags
        totalPriceSet { shopMoney { amount currencyCode } }
        shippingAddress { name address1 address2 city provinceCode zip country phone }
        fulfillments(first: 4) {
          id
          name
          status
          displayStatus
          createdAt
          inTransitAt
          estimatedDeliveryAt
          deliveredAt
          trackingInfo(first: 3) { company number url }
        }
        lineItems(first: 8) {
          nodes {
            id
            title
            variantTitle
            sku
            quantity
            variant {
              id
              inventoryItem {
                id
                tracked
                inventoryLevels(first: 5) {
                  nodes {
                    location { name }
                    quantities(names: ["available", "on_hand"]) { name quantity }
                  }
                }
              }
            }
          }
          pageInfo { hasNextPage }
        }
      }
    }
  }
`);

export type OrderLinkCandidatesResult = Admin.OrderLinkCandidatesQuery;
export type OrderLinkCandidatesVariables = Admin.OrderLinkCandidatesQueryVariables;

/** Explicit order mentions resolved by name per linking pass (the rest wait for the next message). */
export const LINK_MENTION_LOOKUPS = 3;

/**
 * What automatic linking needs, in one cheap request: the customer and their recent order names, the
 * shop's latest order (the top of its order-number range), and up to three mentioned order names.
 */
export const OrderLinkCandidatesQuery = adminDocument<Admin.OrderLinkCandidatesQuery, Admin.OrderLinkCandidatesQueryVariables>(/* GraphQL */ `
  query OrderLinkCandidates(
    $identifier: CustomerIdentifierInput!
    $withCustomer: Boolean!
    $mention0: String!
    $withMention0: Boolean!
    $mention1: String!
    $withMention1: Boolean!
    $mention2: String!
    $withMention2: Boolean!
  ) {
    customer: customerByIdentifier(identifier: $identifier) @include(if: $withCustomer) {
      id
      locale
      numberOfOrders
      amountSpent { amount currencyCode }
      orders(first: 20, sortKey: CREATED_AT, reverse: true) {
        nodes { id name createdAt }
      }
    }
    latestOrders: orders(first: 1, sortKey: CREATED_AT, reverse: true) {
      nodes { name }
    }
    mention0: orders(first: 2, query: $mention0) @include(if: $withMention0) {
      nodes { id name customer { id } }
    }
    mention1: orders(first: 2, query: $mention1) @include(if: $withMention1) {
      nodes { id name customer { id } }
    }
    mention2: orders(first: 2, query: $mention2) @include(if: $withMention2) {
      nodes { id name customer { id } }
    }
  }
`);

export type PanelOrderSearchResult = Admin.PanelOrderSearchQuery;

/** Manual linking: orders by name (`name:"#1001"`) or any Shopify order search. */
export const PanelOrderSearchQuery = adminDocument<Admin.PanelOrderSearchQuery, Admin.PanelOrderSearchQueryVariables>(/* GraphQL */ `
  query PanelOrderSearch($query: String!) {
    orders(first: 10, query: $query, sortKey: CREATED_AT, reverse: true) {
      nodes {
        id
        name
        createdAt
        displayFinancialStatus
        displayFulfillmentStatus
        totalPriceSet { shopMoney { amount currencyCode } }
      }
    }
  }
`);

import type * as Admin from "../../types/admin.generated";
import { adminDocument } from "../typed-document";

// Result and variables types are generated from the documents below (npm run graphql-codegen).
export type CustomerByIdentifierResult = Admin.CustomerByIdentifierQuery;
/** `identifier`: exactly one of emailAddress, phoneNumber (E.164), id or customId. */
export type CustomerByIdentifierVariables = Admin.CustomerByIdentifierQueryVariables;
export type CustomerProfile = NonNullable<CustomerByIdentifierResult["customerByIdentifier"]>;
export type CustomerOrderSummary = CustomerProfile["orders"]["nodes"][number];

/** Customer profile with lifetime value and the most recent orders, looked up by e-mail, phone or id. */
export const CustomerByIdentifierQuery = adminDocument<Admin.CustomerByIdentifierQuery, Admin.CustomerByIdentifierQueryVariables>(/* GraphQL */ `
  query CustomerByIdentifier($identifier: CustomerIdentifierInput!, $ordersFirst: Int = 10) {
    customerByIdentifier(identifier: $identifier) {
      id
      displayName
      firstName
      lastName
      locale
      defaultEmailAddress { emailAddress marketingState }
      defaultPhoneNumber { phoneNumber }
      defaultAddress { city provinceCode countryCodeV2 }
      numberOfOrders
      amountSpent { amount currencyCode }
      lifetimeDuration
      createdAt
      tags
      note
      orders(first: $ordersFirst, sortKey: CREATED_AT, reverse: true) {
        nodes {
          id
          name
          createdAt
          displayFinancialStatus
          displayFulfillmentStatus
          totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export type CustomerSearchResult = Admin.CustomerSearchQuery;
/** `query` uses Shopify search syntax, e.g. `email:jane@example.com` (see searchValue). */
export type CustomerSearchVariables = Admin.CustomerSearchQueryVariables;

export const CustomerSearchQuery = adminDocument<Admin.CustomerSearchQuery, Admin.CustomerSearchQueryVariables>(/* GraphQL */ `
  query CustomerSearch($query: String!, $first: Int = 10, $after: String) {
    customers(first: $first, after: $after, query: $query) {
      nodes {
        id
        displayName
        defaultEmailAddress { emailAddress }
        numberOfOrders
        amountSpent { amount currencyCode }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Quotes a value for Shopify search syntax so characters such as spaces or colons stay inside it. */
export function searchValue(value: string): string {
  return `"${value.replace(/["\\]/g, "")}"`;
}

import type { MoneyBag, MoneyV2, OrderDisplayFinancialStatus, OrderDisplayFulfillmentStatus, PageInfo } from "../admin-types";
import { adminDocument } from "../typed-document";

export interface CustomerOrderSummary {
  id: string;
  name: string;
  createdAt: string;
  displayFinancialStatus: OrderDisplayFinancialStatus | null;
  displayFulfillmentStatus: OrderDisplayFulfillmentStatus;
  totalPriceSet: MoneyBag;
}

export interface CustomerProfile {
  id: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  locale: string;
  defaultEmailAddress: { emailAddress: string; marketingState: string } | null;
  defaultPhoneNumber: { phoneNumber: string } | null;
  defaultAddress: { city: string | null; provinceCode: string | null; countryCodeV2: string | null } | null;
  /** UnsignedInt64, serialised as a string. */
  numberOfOrders: string;
  amountSpent: MoneyV2;
  lifetimeDuration: string;
  createdAt: string;
  tags: string[];
  note: string | null;
  orders: { nodes: CustomerOrderSummary[]; pageInfo: PageInfo };
}

export interface CustomerByIdentifierResult {
  customerByIdentifier: CustomerProfile | null;
}

export interface CustomerByIdentifierVariables {
  /** Exactly one of emailAddress, phoneNumber (E.164) or id. */
  identifier: { emailAddress: string } | { phoneNumber: string } | { id: string };
  ordersFirst?: number;
}

/** Customer profile with lifetime value and the most recent orders, looked up by e-mail, phone or id. */
export const CustomerByIdentifierQuery = adminDocument<CustomerByIdentifierResult, CustomerByIdentifierVariables>(/* GraphQL */ `
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

export interface CustomerSearchResult {
  customers: {
    nodes: { id: string; displayName: string; defaultEmailAddress: { emailAddress: string } | null; numberOfOrders: string; amountSpent: MoneyV2 }[];
    pageInfo: PageInfo;
  };
}

export interface CustomerSearchVariables {
  /** Shopify search syntax, e.g. `email:jane@example.com`. */
  query: string;
  first?: number;
  after?: string | null;
}

export const CustomerSearchQuery = adminDocument<CustomerSearchResult, CustomerSearchVariables>(/* GraphQL */ `
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

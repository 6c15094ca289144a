import { adminDocument } from "../typed-document";

export interface ShopInfo {
  shop: {
    id: string;
    name: string;
    email: string;
    contactEmail: string;
    myshopifyDomain: string;
    ianaTimezone: string;
    currencyCode: string;
    primaryDomain: { url: string; host: string };
    billingAddress: { countryCodeV2: string | null };
  };
}

export const ShopInfoQuery = adminDocument<ShopInfo>(/* GraphQL */ `
  query ShopInfo {
    shop {
      id
      name
      email
      contactEmail
      myshopifyDomain
      ianaTimezone
      currencyCode
      primaryDomain { url host }
      billingAddress { countryCodeV2 }
    }
  }
`);

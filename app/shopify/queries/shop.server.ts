import type * as Admin from "../../types/admin.generated";
import { adminDocument } from "../typed-document";

/** The result of ShopInfoQuery (generated: app/types/admin.generated.d.ts). */
export type ShopInfo = Admin.ShopInfoQuery;

export const ShopInfoQuery = adminDocument<Admin.ShopInfoQuery, Admin.ShopInfoQueryVariables>(/* GraphQL */ `
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

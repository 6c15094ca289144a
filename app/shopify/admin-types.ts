/**
 * Names for selections several Admin documents share. The Admin schema's own types are generated
 * (app/types/admin.types.d.ts, `npm run graphql-codegen`); these only name recurring selections
 * of them, as serialised (Decimal/Money are strings, DateTime ISO strings).
 */
import type * as AdminTypes from "../types/admin.types";

export type { FulfillmentDisplayStatus, OrderDisplayFinancialStatus, OrderDisplayFulfillmentStatus } from "../types/admin.types";

/** `{ amount currencyCode }` */
export type MoneyV2 = Pick<AdminTypes.MoneyV2, "amount" | "currencyCode">;

/** `{ shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }` */
export interface MoneyBag {
  shopMoney: MoneyV2;
  presentmentMoney: MoneyV2;
}

/** `{ shopMoney { amount currencyCode } }` */
export interface ShopMoneyOnly {
  shopMoney: MoneyV2;
}

/** `{ hasNextPage endCursor }` */
export type PageInfo = Pick<AdminTypes.PageInfo, "hasNextPage" | "endCursor">;

/** `{ field message }` */
export type UserError = Pick<AdminTypes.UserError, "field" | "message">;

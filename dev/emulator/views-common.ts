import { GraphQLError } from "graphql";
import type { AddressRecord } from "../fixtures/index";

/** A GraphQL object as the emulator hands it to graphql-js: own properties are the implemented fields. */
export type View = { __typename: string } & Record<string, unknown>;

/** Shopify serialises Decimal/Money like "24.95" and "25.0". */
export function decimal(amount: number): string {
  const rounded = Math.round(amount * 100) / 100;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}

export function moneyV2(amount: number, currencyCode: string): View {
  return { __typename: "MoneyV2", amount: decimal(amount), currencyCode };
}

/** Shop money in USD plus the buyer's presentment currency at the order's fixed rate. */
export function moneyBag(shopAmount: string | number, presentment: { code: string; rate: number }): View {
  const amount = Number(shopAmount);
  const presentmentAmount = presentment.code === "JPY" ? Math.round(amount * presentment.rate) : amount * presentment.rate;
  return {
    __typename: "MoneyBag",
    shopMoney: moneyV2(amount, "USD"),
    presentmentMoney: moneyV2(presentmentAmount, presentment.code),
  };
}

export function legacyResourceId(gid: string): string {
  return gid.split("/").pop() ?? gid;
}

export function addressView(address: AddressRecord, ownerGid: string): View {
  const name = `${address.firstName} ${address.lastName}`;
  return {
    __typename: "MailingAddress",
    id: `gid://shopify/MailingAddress/${legacyResourceId(ownerGid)}?model_name=${ownerGid.split("/")[3]}`,
    name,
    firstName: address.firstName,
    lastName: address.lastName,
    company: null,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    provinceCode: address.provinceCode,
    zip: address.zip,
    country: address.country,
    countryCodeV2: address.countryCode,
    countryCode: address.countryCode,
    phone: address.phone,
    formattedArea: [address.city, address.provinceCode, address.country].filter(Boolean).join(", "),
    formatted: (args: { withName?: boolean; withCompany?: boolean }) =>
      [
        ...(args.withName ? [name] : []),
        address.address1,
        ...(address.address2 ? [address.address2] : []),
        [address.city, address.provinceCode, address.zip].filter(Boolean).join(" "),
        address.country,
      ],
  };
}

export function notFoundError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "NOT_FOUND" } });
}

import type { ShopRecord } from "../fixtures/index";
import { paginate, type ConnectionArgs } from "./connection";
import { metafieldDigest, type EmulatorStore, type MetafieldRecord } from "./store";
import { legacyResourceId, type View } from "./views-common";

/** Namespace Shopify gives app-owned metafields when `namespace` is omitted or "$app". */
export function appNamespace(shop: ShopRecord, namespace: string | null | undefined): string {
  const appReserved = `app--${legacyResourceId(shop.appId)}`;
  if (!namespace || namespace === "$app") return appReserved;
  return namespace.replace(/^\$app:/, `${appReserved}--`);
}

export function shopView(store: EmulatorStore): View {
  const shop = store.data.shop;
  return {
    __typename: "Shop",
    id: shop.id,
    name: shop.name,
    email: shop.email,
    contactEmail: shop.contactEmail,
    myshopifyDomain: shop.myshopifyDomain,
    url: `https://${shop.primaryDomainHost}`,
    ianaTimezone: shop.ianaTimezone,
    timezoneAbbreviation: shop.timezoneAbbreviation,
    currencyCode: shop.currencyCode,
    enabledPresentmentCurrencies: ["USD", "EUR", "CNY", "JPY"],
    primaryDomain: { __typename: "Domain", id: shop.primaryDomainId, host: shop.primaryDomainHost, url: `https://${shop.primaryDomainHost}`, sslEnabled: true },
    billingAddress: {
      __typename: "ShopAddress",
      id: `gid://shopify/ShopAddress/${legacyResourceId(shop.id)}`,
      city: shop.billingCity,
      country: "United States",
      countryCodeV2: shop.billingCountryCode,
    },
  };
}

export function metafieldView(metafield: MetafieldRecord): View {
  return {
    __typename: "Metafield",
    id: metafield.id,
    namespace: metafield.namespace,
    key: metafield.key,
    type: metafield.type,
    value: metafield.value,
    jsonValue: () => (metafield.type === "json" ? JSON.parse(metafield.value) : metafield.value),
    compareDigest: metafieldDigest(metafield),
    ownerType: "API_PERMISSION",
    createdAt: metafield.createdAt,
    updatedAt: metafield.updatedAt,
  };
}

export function appInstallationView(store: EmulatorStore): View {
  const shop = store.data.shop;
  const ownerId = shop.appInstallationId;
  return {
    __typename: "AppInstallation",
    id: ownerId,
    app: { __typename: "App", id: shop.appId, handle: shop.appHandle, title: shop.appTitle },
    metafield: (args: { namespace?: string | null; key: string }) => {
      const metafield = store.metafield(ownerId, appNamespace(shop, args.namespace), args.key);
      return metafield ? metafieldView(metafield) : null;
    },
    metafields: (args: ConnectionArgs & { namespace?: string | null; keys?: string[] | null }) => {
      const namespace = args.namespace ? appNamespace(shop, args.namespace) : null;
      // `keys` entries are "namespace.key".
      const keys = args.keys?.map((entry) => {
        const dot = entry.lastIndexOf(".");
        return `${appNamespace(shop, entry.slice(0, dot))}.${entry.slice(dot + 1)}`;
      });
      const matching = store
        .metafieldsOf(ownerId)
        .filter((metafield) => (namespace ? metafield.namespace === namespace : true))
        .filter((metafield) => (keys ? keys.includes(`${metafield.namespace}.${metafield.key}`) : true));
      return paginate(matching, args, (metafield) => metafield.id, metafieldView);
    },
  };
}

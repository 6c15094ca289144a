/**
 * Signs storefront app-proxy queries the way Shopify does before forwarding them to the app
 * (see SHOPIFY.md "App proxy"): every param except `signature`, sorted by key, `k=v` joined with
 * no separator, repeated values joined by commas, HMAC-SHA256 hex with the app secret.
 */
import { createHmac } from "node:crypto";

export type AppProxyParams = Record<string, string | string[]>;

export function appProxySigningString(params: AppProxyParams): string {
  return Object.keys(params)
    .filter((key) => key !== "signature")
    // Code-unit order (not localeCompare) so the result does not depend on the runtime's locale.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => {
      const value = params[key];
      return `${key}=${Array.isArray(value) ? value.join(",") : value}`;
    })
    .join("");
}

export function signAppProxyQuery(params: AppProxyParams, secret: string): string {
  return createHmac("sha256", secret).update(appProxySigningString(params)).digest("hex");
}

export interface SignedAppProxySearchOptions {
  shop: string;
  secret: string;
  /** e.g. "/apps/shopdesk" */
  pathPrefix: string;
  /** Empty for guests, as Shopify sends it. */
  loggedInCustomerId?: string;
  extra?: AppProxyParams;
  /** Epoch seconds; defaults to now (the library rejects anything older than 90 s). */
  timestamp?: number;
}

/** Builds the full query string Shopify appends when it forwards a proxied storefront request. */
export function signedAppProxySearch(options: SignedAppProxySearchOptions): URLSearchParams {
  const params: AppProxyParams = {
    ...options.extra,
    shop: options.shop,
    logged_in_customer_id: options.loggedInCustomerId ?? "",
    path_prefix: options.pathPrefix,
    timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
  };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  search.set("signature", signAppProxyQuery(params, options.secret));
  return search;
}

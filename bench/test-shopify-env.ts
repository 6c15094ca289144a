// Benchmarks call the real route loaders with Shopify's test configuration, as test/setup/test-env.ts
// sets it; app modules must be imported (dynamically) after this runs.
import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";

export function applyShopifyTestEnvironment(databaseUrl: string, extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    NODE_ENV: "test",
    SHOPIFY_TESTING: "1",
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET_KEY,
    SHOPIFY_APP_URL: APP_URL,
    LOG_LEVEL: "silent",
    DATABASE_URL: databaseUrl,
    ...extra,
  });
}

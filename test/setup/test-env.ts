// Runs in every test worker before the test file's imports: a private database and the test
// configuration of Shopify's helpers (SHOPIFY_TESTING swaps in testConfig() in app/shopify.server.ts).
import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";
import { afterEach, vi } from "vitest";
import { workerDatabaseUrl } from "./databases";

process.env.NODE_ENV = "test";
process.env.SHOPIFY_TESTING = "1";
process.env.SHOPIFY_API_KEY = API_KEY;
process.env.SHOPIFY_API_SECRET = API_SECRET_KEY;
process.env.SHOPIFY_APP_URL = APP_URL;
process.env.LOG_LEVEL = "silent";
process.env.DATABASE_URL = await workerDatabaseUrl(process.env.VITEST_POOL_ID ?? "1");

// A console.error in a test is a failure: it is how React, Remix and our code report trouble.
let consoleErrors: unknown[][] = [];
const originalConsoleError = console.error;
console.error = (...args: unknown[]) => {
  consoleErrors.push(args);
  originalConsoleError(...args);
};
afterEach(() => {
  const errors = consoleErrors;
  consoleErrors = [];
  vi.restoreAllMocks();
  if (errors.length > 0) throw new Error(`console.error was called: ${errors.map((args) => args.join(" ")).join(" | ")}`);
});

// Browser tests: Debian chromium driven by playwright-core against the real demo (app + Shopify stand-in).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts", "dev/**/*.browser.test.ts", "test/**/*.browser.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false, // one browser and one demo at a time on a 2-core machine
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});

/**
 * Browser checks (playwright-core + Debian chromium at /usr/bin/chromium), kept out of the main
 * run because they need chromium: npx vitest run --config dev/vitest.browser.config.ts
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["dev/**/*.browser.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

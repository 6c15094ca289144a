/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: false;
  }
}

// Shopify's CLI sets HOST for the tunnel; the app listens on PORT.
const port = Number(process.env.PORT || 3000);

export default defineConfig({
  server: {
    port,
    host: "localhost",
    hmr: process.env.SHOPIFY_APP_URL?.startsWith("https://") ? { protocol: "wss", clientPort: 443 } : { port: port + 10000 },
    fs: { allow: ["app", "node_modules"] },
  },
  plugins: [
    !process.env.VITEST &&
      remix({
        ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_lazyRouteDiscovery: true,
          v3_singleFetch: false,
          v3_routeConfig: false,
        },
      }),
    tsconfigPaths(),
  ],
  build: { assetsInlineLimit: 0, target: "es2022" },
  // Everything Vite's scanner would find in route modules, so the first page load never triggers a
  // re-optimisation and a reload (which leaves two React copies in the page).
  optimizeDeps: {
    include: [
      "react",
      "react-dom",
      "react-dom/client",
      "react/jsx-runtime",
      "react/jsx-dev-runtime",
      "@remix-run/react",
      "@shopify/app-bridge-react",
      "@shopify/polaris",
      "@shopify/polaris-viz",
      "@shopify/shopify-app-remix/react",
      "@shopify/shopify-app-remix/server",
      "react-i18next",
      "i18next",
      "zod",
      // Server-only packages reached through route modules' loaders: listed so the scan is complete.
      "@shopify/shopify-app-remix/adapters/node",
      "@shopify/shopify-app-remix/test-helpers",
      "@shopify/shopify-app-session-storage-prisma",
      "@shopify/shopify-api",
      "@prisma/client",
      "@prisma/adapter-better-sqlite3",
      "better-sqlite3",
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "app/**/*.test.ts", "dev/**/*.test.ts", "prisma/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/*.browser.test.ts", "test/e2e/**"], // browser tests: test/e2e/vitest.config.ts
    environment: "node",
    globalSetup: ["test/setup/global-setup.ts"],
    setupFiles: ["test/setup/test-env.ts"],
    pool: "forks",
    testTimeout: 20000,
    hookTimeout: 60000,
  },
});

// The one Shopify entry module: shopifyApp() is configured here and nowhere else.
import "@shopify/shopify-app-remix/adapters/node";
import { AppDistribution, shopifyApp, type ApiVersion } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import { LogSeverity } from "@shopify/shopify-api";
import prisma from "./db.server";
import { env } from "./env.server";
import { ADMIN_API_VERSION } from "./shopify/api-version";
import { afterShopAuth } from "./services/after-auth.server";
import { CachedSessionStorage } from "./shopify/cached-session-storage.server";

// A few seconds of read cache: every webhook, proxy call and admin request loads its session.
const sessionStorage = new CachedSessionStorage(new PrismaSessionStorage(prisma));

// The library logs every authenticated request at Info; it follows LOG_LEVEL like our own logs.
const libraryLogLevel: Record<typeof env.LOG_LEVEL, LogSeverity> = {
  trace: LogSeverity.Debug,
  debug: LogSeverity.Debug,
  info: LogSeverity.Info,
  warn: LogSeverity.Warning,
  error: LogSeverity.Error,
  fatal: LogSeverity.Error,
  silent: LogSeverity.Error,
};

const config = {
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: ADMIN_API_VERSION as ApiVersion, // pinned once, in app/shopify/api-version.ts
  scopes: env.SCOPES.split(","),
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage,
  logger: { level: libraryLogLevel[env.LOG_LEVEL] },
  // Online tokens identify the staff member working the inbox (agents, assignment, collision detection).
  useOnlineTokens: true,
  distribution: AppDistribution.AppStore,
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  hooks: {
    afterAuth: async ({ session }: { session: { shop: string; accessToken?: string } }) => {
      await afterShopAuth(prisma, session);
    },
  },
};

// Route tests use Shopify's test helpers: test keys, with sessions in the real database.
if (process.env.SHOPIFY_TESTING) Object.assign(config, testConfig({ sessionStorage, logger: { level: LogSeverity.Error } }));

const shopify = shopifyApp(config);

export default shopify;
export const apiVersion = ADMIN_API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export { sessionStorage };

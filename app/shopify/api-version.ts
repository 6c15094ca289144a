/** The one place the Admin API version is pinned (shopify.server.ts, the client and shopify.app.toml follow it). */
export const ADMIN_API_VERSION = "2026-10" as const;

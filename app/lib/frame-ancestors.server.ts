import { env } from "../env.server";

/**
 * The local admin frame (dev/) embeds the app from a localhost origin, which Shopify's CSP
 * `frame-ancestors` does not list. In development only, add that origin; production refuses the variable.
 */
export function allowDevelopmentAdminFrame(
  headers: Headers,
  frameOrigin = env.SHOPIFY_ADMIN_FRAME_ORIGIN,
  appBridgeUrl = env.APP_BRIDGE_SCRIPT_URL,
): void {
  // The library preloads App Bridge from Shopify's CDN; the local stand-in serves its own copy.
  if (appBridgeUrl && headers.get("Link")?.includes("cdn.shopify.com")) {
    headers.set("Link", `<${appBridgeUrl}>; rel="preload"; as="script";`);
  }
  if (!frameOrigin) return;
  const policy = headers.get("Content-Security-Policy");
  if (!policy) return;
  const directives = policy.split(";").map((directive) => directive.trim());
  const updated = directives.map((directive) =>
    directive.startsWith("frame-ancestors") ? `${directive} ${new URL(frameOrigin).origin}` : directive,
  );
  headers.set("Content-Security-Policy", updated.join("; "));
}

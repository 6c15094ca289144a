/**
 * The Shopify admin stand-in (development only): serves the admin frame page, the App Bridge
 * stand-in script, fresh session tokens for it, and the webhook test page. Mounted on the local
 * Shopify stand-in server next to the Admin API emulator.
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { adminHostParam, mintSessionToken } from "../session-token";
import { createWebhookPageHandler } from "../webhook-page";
import { ADMIN_LOCALES, renderFramePage, type AdminLocale, type StaffUser } from "./frame-page";

export { escapeHtml, renderFramePage, ADMIN_LOCALES } from "./frame-page";
export type { AdminLocale, StaffUser } from "./frame-page";

export interface AdminFrameOptions {
  /** Where the Remix app runs, e.g. http://localhost:3000 */
  appUrl: string;
  apiKey: string;
  apiSecret: string;
  shop: string;
  users: readonly StaffUser[];
  /** Origin of the server this handler is mounted on, e.g. http://localhost:3100 */
  standinOrigin: string;
  apiVersion?: string;
}

export interface RequestHandler {
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

export const DEMO_USERS: readonly StaffUser[] = [
  { id: 90001, name: "Mei Chen", email: "mei@shopdesk-demo.example", accountAccess: "Account owner" },
  { id: 90002, name: "Sam Rivera", email: "sam@shopdesk-demo.example", accountAccess: "Staff" },
];

/** Demo defaults, overridable with the same env vars the app reads. */
export function demoAdminFrameOptions(env: NodeJS.ProcessEnv = process.env): AdminFrameOptions {
  return {
    appUrl: env.APP_URL || env.SHOPIFY_APP_URL || "http://localhost:3000",
    apiKey: env.SHOPIFY_API_KEY || "shopdesk-demo-key",
    apiSecret: env.SHOPIFY_API_SECRET || "shopdesk-demo-secret",
    shop: env.DEMO_SHOP || "shopdesk-demo.myshopify.com",
    users: DEMO_USERS,
    standinOrigin: env.STANDIN_ORIGIN || "http://localhost:3100",
  };
}

// Browser scripts are read once; they are plain JS files so they stay readable and lintable.
const APP_BRIDGE_JS = readFileSync(new URL("./app-bridge-standin.js", import.meta.url), "utf8");
const ADMIN_FRAME_JS = readFileSync(new URL("./admin-frame-client.js", import.meta.url), "utf8");

/** Paths Shopify uses for an embedded app: /store/<store>/apps/<api key>/<app path>. */
const EMBEDDED_APP_PATH = /^\/store\/[^/]+\/apps\/[^/]+(\/.*)?$/;

function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": contentType, "Cache-Control": "no-store", ...headers });
  res.end(body);
}

export function createAdminFrameHandler(options: AdminFrameOptions): RequestHandler {
  const appOrigin = new URL(options.appUrl).origin;
  const webhookPage = createWebhookPageHandler({
    appUrl: options.appUrl,
    apiSecret: options.apiSecret,
    shop: options.shop,
    standinOrigin: options.standinOrigin,
    apiVersion: options.apiVersion,
  });

  function findUser(id: string | null): StaffUser | undefined {
    return id === null ? options.users[0] : options.users.find((user) => String(user.id) === id);
  }

  /** The app URL for the iframe, with the params Shopify adds to embedded document loads. */
  function iframeSrc(appPath: string, user: StaffUser, locale: AdminLocale): string {
    const url = new URL(appPath, options.appUrl);
    url.searchParams.set("embedded", "1");
    url.searchParams.set("shop", options.shop);
    url.searchParams.set("host", adminHostParam(options.shop));
    url.searchParams.set("id_token", mintToken(user));
    url.searchParams.set("locale", locale);
    return url.href;
  }

  function mintToken(user: StaffUser): string {
    return mintSessionToken({ shop: options.shop, apiKey: options.apiKey, apiSecret: options.apiSecret, userId: user.id });
  }

  function serveFramePage(url: URL, pathFromRoute: string | undefined, res: ServerResponse): void {
    const user = findUser(url.searchParams.get("user"));
    if (!user) return send(res, 400, "text/plain; charset=utf-8", "Unknown user");
    const requestedLocale = url.searchParams.get("locale") ?? "en";
    const locale = (ADMIN_LOCALES as readonly string[]).includes(requestedLocale) ? (requestedLocale as AdminLocale) : "en";
    let appPath = pathFromRoute ?? url.searchParams.get("path") ?? "/app";
    // Only paths inside the app: no other origins ("//evil", "https://…") through ?path=.
    if (!appPath.startsWith("/") || new URL(appPath, options.appUrl).origin !== appOrigin) appPath = "/app";
    const html = renderFramePage({
      shop: options.shop,
      appOrigin,
      appPath,
      iframeSrc: iframeSrc(appPath, user, locale),
      user,
      users: options.users,
      locale,
    });
    send(res, 200, "text/html; charset=utf-8", html);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", options.standinOrigin);
    if (url.pathname === "/webhooks") return webhookPage.handle(req, res);
    if (req.method !== "GET" && req.method !== "HEAD") return false;

    if (url.pathname === "/" || url.pathname === "/admin") {
      serveFramePage(url, undefined, res);
      return true;
    }
    const embeddedPath = EMBEDDED_APP_PATH.exec(url.pathname);
    if (embeddedPath) {
      serveFramePage(url, embeddedPath[1] ?? "/app", res);
      return true;
    }
    if (url.pathname === "/app-bridge.js") {
      // Loaded cross-origin by the app; CORS lets tooling fetch it too.
      send(res, 200, "text/javascript; charset=utf-8", APP_BRIDGE_JS, { "Access-Control-Allow-Origin": "*" });
      return true;
    }
    if (url.pathname === "/admin-frame.js") {
      send(res, 200, "text/javascript; charset=utf-8", ADMIN_FRAME_JS);
      return true;
    }
    if (url.pathname === "/session-token") {
      const shop = url.searchParams.get("shop") ?? options.shop;
      const user = findUser(url.searchParams.get("user"));
      if (shop !== options.shop || !user) {
        send(res, 400, "application/json", JSON.stringify({ error: "unknown shop or user" }));
      } else {
        send(res, 200, "application/json", JSON.stringify({ token: mintToken(user) }));
      }
      return true;
    }
    return false;
  }

  return { handle };
}

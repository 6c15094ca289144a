// The local storefront: a minimal theme page rendering the extension's blocks (liquidjs, see render.ts)
// from the app-data metafields the app published to the Admin emulator, plus Shopify's app proxy:
// /apps/shopdesk/* is signed like Shopify signs it (dev/app-proxy-signer) and forwarded to the app's
// /proxy/*, and `application/liquid` answers are rendered inside the theme layout.
// Pages: /pages/contact (hours, FAQ, contact form), /pages/faq; ?locale=zh-CN|es|fr|de|ja,
// ?blocks=0 (the page without the blocks, for the Lighthouse comparison), ?customer=<id> (logged in).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createPrismaClient } from "../../app/db/create-client.server";
import { isStorefrontLanguage, STOREFRONT_LANGUAGES, STOREFRONT_NAMESPACE } from "../../app/domain/storefront/storefront-data";
import { publishStorefrontData } from "../../app/services/storefront/publish-metafields.server";
import { createAdminClient, type AdminClient } from "../../app/shopify/admin-client.server";
import { AppMetafieldsQuery } from "../../app/shopify/queries";
import { signedAppProxySearch } from "../app-proxy-signer";
import { EXTENSION_DIR, ExtensionRenderer } from "./render";

export interface StorefrontPreviewOptions {
  port: number;
  host?: string;
  /** The Shopdesk app (its /proxy/* routes). */
  appUrl: string;
  /** The Admin API emulator holding the published metafields. */
  adminOrigin: string;
  accessToken: string;
  apiSecret: string;
  shopDomain: string;
  shopName: string;
  timezone: string;
  /** When given, the shop's storefront data is published from this database first. */
  databaseUrl?: string;
}

export interface RunningStorefrontPreview {
  origin: string;
  close(): Promise<void>;
}

const PROXY_PREFIX = "/apps/shopdesk";
const ASSET_PREFIX = "/extensions/support-widget/assets/";
const ASSET_TYPES: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

const THEME_CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Hiragino Sans",sans-serif;color:#1a1a1a;background:#fafaf7}
header,footer{background:#fff;border-bottom:1px solid #e5e5e0}footer{border-top:1px solid #e5e5e0;border-bottom:0;margin-top:3rem;color:#555}
.wrap{max-width:960px;margin:0 auto;padding:1rem 1.25rem}header .wrap{display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}
.logo{font-weight:700;font-size:1.25rem;margin-right:auto;color:inherit;text-decoration:none}nav a{color:#1a1a1a;margin-right:1rem}
main h1{font-size:2rem;margin:1.5rem 0 .5rem}.lang a{margin-right:.5rem;font-size:.875rem}.section{margin:2rem 0}`;

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function cookie(req: IncomingMessage, name: string): string | null {
  const match = new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(req.headers.cookie ?? "");
  return match ? decodeURIComponent(match[1]!) : null;
}

export async function startStorefrontPreview(options: StorefrontPreviewOptions): Promise<RunningStorefrontPreview> {
  const admin: AdminClient = createAdminClient({ shop: options.shopDomain, accessToken: options.accessToken, origin: options.adminOrigin });
  if (options.databaseUrl) {
    const db = await createPrismaClient(options.databaseUrl);
    try {
      const shop = await db.shop.findUniqueOrThrow({ where: { domain: options.shopDomain } });
      await publishStorefrontData(db, admin, shop.id);
    } finally {
      await db.$disconnect();
    }
  }

  async function metafields(): Promise<Record<string, unknown>> {
    const { data } = await admin.request(AppMetafieldsQuery, { namespace: STOREFRONT_NAMESPACE, first: 25 });
    return Object.fromEntries(data.currentAppInstallation.metafields.nodes.map((node) => [node.key, JSON.parse(node.value) as unknown]));
  }

  function renderer(locale: string, values: Record<string, unknown>): ExtensionRenderer {
    return new ExtensionRenderer({ locale, metafields: values, timezone: options.timezone });
  }

  function layout(locale: string, title: string, content: string, embed: string, current: string): string {
    const languages = STOREFRONT_LANGUAGES.map((code) => `<a href="${current}?locale=${code}" hreflang="${code}">${code}</a>`).join("");
    return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${escapeHtml(options.shopName)}: help, support hours and contact.">
<title>${escapeHtml(title)} – ${escapeHtml(options.shopName)}</title>
<link rel="icon" href="data:,">
<style>${THEME_CSS}</style>
</head>
<body>
<header><div class="wrap"><a class="logo" href="/">${escapeHtml(options.shopName)}</a><nav><a href="/pages/faq?locale=${locale}">FAQ</a><a href="/pages/contact?locale=${locale}">Contact</a></nav><span class="lang">${languages}</span></div></header>
<main class="wrap">
${content}
</main>
<footer><div class="wrap">© ${escapeHtml(options.shopName)} · local storefront preview (Shopdesk dev)</div></footer>
${embed}
</body>
</html>`;
  }

  async function page(url: URL, req: IncomingMessage): Promise<{ status: number; html: string }> {
    const locale = isStorefrontLanguage(url.searchParams.get("locale")) ? url.searchParams.get("locale")! : "en";
    const withBlocks = url.searchParams.get("blocks") !== "0";
    const values = await metafields();
    const render = renderer(locale, values);
    const isFaq = url.pathname === "/pages/faq";
    const intro = isFaq
      ? `<h1>FAQ</h1><p>Answers to the questions we hear most.</p>`
      : `<h1>Contact</h1><p>Questions about an order, shipping or returns? We are here to help.</p>`;
    const sections = !withBlocks
      ? ""
      : isFaq
        ? `<div class="section">${await render.renderBlock("support-hours-faq", { show_hours: false }, "faq-page")}</div>`
        : `<div class="section">${await render.renderBlock("support-hours-faq", {}, "hours-faq")}</div><div class="section">${await render.renderBlock("contact-form", {}, "contact")}</div>`;
    const embed = withBlocks && url.searchParams.get("embed") !== "0" ? await render.renderBlock("support-badge", {}, "badge") : "";
    void req;
    return { status: 200, html: layout(locale, isFaq ? "FAQ" : "Contact", intro + sections, embed, url.pathname) };
  }

  async function proxy(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const customer = url.searchParams.get("customer") ?? cookie(req, "sd_customer") ?? "";
    const search = signedAppProxySearch({ shop: options.shopDomain, secret: options.apiSecret, pathPrefix: PROXY_PREFIX, loggedInCustomerId: customer });
    for (const [key, value] of url.searchParams) if (!search.has(key)) search.append(key, value);
    const target = `${options.appUrl}/proxy${url.pathname.slice(PROXY_PREFIX.length)}?${search}`;
    // Shopify forwards the visitor's address; a caller-supplied X-Forwarded-For (the benchmark's distinct clients) is kept.
    const clientAddress = (req.headers["x-forwarded-for"] as string | undefined) ?? req.socket.remoteAddress ?? "127.0.0.1";
    const body = req.method === "POST" ? await readBody(req) : undefined;
    const upstream = await fetch(target, {
      method: req.method,
      redirect: "manual",
      headers: {
        "Content-Type": req.headers["content-type"] ?? "application/x-www-form-urlencoded",
        Accept: req.headers.accept ?? "*/*",
        "Accept-Language": req.headers["accept-language"] ?? "",
        "X-Forwarded-For": clientAddress,
        "User-Agent": req.headers["user-agent"] ?? "storefront-preview",
      },
      body: body ? new Uint8Array(body) : undefined,
    });
    const type = upstream.headers.get("content-type") ?? "";
    const passHeaders: Record<string, string> = {};
    for (const name of ["retry-after", "x-shopdesk-outcome", "location", "cache-control"]) {
      const value = upstream.headers.get(name);
      if (value) passHeaders[name] = value;
    }
    if (type.includes("application/liquid")) {
      const locale = isStorefrontLanguage(new URLSearchParams(body?.toString() ?? "").get("locale")) ? new URLSearchParams(body!.toString()).get("locale")! : "en";
      const content = await renderer(locale, await metafields()).renderSource(await upstream.text());
      res.writeHead(upstream.status, { ...passHeaders, "Content-Type": "text/html; charset=utf-8" }).end(layout(locale, "Contact", content, "", "/pages/contact"));
      return;
    }
    res.writeHead(upstream.status, { ...passHeaders, "Content-Type": type || "text/plain" }).end(Buffer.from(await upstream.arrayBuffer()));
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? "/", "http://storefront.local");
        if (url.pathname.startsWith(ASSET_PREFIX)) {
          const file = path.basename(url.pathname);
          const type = ASSET_TYPES[path.extname(file)];
          if (!type) return void res.writeHead(404).end();
          const content = readFileSync(path.join(EXTENSION_DIR, "assets", file));
          return void res.writeHead(200, { "Content-Type": type, "Cache-Control": "public, max-age=3600" }).end(content);
        }
        if (url.pathname === PROXY_PREFIX || url.pathname.startsWith(`${PROXY_PREFIX}/`)) return void (await proxy(url, req, res));
        if (url.pathname === "/" ) return void res.writeHead(302, { Location: `/pages/contact${url.search}` }).end();
        if (url.pathname === "/pages/contact" || url.pathname === "/pages/faq") {
          const customer = url.searchParams.get("customer");
          const headers: Record<string, string> = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };
          if (customer !== null) headers["Set-Cookie"] = `sd_customer=${encodeURIComponent(customer)}; Path=/; SameSite=Lax`;
          const { status, html } = await page(url, req);
          return void res.writeHead(status, headers).end(html);
        }
        res.writeHead(404, { "Content-Type": "text/plain" }).end(`Not found on the storefront preview: ${url.pathname}`);
      } catch (error) {
        res.writeHead(502, { "Content-Type": "text/plain" }).end(`Storefront preview error: ${(error as Error).message}`);
      }
    })();
  });
  const host = options.host ?? "localhost";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { origin: `http://${host}:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

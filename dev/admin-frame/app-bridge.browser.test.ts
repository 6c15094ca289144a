/**
 * Browser check of the admin frame + App Bridge stand-in with Debian's chromium: the frame page on
 * one origin embeds a tiny fake app on another origin that loads /app-bridge.js.
 */
/// <reference types="@shopify/app-bridge-types" />
import "@shopify/shopify-api/adapters/web-api";
import { existsSync } from "node:fs";
import { shopifyApi, type ApiVersion } from "@shopify/shopify-api";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import { build, type Rollup } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminFrameHandler, DEMO_USERS } from "./index";
import { startServer, type RunningServer } from "./test-servers";

const CHROMIUM = "/usr/bin/chromium";
const shop = "shopdesk-demo.myshopify.com";
const apiKey = "shopdesk-demo-key";
const apiSecret = "shopdesk-demo-secret";
const shopify = shopifyApi({ apiKey, apiSecretKey: apiSecret, hostName: "localhost", apiVersion: "2026-10" as ApiVersion, isEmbeddedApp: true, logger: { level: 0 } });

interface RecordedRequest { host: string; path: string; authorization?: string }
const recorded: RecordedRequest[] = [];
let standin: RunningServer;
let app: RunningServer;
let browser: Browser;
let page: Page;
let flakyCalls = 0;
let reactFixtureJs = "";
const pageErrors: string[] = [];

/** Bundles fixtures/react-app.tsx (real app-bridge-react components) into one browser script. */
async function buildReactFixture(): Promise<string> {
  const result = await build({
    root: new URL("../..", import.meta.url).pathname,
    configFile: false,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
    mode: "production",
    esbuild: { jsx: "automatic", jsxDev: false },
    build: { write: false, minify: false, lib: { entry: new URL("./fixtures/react-app.tsx", import.meta.url).pathname, formats: ["iife"], name: "ReactFixture" } },
  });
  const [first] = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  return first!.output[0].code;
}

function fakeAppPage(standinOrigin: string, body: string): string {
  return `<!doctype html><html><head><script src="${standinOrigin}/app-bridge.js" data-api-key="${apiKey}"></script></head>
<body><ui-nav-menu><a href="/app" rel="home">Home</a><a href="/app/tickets">Tickets</a></ui-nav-menu>${body}</body></html>`;
}

async function appFrame(): Promise<Frame> {
  const frame = page.frame({ name: "app-iframe" });
  expect(frame).not.toBeNull();
  await frame!.waitForFunction(() => "shopify" in window);
  return frame!;
}

async function verifiedSub(token: string | undefined): Promise<string | undefined> {
  expect(token).toBeTruthy();
  return (await shopify.session.decodeSessionToken(token!)).sub;
}

beforeAll(async () => {
  [standin, app, reactFixtureJs] = await Promise.all([startServer(), startServer(), buildReactFixture()]);
  const handler = createAdminFrameHandler({ appUrl: app.origin, apiKey, apiSecret, shop, users: DEMO_USERS, standinOrigin: standin.origin });
  standin.setListener(async (req, res) => { if (!(await handler.handle(req, res))) res.writeHead(404).end(); });
  app.setListener((req, res) => {
    const url = new URL(req.url ?? "/", app.origin);
    recorded.push({ host: req.headers.host ?? "", path: url.pathname + url.search, authorization: req.headers.authorization });
    const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "Authorization" };
    if (req.method === "OPTIONS") return void res.writeHead(204, cors).end();
    if (url.pathname === "/api/echo") return void res.writeHead(200, { "Content-Type": "application/json", ...cors }).end('{"ok":true}');
    if (url.pathname === "/api/flaky") {
      // First call: what authenticate.admin answers for a rejected token on a fetch.
      flakyCalls += 1;
      if (flakyCalls === 1) return void res.writeHead(401, { "X-Shopify-Retry-Invalid-Session-Request": "1" }).end();
      return void res.writeHead(200).end("second try");
    }
    if (url.pathname === "/react.js") return void res.writeHead(200, { "Content-Type": "text/javascript" }).end(reactFixtureJs);
    if (url.pathname.startsWith("/react")) {
      return void res.writeHead(200, { "Content-Type": "text/html" }).end(`<!doctype html><html><head><script src="${standin.origin}/app-bridge.js" data-api-key="${apiKey}"></script></head><body><div id="root"></div><script src="/react.js"></script></body></html>`);
    }
    if (url.pathname === "/auth/session-token") return void res.writeHead(200, { "Content-Type": "text/html" }).end(`<script data-api-key="${apiKey}" src="${standin.origin}/app-bridge.js"></script>`);
    const body = url.pathname === "/app"
      ? `<ui-title-bar title="Inbox"><button variant="primary" onclick="window.primaryClicked = true">New ticket</button></ui-title-bar><p>Inbox page</p>`
      : `<ui-title-bar title="Page ${url.pathname}"></ui-title-bar><p>${url.pathname}</p>`;
    res.writeHead(200, { "Content-Type": "text/html" }).end(fakeAppPage(standin.origin, body));
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${standin.origin}/admin`);
  await page.waitForSelector("body[data-app-ready=true]");
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([standin?.close(), app?.close()]);
});

describe.skipIf(!existsSync(CHROMIUM))("App Bridge stand-in in chromium", () => {
  it("loads the app with a valid id_token and shows its title bar and nav in the admin chrome", async () => {
    const documentLoad = recorded.find((request) => request.path.startsWith("/app?"));
    expect(await verifiedSub(new URLSearchParams(documentLoad!.path.split("?")[1]).get("id_token") ?? undefined)).toBe("90001");
    await expect.poll(() => page.textContent("#page-title")).toBe("Inbox");
    expect(await page.textContent("#app-nav")).toContain("Tickets");
    const frame = await appFrame();
    expect(await frame.evaluate(() => window.shopify.config)).toEqual({ apiKey, shop, host: expect.any(String), locale: "en" });
    // Hidden by a stylesheet, not inline styles: server-rendered <ui-*> tags must hydrate unchanged.
    expect(await frame.getAttribute("ui-nav-menu", "style")).toBeNull();
    expect(await frame.locator("ui-nav-menu").isVisible()).toBe(false);
  });

  it("resolves shopify.idToken() to a JWT the app can verify", async () => {
    const frame = await appFrame();
    const token = await frame.evaluate(() => window.shopify.idToken());
    expect(await verifiedSub(token)).toBe("90001");
  });

  it("adds the Bearer token to same-origin fetches only", async () => {
    const frame = await appFrame();
    await frame.evaluate(() => fetch("/api/echo").then((response) => response.json()));
    const sameOrigin = recorded.filter((request) => request.path === "/api/echo").at(-1);
    expect(sameOrigin?.authorization).toMatch(/^Bearer /);
    expect(await verifiedSub(sameOrigin!.authorization!.slice("Bearer ".length))).toBe("90001");

    // Same server under another host name is another origin: no token may leak there.
    const otherOrigin = app.origin.replace("127.0.0.1", "localhost");
    await frame.evaluate((url) => fetch(url).then((response) => response.json()), `${otherOrigin}/api/echo`);
    const crossOrigin = recorded.filter((request) => request.path === "/api/echo" && request.host.startsWith("localhost"));
    expect(crossOrigin.length).toBeGreaterThan(0);
    expect(crossOrigin.every((request) => request.authorization === undefined)).toBe(true);
  });

  it("retries once with a fresh token when the app asks for it", async () => {
    const frame = await appFrame();
    const result = await frame.evaluate(() => fetch("/api/flaky").then(async (response) => `${response.status} ${await response.text()}`));
    expect(result).toBe("200 second try");
    const attempts = recorded.filter((request) => request.path === "/api/flaky");
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.authorization).not.toBe(attempts[1]!.authorization);
  });

  it("shows toasts in the parent frame", async () => {
    const frame = await appFrame();
    await frame.evaluate(() => window.shopify.toast.show("Saved"));
    await page.locator("#toasts .toast", { hasText: "Saved" }).waitFor({ state: "visible" });
    await frame.evaluate(() => window.shopify.toast.show("Could not save", { isError: true }));
    await page.locator("#toasts .toast.error", { hasText: "Could not save" }).waitFor({ state: "visible" });
  });

  it("forwards title bar button clicks and reports the staff user", async () => {
    const frame = await appFrame();
    await page.click("#title-actions button.primary");
    await frame.waitForFunction(() => (window as unknown as { primaryClicked?: boolean }).primaryClicked === true);
    expect(await frame.evaluate(() => window.shopify.user())).toMatchObject({ id: 90001, name: "Mei Chen" });
  });

  it("draws the save bar in the admin and blocks nav while it is open", async () => {
    const frame = await appFrame();
    await frame.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", '<ui-save-bar id="draft-bar"><button variant="primary" onclick="window.saved = true">Save</button><button>Discard</button></ui-save-bar>');
      return window.shopify.saveBar.show("draft-bar");
    });
    await page.locator("#save-bar").waitFor({ state: "visible" });
    await page.click("#save-bar-actions button.primary");
    await frame.waitForFunction(() => (window as unknown as { saved?: boolean }).saved === true);
    await expect(frame.evaluate(() => window.shopify.saveBar.leaveConfirmation())).rejects.toThrow();
    await frame.evaluate(() => window.shopify.saveBar.hide("draft-bar"));
    await page.locator("#save-bar").waitFor({ state: "hidden" });
  });

  it("shows ui-modal content only while open", async () => {
    const frame = await appFrame();
    await frame.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", '<ui-modal id="confirm"><ui-title-bar title="Close ticket?"></ui-title-bar></ui-modal>');
      const modal = document.getElementById("confirm") as HTMLElement & { content: HTMLElement };
      modal.content.textContent = "This cannot be undone.";
    });
    const dialog = frame.locator("[role=dialog]");
    expect(await dialog.isVisible()).toBe(false);
    await frame.evaluate(() => window.shopify.modal.show("confirm"));
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.textContent()).toContain("Close ticket?");
    expect(await dialog.textContent()).toContain("This cannot be undone.");
    expect(await page.textContent("#page-title")).toBe("Inbox"); // a modal's title bar is not the page's
    await frame.evaluate(() => window.shopify.modal.hide("confirm"));
    await dialog.waitFor({ state: "hidden" });
  });

  it("dispatches shopify:navigate for nav clicks when the app listens (Remix AppProvider)", async () => {
    const frame = await appFrame();
    await frame.evaluate(() => {
      const listener = (event: Event) => { (window as unknown as { navigatedTo?: string }).navigatedTo = (event.target as Element).getAttribute("href") ?? ""; };
      (window as unknown as { navListener?: EventListener }).navListener = listener;
      addEventListener("shopify:navigate", listener);
    });
    await page.click("#app-nav a:has-text('Tickets')");
    await frame.waitForFunction(() => (window as unknown as { navigatedTo?: string }).navigatedTo === "/app/tickets");
    await frame.evaluate(() => removeEventListener("shopify:navigate", (window as unknown as { navListener: EventListener }).navListener));
  });

  it("falls back to a full embedded load when nobody handles shopify:navigate", async () => {
    await page.click("#app-nav a:has-text('Tickets')");
    await expect.poll(() => page.textContent("#page-title")).toBe("Page /app/tickets");
    const load = recorded.filter((request) => request.path.startsWith("/app/tickets?")).at(-1);
    const params = new URLSearchParams(load!.path.split("?")[1]);
    expect(params.get("embedded")).toBe("1");
    expect(params.get("shop")).toBe(shop);
    expect(await verifiedSub(params.get("id_token") ?? undefined)).toBe("90001");
    // The admin URL follows the app path so a reload lands on the same page.
    await expect.poll(() => new URL(page.url()).searchParams.get("path")).toBe("/app/tickets");
    expect(await page.getAttribute("#app-nav a[aria-current=page]", "data-href")).toBe("/app/tickets");
  });

  it("reloads the bounce page's shopify-reload URL with a fresh id_token", async () => {
    const frame = await appFrame();
    await frame.evaluate(() => {
      const target = `${location.origin}/app/bounced?embedded=1&shop=shopdesk-demo.myshopify.com`;
      location.assign(`/auth/session-token?shopify-reload=${encodeURIComponent(target)}`);
    });
    await expect.poll(() => recorded.some((request) => request.path.startsWith("/app/bounced?"))).toBe(true);
    const load = recorded.find((request) => request.path.startsWith("/app/bounced?"))!;
    expect(await verifiedSub(new URLSearchParams(load.path.split("?")[1]).get("id_token") ?? undefined)).toBe("90001");
  });

  it("switches the staff user and locale from the admin chrome", async () => {
    await page.selectOption("select[name=user]", "90002");
    await page.waitForSelector("body[data-app-ready=true]");
    await page.selectOption("select[name=locale]", "zh-CN");
    await page.waitForSelector("body[data-app-ready=true]");
    const frame = await appFrame();
    expect(await frame.evaluate(() => window.shopify.config.locale)).toBe("zh-CN");
    expect(await verifiedSub(await frame.evaluate(() => window.shopify.idToken()))).toBe("90002");
  });
});

describe.skipIf(!existsSync(CHROMIUM))("@shopify/app-bridge-react components on the stand-in", () => {
  let reactPage: Page;
  let frame: Frame;

  beforeAll(async () => {
    reactPage = await browser.newPage();
    reactPage.on("pageerror", (error) => pageErrors.push(error.message));
    await reactPage.goto(`${standin.origin}/admin?path=%2Freact`);
    await reactPage.waitForSelector("body[data-app-ready=true]");
    frame = reactPage.frame({ name: "app-iframe" })!;
    await frame.waitForSelector("#edit");
  });

  it("shows <TitleBar> and <NavMenu> in the admin chrome", async () => {
    await expect.poll(() => reactPage.textContent("#page-title")).toBe("React inbox");
    expect(await reactPage.textContent("#app-nav")).toContain("Tickets");
  });

  it("drives <SaveBar open> and routes the admin's Save click to the React handler", async () => {
    await frame.click("#edit");
    await reactPage.locator("#save-bar").waitFor({ state: "visible" });
    await reactPage.click("#save-bar-actions button.primary");
    await expect.poll(() => frame.textContent("#events")).toBe("saved");
    await reactPage.locator("#save-bar").waitFor({ state: "hidden" });
  });

  it("renders <Modal open> content through its portal and reports onHide", async () => {
    await reactPage.click("#title-actions button.primary");
    const dialog = frame.locator("[role=dialog]");
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.textContent()).toContain("React modal");
    expect(await dialog.locator("#modal-body").textContent()).toBe("Modal body from React");
    await dialog.locator("footer button", { hasText: "Close" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => frame.textContent("#events")).toBe("saved,modal-hidden");
  });

  it("useAppBridge().toast.show reaches the admin", async () => {
    await frame.click("#toast");
    await reactPage.locator("#toasts .toast", { hasText: "From React" }).waitFor({ state: "visible" });
  });

  it("raised no uncaught errors in any frame", () => {
    expect(pageErrors).toEqual([]);
  });
});

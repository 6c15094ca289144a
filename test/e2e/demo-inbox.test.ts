// The demo as a merchant sees it: the local Shopify admin embeds the app, the real authenticate.admin
// path accepts the minted session token, and the inbox lists the seeded tickets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { DESKTOP_USER_AGENT, launchBrowser } from "./browser";
import { startDemo, type RunningDemo } from "./demo-process";

let demo: RunningDemo;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("demo admin frame", () => {
  it("answers /healthz with the database status", async () => {
    const response = await fetch(`${demo.appUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { provider: "sqlite", status: "up" } });
  });

  it("shows the inbox with the seeded tickets inside the admin frame", async () => {
    const page = await browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(demo.adminUrl);
    const app = page.frameLocator('iframe[name="app-iframe"]');
    // The seeded demo has tickets in five languages; the newest overdue ones come first.
    await expect.poll(async () => app.locator("tbody tr").count(), { timeout: 90_000 }).toBeGreaterThanOrEqual(40);
    const text = await app.locator("body").innerText();
    expect(text).toMatch(/\d+ open · \d+ pending · \d+ snoozed/);
    expect(text).toMatch(/#10\d\d/);
    expect(text).toMatch(/overdue|left/);
    // The App Bridge title bar reached the admin chrome.
    await expect.poll(async () => page.locator("body").innerText(), { timeout: 10_000 }).toContain("Inbox");
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("speaks Simplified Chinese when the admin locale is zh-CN", async () => {
    const page = await browser.newPage({ userAgent: DESKTOP_USER_AGENT });
    await page.goto(`${demo.adminUrl}?locale=zh-CN`);
    const app = page.frameLocator('iframe[name="app-iframe"]');
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 60_000 }).toContain("个处理中");
    await expect.poll(async () => page.locator("body").innerText(), { timeout: 10_000 }).toContain("收件箱");
    await page.close();
  });
});

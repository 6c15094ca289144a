// The demo as a merchant sees it: the local Shopify admin embeds the app, the real authenticate.admin
// path accepts the minted session token, and the inbox lists the seeded tickets.
import { describe, expect, it } from "vitest";
import { DESKTOP_USER_AGENT } from "./browser";
import { demoWithBrowser } from "./demo-session";

const session = demoWithBrowser();

describe("demo admin frame", () => {
  it("answers /healthz with the database status", async () => {
    const response = await fetch(`${session.demo.appUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { provider: "sqlite", status: "up" } });
  });

  it("shows the inbox with the seeded tickets inside the admin frame", async () => {
    const page = await session.browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1400, height: 900 } });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(session.demo.adminUrl);
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
    const page = await session.browser.newPage({ userAgent: DESKTOP_USER_AGENT });
    await page.goto(`${session.demo.adminUrl}?locale=zh-CN`);
    const app = page.frameLocator('iframe[name="app-iframe"]');
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 60_000 }).toContain("个处理中");
    await expect.poll(async () => page.locator("body").innerText(), { timeout: 10_000 }).toContain("收件箱");
    await page.close();
  });

  it("works a ticket end to end: filter, open, see order, tracking and stock, reply, resolve", async () => {
    const page = await session.browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1440, height: 1000 } });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(session.demo.adminUrl);
    const app = page.frameLocator('iframe[name="app-iframe"]');
    await app.locator("tbody tr").first().waitFor({ timeout: 90_000 });

    // Filter: the Urgent view lists only urgent tickets.
    await app.getByRole("tab", { name: /^Urgent/ }).click();
    await expect.poll(async () => (await app.locator("tbody").innerText()).includes("Normal"), { timeout: 30_000 }).toBe(false);
    const urgentRows = await app.locator("tbody tr").allInnerTexts();
    expect(urgentRows.length).toBeGreaterThan(0);
    for (const row of urgentRows) expect(row).toContain("Urgent");

    // Open a "where is my order" ticket from the All open view.
    await app.getByRole("tab", { name: /^All open/ }).click();
    await app.locator("tbody tr", { hasText: "Where is my order" }).first().locator("td").nth(3).click();
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 90_000 }).toContain("Conversation");

    // The panel: the linked order, its carrier tracking link and live stock per location.
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 30_000 }).toContain("Brooklyn warehouse");
    const panelText = await app.locator("body").innerText();
    expect(panelText).toMatch(/#\d{4}/);
    expect(panelText).toMatch(/Available/);
    expect(await app.locator('a[target="_blank"][href^="http"]').count()).toBeGreaterThan(0);

    // Reply, then resolve.
    const reply = "Your parcel is on the delivery van today; it should arrive before 6 pm.";
    await app.locator("#ticket-composer-body").fill(reply);
    await app.locator("[data-composer]").getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(async () => app.locator("[data-direction='outbound']", { hasText: "delivery van" }).count(), { timeout: 30_000 }).toBe(1);
    await app.getByRole("button", { name: "Resolve", exact: true }).first().click();
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 30_000 }).toContain("Resolved");
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

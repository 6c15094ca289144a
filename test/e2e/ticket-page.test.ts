// The ticket page as an agent uses it inside the admin frame: the thread, an internal note, the
// shortcuts overlay, j to the next ticket, and a colleague's presence.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { DESKTOP_USER_AGENT, launchBrowser } from "./browser";
import { startDemo, type RunningDemo } from "./demo-process";

let demo: RunningDemo;
let browser: Browser;
let ticketId: string;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  // The demo's own database: pick a seeded open ticket.
  const file = path.resolve(import.meta.dirname, "..", "..", ".tmp", `e2e-demo-${new URL(demo.appUrl).port}.sqlite`);
  const db = new Database(file, { readonly: true });
  ticketId = (db.prepare(`SELECT id FROM "Ticket" WHERE status = 'open' AND "mergedIntoId" IS NULL ORDER BY number LIMIT 1`).get() as { id: string }).id;
  db.close();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function openTicket(user?: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const query = new URLSearchParams({ path: `/app/tickets/${ticketId}`, ...(user ? { user: String(user) } : {}) });
  await page.goto(`${demo.adminUrl}?${query}`);
  return { page, errors };
}

describe("ticket page in the admin frame", () => {
  it("shows the conversation, adds an internal note, and answers the keyboard", async () => {
    const { page, errors } = await openTicket();
    const app = page.frameLocator('iframe[name="app-iframe"]');
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 90_000 }).toContain("Conversation");
    expect(await app.locator("[data-direction='inbound']").count()).toBeGreaterThan(0);
    if (process.env.TICKET_SCREENSHOT) await page.screenshot({ path: process.env.TICKET_SCREENSHOT, fullPage: true });

    // An internal note: the Note tab, type, add.
    await app.getByRole("tab", { name: "Internal note" }).click();
    await app.locator("#ticket-composer-body").fill("Checked the warehouse: parcel left today.");
    await app.locator("[data-composer]").getByRole("button", { name: "Add note" }).click();
    await expect.poll(async () => app.locator("[data-direction='note']", { hasText: "parcel left today" }).count(), { timeout: 20_000 }).toBe(1);

    // "?" opens the help overlay (focus outside any field).
    await app.locator("h2").first().click();
    await page.keyboard.press("?");
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 10_000 }).toContain("Keyboard shortcuts");
    await page.keyboard.press("Escape");

    // j moves to the next ticket in the inbox order.
    await app.locator("h2").first().click();
    const frame = page.frame({ name: "app-iframe" })!;
    const before = frame.url();
    await page.keyboard.press("j");
    await expect.poll(() => frame.url(), { timeout: 20_000 }).not.toBe(before);
    expect(frame.url()).toMatch(/\/app\/tickets\//);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a colleague who has the same ticket open", async () => {
    const first = await openTicket();
    const second = await openTicket(90002);
    const app = first.page.frameLocator('iframe[name="app-iframe"]');
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 90_000 }).toContain("also viewing");
    expect([...first.errors, ...second.errors]).toEqual([]);
    await first.page.close();
    await second.page.close();
  });
});

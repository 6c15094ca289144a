// A reply from a template, as an agent does it inside the admin frame: "/" in the composer, search,
// pick, the preview with the ticket's real order, insert, edit, send; the reply appears in the thread
// and is recorded with its template (the template's usage count goes up).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import path from "node:path";
import type { Browser } from "playwright-core";
import { DESKTOP_USER_AGENT, launchBrowser } from "./browser";
import { startDemo, type RunningDemo } from "./demo-process";

let demo: RunningDemo;
let browser: Browser;
let databaseFile: string;
let ticket: { id: string; orderName: string };

function readDemo<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  databaseFile = path.resolve(import.meta.dirname, "..", "..", ".tmp", `e2e-demo-${new URL(demo.appUrl).port}.sqlite`);
  // An open ticket of an English-speaking customer with exactly one linked order.
  ticket = readDemo(
    `SELECT t.id AS id, o."orderName" AS orderName FROM "Ticket" t
       JOIN "Customer" c ON c.id = t."customerId"
       JOIN "TicketOrder" o ON o."ticketId" = t.id
      WHERE t.status = 'open' AND t."mergedIntoId" IS NULL AND c.language = 'en'
        AND (SELECT COUNT(*) FROM "TicketOrder" x WHERE x."ticketId" = t.id) = 1
      ORDER BY t.number LIMIT 1`,
  );
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("templates in the composer", () => {
  it("inserts a template rendered with the ticket's order, lets the agent edit it, and sends it", async () => {
    // GIVEN the ticket page of a ticket with a linked order
    expect(ticket?.id).toBeTruthy();
    const usageBefore = readDemo<{ usageCount: number }>(`SELECT "usageCount" FROM "Template" WHERE name = ?`, "Where is my order?").usageCount;
    const page = await browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1400, height: 1100 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${demo.adminUrl}?${new URLSearchParams({ path: `/app/tickets/${ticket.id}` })}`);
    const app = page.frameLocator('iframe[name="app-iframe"]');
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 90_000 }).toContain("Conversation");

    // WHEN the agent types "/" and a keyword, and picks the first result with Enter
    const composer = app.locator("#ticket-composer-body");
    await composer.click();
    await composer.pressSequentially("/wismo");
    const option = app.locator('[data-template-option="Where is my order?"][aria-selected="true"]');
    await option.waitFor({ timeout: 30_000 });
    await composer.press("Enter"); // the highlighted (first) result

    // THEN the preview shows the text the customer will receive, with the ticket's order (the first
    // render may wait for Vite to compile the route on a cold dev server)
    const preview = app.locator("[data-template-insert] [data-template-preview]");
    await expect.poll(async () => (await preview.count()) > 0 ? preview.innerText() : "", { timeout: 90_000 }).toContain(ticket.orderName);
    const previewText = await preview.innerText();
    if (process.env.TEMPLATES_SCREENSHOT) await page.screenshot({ path: process.env.TEMPLATES_SCREENSHOT, fullPage: true });
    expect(previewText).not.toMatch(/\{\{|\{%|\[customer\.|\[order\./);

    // WHEN the agent inserts it, edits the text and sends
    const insert = app.locator("[data-template-insert]").getByRole("button", { name: "Insert" });
    await expect.poll(async () => insert.isEnabled(), { timeout: 20_000 }).toBe(true);
    await insert.click();
    await expect.poll(async () => composer.inputValue(), { timeout: 10_000 }).toContain(ticket.orderName);
    await composer.press("Control+End");
    await composer.pressSequentially("\nP.S. Your parcel is insured.");
    await app.locator("[data-composer]").getByRole("button", { name: "Send", exact: true }).click();

    // THEN the reply appears in the thread with the edit, and is recorded with its template
    const sent = app.locator("[data-direction='outbound']", { hasText: "P.S. Your parcel is insured." });
    await expect.poll(async () => sent.count(), { timeout: 30_000 }).toBe(1);
    expect(await sent.innerText()).toContain(ticket.orderName);
    const stored = readDemo<{ templateId: string | null; bodyText: string }>(
      `SELECT "templateId", "bodyText" FROM "Message" WHERE "ticketId" = ? AND direction = 'outbound' AND "bodyText" LIKE '%P.S. Your parcel is insured.%'`, ticket.id,
    );
    const template = readDemo<{ id: string; usageCount: number }>(`SELECT id, "usageCount" FROM "Template" WHERE name = ?`, "Where is my order?");
    expect(stored.templateId).toBe(template.id);
    expect(stored.bodyText).toContain("P.S. Your parcel is insured.");
    expect(template.usageCount).toBe(usageBefore + 1);
    expect(await composer.inputValue()).toBe("");
    expect(errors).toEqual([]);
    await page.close();
  });
});

// The template library in the admin frame: the list with its badges and search, the editor's live
// preview with a real ticket, a syntax error shown at its line and column (nothing saved), a
// supervisor approving a sensitive template, and a new template saved.
import { describe, expect, it } from "vitest";
import { DESKTOP_USER_AGENT } from "./browser";
import { demoWithBrowser } from "./demo-session";

const session = demoWithBrowser();

describe("template library pages", () => {
  it("lists, searches, previews, refuses a syntax error and approves a sensitive template", async () => {
    // GIVEN the supervisor (the demo's default staff member) on the templates page
    const page = await session.browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1400, height: 1200 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${session.demo.adminUrl}?${new URLSearchParams({ path: "/app/templates" })}`);
    const app = page.frameLocator('iframe[name="app-iframe"]');
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 90_000 }).toContain("Reply templates");
    expect(await app.locator("[data-template-name]").count()).toBeGreaterThanOrEqual(24);
    const listText = await app.locator("body").innerText();
    expect(listText).toContain("Needs review");
    expect(listText).toContain("Awaiting approval");

    // WHEN searching by a Chinese keyword
    await app.getByPlaceholder("Search by name, keyword or text").fill("物流");
    await expect.poll(async () => app.locator("[data-template-name]").count(), { timeout: 20_000 }).toBeLessThan(24);
    expect(await app.locator('[data-template-name="Where is my order?"]').count()).toBe(1);

    // AND opening the template: the live preview renders with a real ticket
    await app.locator('[data-template-name="Where is my order?"]').click();
    await expect.poll(async () => (await app.locator("[data-template-preview]").count()) > 0 ? app.locator("[data-template-preview]").innerText() : "", { timeout: 60_000 }).toMatch(/^Hi /);
    if (process.env.TEMPLATES_SCREENSHOT) await page.screenshot({ path: process.env.TEMPLATES_SCREENSHOT, fullPage: true });

    // WHEN the body gets an unclosed tag and is saved
    const body = app.getByLabel("Body (Liquid)");
    await body.fill("Hi {{ customer.first_name | default: \"there\" }},\n{% if order.name %}Your order");
    await app.getByRole("button", { name: "Save" }).first().click();

    // THEN the error names the line and column, and the saved version is unchanged
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 20_000 }).toMatch(/line 2, column \d+/);
    expect(await app.locator("body").innerText()).toContain("The template cannot be saved");

    // WHEN the supervisor opens a sensitive template awaiting approval and approves it
    await page.goto(`${session.demo.adminUrl}?${new URLSearchParams({ path: "/app/templates" })}`);
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 60_000 }).toContain("Awaiting approval");
    const pending = app.locator("tr", { hasText: "Awaiting approval" }).locator("[data-template-name]").first();
    await pending.click();
    const approve = app.getByRole("button", { name: /Approve version 1/ });
    await approve.waitFor({ timeout: 60_000 });
    await approve.click();

    // THEN the log shows the decision
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 20_000 }).toMatch(/approved version 1 on/);

    // WHEN a new template is written and saved, it opens as a saved template
    await page.goto(`${session.demo.adminUrl}?${new URLSearchParams({ path: "/app/templates/new" })}`);
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 60_000 }).toContain("New template");
    await app.getByLabel("Name", { exact: true }).fill("Thanks for your patience");
    await app.getByLabel("Body (Liquid)").fill("Hi {{ customer.first_name | default: \"there\" }}, thanks for your patience!");
    await expect.poll(async () => (await app.locator("[data-template-preview]").count()) > 0 ? app.locator("[data-template-preview]").innerText() : "", { timeout: 30_000 }).toMatch(/^Hi .+, thanks for your patience!$/);
    await app.getByRole("button", { name: "Save" }).first().click();
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 30_000 }).toContain("Version 1 · 0 uses");
    expect(await app.locator("h1").first().innerText()).toContain("Thanks for your patience");
    expect(errors).toEqual([]);
    await page.close();
  });
});

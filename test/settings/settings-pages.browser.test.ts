// The settings pages in the admin frame with real Chromium: every tab renders in English and
// Simplified Chinese, an overlapping interval is refused next to it, and a valid change is saved.
// Run: npx vitest run --config test/e2e/vitest.config.ts test/settings/settings-pages.browser.test.ts
// (test/e2e/vitest.config.ts includes test/**/*.browser.test.ts).
import { describe, expect, it } from "vitest";
import type { FrameLocator, Page } from "playwright-core";
import { DESKTOP_USER_AGENT } from "../e2e/browser";
import { demoWithBrowser } from "../e2e/demo-session";

const session = demoWithBrowser();

async function open(page: Page, path: string, locale = "en"): Promise<FrameLocator> {
  await page.goto(`${session.demo.adminUrl}?${new URLSearchParams({ path, locale })}`);
  return page.frameLocator('iframe[name="app-iframe"]');
}

describe("settings pages", () => {
  it("render every tab, refuse an overlap inline and save hours", async () => {
    const page = await session.browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1400, height: 1200 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    for (const [path, text] of [
      ["/app/settings", "Time zone (from Shopify)"],
      ["/app/settings/sla", "L1 critical"],
      ["/app/settings/rules", "VIP customers first"],
      ["/app/settings/automation", "Quiet hours"],
    ] as const) {
      const app = await open(page, path);
      await expect.poll(async () => app.locator("body").innerText(), { timeout: 90_000 }).toContain(text);
    }

    // GIVEN the hours page with Monday 09:00–12:30 and 13:30–18:00
    const app = await open(page, "/app/settings/hours");
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 60_000 }).toContain("Hours for");
    // WHEN Monday gets a third interval 09:00–17:00 (overlapping) and is saved
    await app.getByRole("button", { name: "Add hours" }).first().click();
    await app.getByRole("button", { name: "Save" }).first().click();
    // THEN the problem shows next to the interval and nothing is saved
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 20_000 }).toMatch(/overlaps/);
    // WHEN the new interval is removed again and the form saved
    await app.getByRole("button", { name: "Remove" }).nth(2).click();
    await app.getByRole("button", { name: "Save" }).first().click();
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 20_000 }).toContain("Saved.");
    expect(errors).toEqual([]);
  });

  it("speaks Simplified Chinese", async () => {
    const page = await session.browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1400, height: 1200 } });
    const app = await open(page, "/app/settings/automation", "zh-CN");
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 90_000 }).toContain("免打扰时段");
  });
});

// The reports page in the demo, as a merchant sees it inside the admin frame: every section renders
// from the seeded shop, the charts draw after hydration, and a table downloads as CSV.
import { describe, expect, it } from "vitest";
import { DESKTOP_USER_AGENT } from "./browser";
import { demoWithBrowser } from "./demo-session";

const session = demoWithBrowser();

describe("reports page", () => {
  it("shows every section with definitions, draws the charts and exports a table as CSV", async () => {
    const page = await session.browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${session.demo.adminUrl}?${new URLSearchParams({ path: "/app/reports" })}`);
    const app = page.frameLocator('iframe[name="app-iframe"]');

    // GIVEN the seeded demo shop WHEN the reports open THEN every section is there, each metric with its definition
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 90_000 }).toContain("Response times");
    const text = await app.locator("body").innerText();
    for (const heading of ["First responses within 15 min / 1 h / 24 h", "SLA attainment", "Resolution quality", "Backlog and ageing", "Customer feedback", "Complaint analysis"]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain("Automated replies and acknowledgements never count");
    expect(text).toContain("average e-commerce shop 35 % / 65 % / 92 %");
    // AND the charts drew (polaris-viz renders SVG after hydration) and the heatmap is a table of 7 days
    await expect.poll(async () => app.locator("svg[role='table'], svg").count(), { timeout: 20_000 }).toBeGreaterThan(2);
    expect(await app.locator('table[aria-label^="Customer messages by weekday"] tbody tr').count()).toBe(7);

    // WHEN a table is exported THEN the browser saves the CSV the page shows
    const download = page.waitForEvent("download", { timeout: 20_000 });
    await app.getByRole("button", { name: "Export CSV" }).first().click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^shopdesk-response_times-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const stream = await saved.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("metric,count,median_minutes,p90_minutes,previous_median_minutes,previous_p90_minutes");
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("lets a supervisor review a conversation", async () => {
    const page = await session.browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1440, height: 1000 } });
    await page.goto(`${session.demo.adminUrl}?${new URLSearchParams({ path: "/app/reports/quality" })}`);
    const app = page.frameLocator('iframe[name="app-iframe"]');
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 60_000 }).toContain("Quality reviews");
    const body = await app.locator("body").innerText();
    // The demo's staff member is the account owner (admin): the review form is shown when there is something to review.
    if (body.includes("Every resolved conversation of the period has been reviewed.")) return;
    for (const item of ["Correct solution", "Policy and process", "Empathy and tone", "Clarity and language", "Efficiency"]) {
      await app.getByLabel(item).selectOption("4");
    }
    await app.getByRole("button", { name: "Save review" }).click();
    await expect.poll(async () => app.locator("body").innerText(), { timeout: 20_000 }).toContain("Review saved: 80 / 100.");
    await page.close();
  });
});

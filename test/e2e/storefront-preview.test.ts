// The storefront loop on one machine: the demo's storefront preview renders the theme extension from
// the published metafields; a visitor opens the FAQ, filters it, and sends the contact form with and
// without JavaScript through the locally signed app proxy; the tickets appear in the admin inbox,
// with hostile input shown as text.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DESKTOP_USER_AGENT, launchBrowser } from "./browser";
import { startDemo, type RunningDemo } from "./demo-process";

let demo: RunningDemo;
let browser: Browser;
let storefront: string;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  process.env.STOREFRONT_PORT = String(port); // read by dev/demo-server.ts
  storefront = `http://localhost:${port}`;
  demo = await startDemo();
  browser = await launchBrowser();
});

afterAll(async () => {
  delete process.env.STOREFRONT_PORT;
  await browser?.close();
  await demo?.stop();
});

async function fillForm(page: Page, fields: { name: string; email: string; message: string; topic?: string }) {
  await page.fill('input[name="name"]', fields.name);
  await page.fill('input[name="email"]', fields.email);
  await page.selectOption('select[name="topic"]', fields.topic ?? "shipping");
  await page.fill('textarea[name="message"]', fields.message);
}

async function inboxText(page: Page, search: string): Promise<string> {
  await page.goto(`${demo.adminUrl}?path=${encodeURIComponent(`/app?q=${search}`)}`);
  const app = page.frameLocator('iframe[name="app-iframe"]');
  // The ticket follows the visitor's answer by a second or so (the contact.drain job): an inbox
  // without it yet returns "" and expect.poll loads it again.
  const found = await app.locator("tbody tr").first().waitFor({ timeout: 8_000 }).then(() => true, () => false);
  return found ? app.locator("tbody").innerText() : "";
}

describe("storefront preview", () => {
  it("opens an FAQ answer and filters the questions", async () => {
    const page = await browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1200, height: 900 } });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${storefront}/pages/contact`, { waitUntil: "networkidle" });
    const questions = page.locator("details[data-sw-q]");
    expect(await questions.count()).toBe(10);
    // Disclosure: the answer opens on click and is exposed as expanded.
    const customs = questions.filter({ hasText: "customs duties" });
    await customs.locator("summary").click();
    expect(await customs.getAttribute("open")).not.toBeNull();
    await expect.poll(() => customs.locator(".sw-a").isVisible()).toBe(true);
    // Filter: only matching questions stay, empty categories hide, a no-match message is announced.
    await page.fill("[data-sw-filter]", "tracking");
    await expect.poll(() => page.locator("details[data-sw-q]:visible").count()).toBe(2);
    expect(await page.locator("[data-sw-group]:visible").count()).toBe(1);
    await page.fill("[data-sw-filter]", "zzzz-nothing");
    await expect.poll(() => page.locator("[data-sw-no-match]").innerText()).toContain("No questions match");
    await page.fill("[data-sw-filter]", "");
    await expect.poll(() => page.locator("details[data-sw-q]:visible").count()).toBe(10);
    // The script filled the visitor-time column and the open/closed state.
    expect(await page.locator("[data-sw-local]").first().innerText()).not.toBe("–");
    expect(["open", "closed"]).toContain(await page.locator("[data-sw-status]").first().getAttribute("data-state"));
    // The Chinese storefront gets the Chinese FAQ.
    await page.goto(`${storefront}/pages/contact?locale=zh-CN`, { waitUntil: "networkidle" });
    expect(await page.locator("details[data-sw-q] summary").first().innerText()).toBe("如何选择尺码？");
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("sends the form with JavaScript: inline errors, then inline success, and the ticket is in the inbox", async () => {
    const page = await browser.newPage({ userAgent: DESKTOP_USER_AGENT });
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${storefront}/pages/contact`, { waitUntil: "networkidle" });
    const token = `jsform${Date.now()}`;
    // A hostile name: stored and shown as text everywhere.
    await fillForm(page, { name: `<img src=x onerror=alert(1)> Ana`, email: "ana@example.com", message: `My parcel is late ${token}` });
    await page.waitForTimeout(3200); // the minimum fill time
    const posted = page.waitForResponse((response) => response.url().includes("/apps/shopdesk/contact"));
    await page.click("[data-sw-submit]");
    expect((await posted).status()).toBe(200);
    const success = page.locator("[data-sw-success]");
    await expect.poll(() => success.isVisible(), { timeout: 30_000 }).toBe(true);
    // Answered as soon as it is stored: the promised reply time (the ticket follows from the contact.drain job).
    expect(await success.innerText()).toMatch(/^Thank you, we received your message\. We expect to reply by .+/);
    expect(await page.locator("[data-sw-form]").isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);

    let dialogs = 0;
    const admin = await browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1400, height: 900 } });
    admin.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await expect.poll(() => inboxText(admin, token), { timeout: 120_000 }).toContain("<img src=x onerror=alert(1)> Ana");
    expect(dialogs).toBe(0);
    await admin.close();
    await page.close();
  });

  it("shows field errors inline in the visitor's language without losing the text", async () => {
    const page = await browser.newPage({ userAgent: DESKTOP_USER_AGENT });
    await page.goto(`${storefront}/pages/contact?locale=de`, { waitUntil: "networkidle" });
    await fillForm(page, { name: "Jonas", email: "jonas@example", message: "Wo ist mein Paket?" });
    await page.waitForTimeout(3200);
    await page.click("[data-sw-submit]");
    const error = page.locator('[data-sw-error="email"]');
    await expect.poll(() => error.innerText(), { timeout: 30_000 }).toContain("gültige E-Mail-Adresse");
    expect(await page.locator('input[name="email"]').getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator('textarea[name="message"]').inputValue()).toBe("Wo ist mein Paket?");
    await page.close();
  });

  it("sends the form without JavaScript: a plain post and the result page inside the theme", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, userAgent: DESKTOP_USER_AGENT });
    const page = await context.newPage();
    await page.goto(`${storefront}/pages/contact?locale=ja`);
    const token = `nojs${Date.now()}`;
    await fillForm(page, { name: "山田花子", email: "hanako@example.com", message: `注文した商品がまだ届きません ${token}`, topic: "order_status" });
    await page.waitForTimeout(3200);
    await Promise.all([page.waitForURL(/\/apps\/shopdesk\/contact/), page.click('button[type="submit"]')]);
    const body = await page.locator("main").innerText();
    expect(body).toMatch(/お問い合わせを受け付けました。ありがとうございます。 .+までにご返信の予定です。/);
    expect(await page.locator("header .logo").innerText()).toBe("Shopdesk Demo Supply"); // inside the theme layout
    await context.close();

    const admin = await browser.newPage({ userAgent: DESKTOP_USER_AGENT, viewport: { width: 1400, height: 900 } });
    await expect.poll(() => inboxText(admin, token), { timeout: 120_000 }).toContain("山田花子");
    await admin.close();
  });
});

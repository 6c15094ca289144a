// The app proxy route through Remix's real handler inputs: Shopify's signature (valid, tampered,
// expired), JSON for the block's script, the theme-rendered page without JavaScript, and hostile
// input in every field stored as plain text and shown escaped (and brace-encoded, so no Liquid runs).
import { API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/proxy.contact";
import { signedAppProxySearch } from "../../dev/app-proxy-signer";
import { respond } from "../helpers/respond";
import { createShop } from "../factories";
import { CONTACT_DRAIN_JOB } from "../../app/jobs/definitions/contact-intake.server";
import { allJobHandlers } from "../../app/jobs/definitions/index.server";
import { silentLogger } from "../../app/jobs/types";

const XSS = `<img src=x onerror=alert(1)>{{ shop.secret }}{% raw %}"'</script>`;

function proxyRequest(shop: string, body: Record<string, string>, options: { secret?: string; timestamp?: number; accept?: string; ip?: string; method?: string } = {}) {
  const search = signedAppProxySearch({ shop, secret: options.secret ?? API_SECRET_KEY, pathPrefix: "/apps/shopdesk", timestamp: options.timestamp });
  const method = options.method ?? "POST";
  return new Request(`${APP_URL}/proxy/contact?${search}`, {
    method,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: options.accept ?? "text/html", "X-Forwarded-For": options.ip ?? "203.0.113.50" },
    body: method === "POST" ? new URLSearchParams(body) : undefined,
  });
}

function validBody(overrides: Record<string, string> = {}) {
  return { name: "Grace Hopper", email: "grace@example.com", topic: "returns", message: "I would like to return my order.", locale: "en", started_at: String(Math.floor(Date.now() / 1000) - 20), website: "", ...overrides };
}

/** The route stores and asks for a contact.drain job; this runs that job the way a worker would. */
async function ticketsOf(shopId: string, expected = 1) {
  const drains = await prisma.job.findMany({ where: { name: CONTACT_DRAIN_JOB, shopId, status: "queued" } });
  expect(drains.length).toBeGreaterThan(0);
  await allJobHandlers().get(CONTACT_DRAIN_JOB)!.run(drains[0]!.payload, { db: prisma, now: new Date(), jobId: drains[0]!.id, attempt: 1, log: silentLogger });
  expect(await prisma.ticket.count({ where: { shopId } })).toBe(expected);
  return prisma.ticket.findMany({ where: { shopId }, include: { messages: true, customer: true } });
}


describe("POST /proxy/contact", () => {
  it("accepts a correctly signed post and answers JSON to the block's script", async () => {
    const shop = await createShop(prisma);
    const response = await respond(() => action({ request: proxyRequest(shop.domain, validBody(), { accept: "application/json" }), params: {}, context: {} }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, duplicate: false });
    expect(body.message).toContain("Thank you, we received your message.");
    expect(body.ticketNumber).toBeNull(); // the ticket follows from the job
    const [ticket] = await ticketsOf(shop.id);
    expect(ticket).toMatchObject({ channel: "contact_form" });
  });

  it("refuses a tampered signature and an expired timestamp, storing nothing", async () => {
    const shop = await createShop(prisma);
    const forged = await respond(() => action({ request: proxyRequest(shop.domain, validBody(), { secret: "not-the-secret" }), params: {}, context: {} }));
    expect(forged.status).toBe(400);
    const stale = await respond(() => action({ request: proxyRequest(shop.domain, validBody(), { timestamp: Math.floor(Date.now() / 1000) - 600 }), params: {}, context: {} }));
    expect(stale.status).toBe(400);
    const unsigned = await respond(() => action({ request: new Request(`${APP_URL}/proxy/contact?shop=${shop.domain}`, { method: "POST", body: new URLSearchParams(validBody()) }), params: {}, context: {} }));
    expect(unsigned.status).toBe(400);
    expect(await prisma.contactSubmission.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("answers 422 with field errors as JSON, and re-shows the filled form on the no-JavaScript page", async () => {
    const shop = await createShop(prisma);
    const json = await respond(() => action({ request: proxyRequest(shop.domain, validBody({ email: "nope", locale: "zh-CN" }), { accept: "application/json" }), params: {}, context: {} }));
    expect(json.status).toBe(422);
    expect(await json.json()).toMatchObject({ ok: false, errors: { email: expect.stringContaining("电子邮箱") }, retryable: false });

    const page = await respond(() => action({ request: proxyRequest(shop.domain, validBody({ email: "nope", locale: "es", message: "Mi pedido #1001 no llegó" })), params: {}, context: {} }));
    expect(page.status).toBe(200); // Shopify renders only what it receives; the outcome is in the page
    expect(page.headers.get("Content-Type")).toContain("application/liquid");
    expect(page.headers.get("X-Shopdesk-Outcome")).toBe("invalid");
    const html = await page.text();
    expect(html).toContain("correo electrónico válido");
    expect(html).toContain(">Mi pedido #1001 no llegó</textarea>");
    expect(html).toContain('value="Grace Hopper"');
  });

  it("confirms on the no-JavaScript page with the promised reply time", async () => {
    const shop = await createShop(prisma);
    const page = await respond(() => action({ request: proxyRequest(shop.domain, validBody({ locale: "de" })), params: {}, context: {} }));
    const html = await page.text();
    expect(html).toContain("Danke, wir haben Ihre Nachricht erhalten.");
    expect(html).toContain("Wir antworten voraussichtlich bis");
    await ticketsOf(shop.id);
    expect(html).toMatch(/href="\/pages\/contact\/?"/);
  });

  it("stores hostile input as plain text and never echoes it as HTML or Liquid", async () => {
    const shop = await createShop(prisma);
    const hostile = validBody({ name: XSS, email: `x"><script>@example.com`, order: XSS, topic: XSS, message: XSS });
    const invalid = await respond(() => action({ request: proxyRequest(shop.domain, hostile), params: {}, context: {} }));
    const invalidHtml = await invalid.text();
    expect(invalidHtml).not.toContain("<img");
    expect(invalidHtml).not.toContain("{{");
    expect(invalidHtml).not.toContain("{%");
    expect(invalidHtml).toContain("&lt;img src=x onerror=alert(1)&gt;&#123;&#123; shop.secret &#125;&#125;");

    // Valid email and topic, hostile free text: accepted, stored verbatim as text, echoed escaped.
    const accepted = await respond(() => action({ request: proxyRequest(shop.domain, validBody({ name: XSS, message: XSS }), { ip: "203.0.113.51" }), params: {}, context: {} }));
    expect(await accepted.text()).not.toContain("<img");
    const [ticket] = await ticketsOf(shop.id);
    expect(ticket!.messages[0]!.bodyText).toBe(XSS);
    expect(ticket!.messages[0]!.bodyHtml).toBeNull();
    expect(ticket!.customer?.displayName).toBe(XSS);
  });

  it("answers 429 with Retry-After once a client address is over its limit", async () => {
    const shop = await createShop(prisma);
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let index = 0; index < 6; index++) {
      last = await respond(() => action({ request: proxyRequest(shop.domain, validBody({ email: `r${index}@example.com`, message: `m${index}` }), { accept: "application/json", ip: "198.51.100.77" }), params: {}, context: {} }));
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last!.headers.get("Retry-After")).toBe("60");
    expect(await last!.json()).toMatchObject({ ok: false, retryable: true });
  });

  it("redirects a signed GET to the contact page", async () => {
    const shop = await createShop(prisma);
    const response = await respond(() => loader({ request: proxyRequest(shop.domain, {}, { method: "GET" }), params: {}, context: {} }));
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/pages/contact");
  });
});

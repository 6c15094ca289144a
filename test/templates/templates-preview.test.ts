// Preview against a ticket's real data, with Shopify answered by the Admin emulator over HTTP: every
// seeded template renders with no missing value for the fixture's customers and orders, the agent
// picks the order, drafts show syntax errors and missing values, other shops' tickets stay hidden.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { seedTemplateLibrary } from "../../app/models/templates-seed.server";
import { previewTemplate } from "../../app/services/templates/preview.server";
import { createAdminClient } from "../../app/shopify/admin-client.server";
import { startAdminEmulator, type RunningAdminEmulator } from "../../dev/emulator";
import type { OrderRecord } from "../../dev/fixtures";
import { createPanelTicket, FIXTURE, FIXTURE_NOW, PANEL_TOKEN } from "../panel/panel-fixtures";

let emulator: RunningAdminEmulator;
beforeAll(async () => {
  emulator = await startAdminEmulator({ port: 0, shop: FIXTURE, accessToken: PANEL_TOKEN });
  await createAdminClient({ shop: "warm-up.myshopify.com", accessToken: PANEL_TOKEN, origin: emulator.origin }).request("query Warm { shop { name } }");
});
afterAll(async () => emulator?.close());

const SCENARIOS: ReadonlyArray<OrderRecord["scenario"]> = ["in_transit", "delivered", "unfulfilled", "refunded"];

async function ticketWithOrders(language: string) {
  const customer = FIXTURE.customers.find((candidate) => candidate.locale === language) ?? FIXTURE.customers[0]!;
  const setup = await createPanelTicket(prisma, { email: customer.email, messages: ["Hello, a question about my order"] });
  await prisma.customer.update({ where: { id: setup.customer.id }, data: { firstName: customer.firstName, lastName: customer.lastName, language } });
  const orders = SCENARIOS.map((scenario) => FIXTURE.orders.find((order) => order.scenario === scenario)!);
  for (const [index, order] of orders.entries()) {
    await prisma.ticketOrder.create({
      data: { ticketId: setup.ticket.id, shopId: setup.shop.id, shopifyOrderId: order.id, orderName: order.name, linkedBy: "manual", createdAt: new Date(FIXTURE_NOW.getTime() - (10 - index) * 60_000) },
    });
  }
  const agent = await prisma.agent.create({ data: { shopId: setup.shop.id, shopifyStaffId: "7", name: "Sam Rivera" } });
  const admin = createAdminClient({ shop: setup.shop.domain, accessToken: PANEL_TOKEN, origin: emulator.origin });
  return { ...setup, orders, agent, admin };
}

describe("previewTemplate", () => {
  it("renders every seeded template in every language against fixture orders with no missing value", async () => {
    // GIVEN the library in a shop and a ticket linked to an order of each kind
    const { shop, ticket, orders, agent, admin } = await ticketWithOrders("en");
    await seedTemplateLibrary(prisma, shop.id);
    const templates = await prisma.template.findMany({ where: { shopId: shop.id }, include: { variants: true } });
    expect(templates.length).toBeGreaterThanOrEqual(24);

    const problems: string[] = [];
    let rendered = 0;
    for (const order of orders) {
      for (const template of templates) {
        for (const { language } of template.variants) {
          const base = { db: prisma, shop, agent, admin, ticketId: ticket.id, templateId: template.id, language, orderId: order.id, now: FIXTURE_NOW };
          // WHEN it is previewed, then previewed again with every prompt filled in
          const first = await previewTemplate(base);
          if (!first.ok || !first.body.ok) throw new Error(`${template.name} ${language}: ${JSON.stringify(first)}`);
          const promptValues = Object.fromEntries(first.body.prompts.map((prompt) => [prompt.name, `${prompt.label} value`]));
          const filled = await previewTemplate({ ...base, promptValues });
          if (!filled.ok || !filled.body.ok) throw new Error(`${template.name} ${language}: render failed`);
          rendered++;
          // THEN nothing is missing, no Liquid or placeholder leaks, and the order is the one picked
          expect(filled.orderId).toBe(order.id);
          expect(filled.orderDetailsMissing).toBe(false);
          if (filled.body.missing.length > 0) problems.push(`${template.name} [${language}] ${order.scenario}: ${filled.body.missing.map((m) => m.path).join(", ")}`);
          if (/\{\{|\{%|\[(customer|order|shop|agent|ticket)\./.test(filled.body.text)) problems.push(`${template.name} [${language}]: leaked Liquid`);
          if (!template.sensitive && !filled.canSend) problems.push(`${template.name} [${language}] ${order.scenario}: cannot send`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(rendered).toBe(orders.length * templates.reduce((sum, template) => sum + template.variants.length, 0));
  }, 120_000);

  it("uses the customer's language, real order data and the agent, and lets the agent pick the order", async () => {
    const { shop, ticket, orders, agent, admin } = await ticketWithOrders("zh-CN");
    await seedTemplateLibrary(prisma, shop.id);
    const wismo = await prisma.template.findFirstOrThrow({ where: { shopId: shop.id, name: "Where is my order?" } });
    const inTransit = orders[0]!;
    const base = { db: prisma, shop, agent, admin, ticketId: ticket.id, templateId: wismo.id, now: FIXTURE_NOW };

    // WHEN previewed without choosing: the most recently linked order; then with the in-transit one
    const preview = await previewTemplate(base);
    const picked = await previewTemplate({ ...base, orderId: inTransit.id });

    // THEN the Chinese variant is used, with the chosen order's name and tracking
    expect(preview.ok && preview.language).toBe("zh-CN");
    expect(preview.ok && preview.orders.map((order) => order.name)).toEqual([...orders].reverse().map((order) => order.name));
    expect(preview.ok && preview.orderId).toBe(orders.at(-1)!.id);
    if (!picked.ok || !picked.body.ok) throw new Error("preview failed");
    expect(picked.body.text).toContain(inTransit.name);
    const tracking = inTransit.fulfillments.flatMap((fulfillment) => fulfillment.trackingInfo)[0];
    expect(picked.body.text).toContain(tracking?.url ?? tracking?.number ?? inTransit.name);
    expect(picked.body.text).toContain("Sam");
    expect(picked.canSend).toBe(true);
  });

  it("fills the out-of-hours acknowledgement with the shop's support hours and next opening, in the customer's language", async () => {
    // GIVEN weekday hours in Berlin and a Saturday-morning preview (closed until Monday 09:00)
    const { shop, ticket, agent, admin } = await ticketWithOrders("zh-CN");
    await prisma.shop.update({ where: { id: shop.id }, data: { ianaTimezone: "Europe/Berlin" } });
    await prisma.businessSchedule.create({
      data: { shopId: shop.id, name: "Support", timezone: "Europe/Berlin", intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "18:00" })) },
    });
    await seedTemplateLibrary(prisma, shop.id);
    const template = await prisma.template.findFirstOrThrow({ where: { shopId: shop.id, name: "Auto-reply: outside support hours" } });
    const saturday = new Date("2026-03-07T08:00:00Z");

    // WHEN previewed
    const preview = await previewTemplate({ db: prisma, shop: { ...shop, ianaTimezone: "Europe/Berlin" }, agent, admin, ticketId: ticket.id, templateId: template.id, now: saturday });

    // THEN the Chinese variant names the hours and Monday's opening, nothing is missing
    if (!preview.ok || !preview.body.ok) throw new Error("preview failed");
    expect(preview.language).toBe("zh-CN");
    expect(preview.body.text).toContain("周一至周五 09:00–18:00（Europe/Berlin）");
    expect(preview.body.text).toContain("3月9日星期一"); // next opening: Monday 09:00 Berlin, in the customer's zone
    expect(preview.body.missing).toEqual([]);
  });

  it("reports a draft's syntax error and its missing values, which block sending", async () => {
    const { shop, ticket, agent, admin } = await ticketWithOrders("en");
    const base = { db: prisma, shop, agent, admin, ticketId: ticket.id, now: FIXTURE_NOW };
    const broken = await previewTemplate({ ...base, draft: { body: "Hi\n{% if customer.first_name %}", language: "en" } });
    expect(broken.ok && !broken.body.ok && broken.body.error).toMatchObject({ kind: "syntax", line: 2 });

    await prisma.customer.updateMany({ where: { shopId: shop.id }, data: { firstName: null } });
    const missing = await previewTemplate({ ...base, draft: { body: "Hi {{ customer.first_name }}, code {{ prompt.discount_code }}", language: "en" } });
    if (!missing.ok || !missing.body.ok) throw new Error("preview failed");
    expect(missing.body.missing.map((value) => value.path)).toEqual(["customer.first_name"]);
    expect(missing.body.prompts).toEqual([expect.objectContaining({ name: "discount_code", blocking: true })]);
    expect(missing.body.text).toBe("Hi [customer.first_name], code [Discount code]");
    expect(missing.canSend).toBe(false);
  });

  it("does not render with another shop's ticket or template", async () => {
    const mine = await ticketWithOrders("en");
    const theirs = await ticketWithOrders("en");
    await seedTemplateLibrary(prisma, theirs.shop.id);
    const theirTemplate = await prisma.template.findFirstOrThrow({ where: { shopId: theirs.shop.id } });
    const base = { db: prisma, shop: mine.shop, agent: mine.agent, admin: mine.admin, now: FIXTURE_NOW };
    expect(await previewTemplate({ ...base, ticketId: mine.ticket.id, templateId: theirTemplate.id })).toEqual({ ok: false, status: 404, error: "Template not found" });
    const thrown = await previewTemplate({ ...base, ticketId: theirs.ticket.id, draft: { body: "x", language: "en" } }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });
});

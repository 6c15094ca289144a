// The template routes through the real Remix handlers with a valid session token: saving (400 with
// line/column for Liquid that does not parse), approval by role, the list seeding a new shop, the
// preview and search resource routes, and the ticket page refusing an unapproved template.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { SEEDED_TEMPLATES } from "../../app/domain/templates/library";
import { action as ticketAction } from "../../app/routes/app.tickets.$ticketId";
import { loader as listLoader } from "../../app/routes/app.templates._index";
import { action as newAction } from "../../app/routes/app.templates.new";
import { action as editAction, loader as editLoader } from "../../app/routes/app.templates.$templateId";
import { action as previewAction } from "../../app/routes/app.templates.preview";
import { loader as searchLoader } from "../../app/routes/app.templates.search";
import { createShop, createTicket, uniqueShopDomain } from "../factories";
import { adminRequest } from "../helpers/admin-request";
import { adminEmulatorForRoutes } from "../helpers/admin-emulator";

adminEmulatorForRoutes();

const template = (overrides: Record<string, unknown> = {}) => ({
  name: "Goodwill refund",
  category: "return_refund",
  keywords: ["refund"],
  sensitive: true,
  variants: [{ language: "en", body: "Hi {{ customer.first_name | default: \"there\" }}, your refund of {{ prompt.amount }} is on its way." }],
  ...overrides,
});

async function postJson(action: typeof newAction, domain: string, path: string, body: unknown, params: Record<string, string> = {}): Promise<Response> {
  const request = await adminRequest(domain, path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return (await action({ request, params, context: {} })) as Response;
}

async function newShop() {
  return createShop(prisma, { domain: uniqueShopDomain("tpl") });
}

describe("template editor routes", () => {
  it("refuses to save a template that does not parse: 400 with the line and column", async () => {
    const shop = await newShop();
    const broken = template({ variants: [{ language: "en", body: "Hello\n{{ customer.first_name | default: \"there\" \n{% if %}" }] });
    const response = await postJson(newAction, shop.domain, "/app/templates/new", { template: broken });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.syntaxErrors[0]).toMatchObject({ language: "en", field: "body", line: expect.any(Number), column: expect.any(Number) });
    expect(body.errors.syntax).toMatch(/line \d+, column \d+/);
    expect(await prisma.template.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("creates, edits, approves as a supervisor only, marks reviewed, duplicates and archives", async () => {
    // GIVEN a saved sensitive template
    const shop = await newShop();
    const created = await postJson(newAction, shop.domain, "/app/templates/new", { template: template() });
    expect(created.status).toBe(302);
    const id = created.headers.get("Location")!.split("/").pop()!;
    const post = (body: unknown) => postJson(editAction, shop.domain, `/app/templates/${id}`, body, { templateId: id });

    // WHEN an agent (not a supervisor) tries to approve: 403
    await prisma.agent.updateMany({ where: { shopId: shop.id }, data: { role: "agent" } });
    expect((await post({ intent: "approve", version: 1 })).status).toBe(403);
    // AND a supervisor approves version 1
    await prisma.agent.updateMany({ where: { shopId: shop.id }, data: { role: "supervisor" } });
    expect((await post({ intent: "approve", version: 1, note: "fine" })).status).toBe(200);
    const page = await editLoader({ request: await adminRequest(shop.domain, `/app/templates/${id}`), params: { templateId: id }, context: {} });
    expect(page.template).toMatchObject({ approved: true, version: 1 });
    expect(page.log).toEqual([expect.objectContaining({ templateVersion: 1, decision: "approved", approverName: "Test User", note: "fine" })]);
    expect(page.canApprove).toBe(true);

    // WHEN the body is edited: version 2, awaiting approval; a stale save is a 409
    const edited = template({ variants: [{ language: "en", body: "Your refund of {{ prompt.amount }} is on its way." }] });
    expect(await (await post({ intent: "save", template: edited, expectedVersion: 1 })).json()).toEqual({ ok: true, intent: "save", version: 2 });
    expect((await post({ intent: "save", template: edited, expectedVersion: 1 })).status).toBe(409);
    expect((await prisma.template.findUniqueOrThrow({ where: { id } })).approvedVersion).toBe(1);
    const syntax = await post({ intent: "save", template: template({ variants: [{ language: "en", body: "{% for x in %}" }] }), expectedVersion: 2 });
    expect(syntax.status).toBe(400);

    // AND review, duplicate and archive work
    await prisma.template.update({ where: { id }, data: { lastReviewedAt: new Date("2020-01-01T00:00:00Z") } });
    expect((await post({ intent: "markReviewed" })).status).toBe(200);
    expect((await prisma.template.findUniqueOrThrow({ where: { id } })).lastReviewedAt!.getFullYear()).toBeGreaterThan(2020);
    const copy = await post({ intent: "duplicate" });
    expect(copy.status).toBe(302);
    expect((await post({ intent: "archive" })).status).toBe(200);
    expect((await prisma.template.findUniqueOrThrow({ where: { id } })).status).toBe("archived");
    expect((await post({ intent: "nonsense" })).status).toBe(422);
  });

  it("answers 404 for another shop's template", async () => {
    const shop = await newShop();
    const other = await newShop();
    const theirs = await prisma.template.create({ data: { shopId: other.id, name: "Secret", category: "greeting", variants: { create: { language: "en", body: "Secret" } } } });
    const request = await adminRequest(shop.domain, `/app/templates/${theirs.id}`);
    const thrown = await editLoader({ request, params: { templateId: theirs.id }, context: {} }).catch((error: unknown) => error);
    expect((thrown as Response).status).toBe(404);
    const post = await postJson(editAction, shop.domain, `/app/templates/${theirs.id}`, { intent: "archive" }, { templateId: theirs.id });
    expect(post.status).toBe(404);
    expect((await prisma.template.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("active");
  });
});

describe("template list, search and preview routes", () => {
  it("seeds the library on a shop's first visit and filters the list", async () => {
    const shop = await newShop();
    const load = async (query: string) => listLoader({ request: await adminRequest(shop.domain, `/app/templates${query}`), params: {}, context: {} });
    const all = await load("");
    expect(all.templates).toHaveLength(SEEDED_TEMPLATES.length);
    expect(all.templates.every((row) => row.needsReview === false)).toBe(true);
    const complaints = await load("?category=complaint");
    expect(complaints.templates.length).toBeGreaterThan(0);
    expect(complaints.templates.every((row) => row.category === "complaint")).toBe(true);
    expect((await load("?q=wismo")).templates.map((row) => row.name)).toContain("Where is my order?");
    expect((await load("?status=archived")).templates).toEqual([]);
  });

  it("searches for the composer and previews with the ticket's data, then refuses to send an unapproved template", async () => {
    // GIVEN a shop whose library is seeded and a ticket from a Chinese-speaking customer
    const shop = await newShop();
    const ticket = await createTicket(prisma, shop.id);
    await prisma.customer.updateMany({ where: { shopId: shop.id }, data: { firstName: "小明", lastName: "王", language: "zh-CN" } });
    const search = await searchLoader({ request: await adminRequest(shop.domain, `/app/templates/search?ticketId=${ticket.id}&q=wismo`), params: {}, context: {} });
    const { results } = await search.json();
    expect(results[0]).toMatchObject({ name: "Where is my order?", language: "zh-CN" });

    // WHEN the template is previewed for the ticket
    const preview = async (fields: Record<string, string>) => {
      const request = await adminRequest(shop.domain, "/app/templates/preview", { method: "POST", body: new URLSearchParams(fields) });
      return (await previewAction({ request, params: {}, context: {} })) as Response;
    };
    // (no order is linked: the order's name is missing and blocks sending)
    const response = await preview({ ticketId: ticket.id, templateId: results[0].id });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, language: "zh-CN", canSend: false, orders: [], body: { ok: true, missing: [{ path: "order.name" }] } });
    const greeting = await prisma.template.findFirstOrThrow({ where: { shopId: shop.id, category: "greeting" } });
    const rendered = await (await preview({ ticketId: ticket.id, templateId: greeting.id })).json();
    expect(rendered).toMatchObject({ ok: true, language: "zh-CN", canSend: true, body: { ok: true, missing: [] } });
    expect(rendered.body.text).toContain("王小明");
    expect((await preview({ templateId: results[0].id })).status).toBe(422);

    // AND a draft with a prompt is blocked until the prompt is filled
    const draft = { ticketId: ticket.id, body: "Code: {{ prompt.discount_code }}", language: "en" };
    expect(await (await preview(draft)).json()).toMatchObject({ canSend: false, body: { prompts: [{ name: "discount_code", blocking: true }] } });
    expect(await (await preview({ ...draft, "prompt.discount_code": "SORRY20" })).json()).toMatchObject({ canSend: true, body: { text: "Code: SORRY20" } });

    // THEN sending a sensitive, unapproved template from the ticket page is refused with a clear message
    const sensitive = await prisma.template.findFirstOrThrow({ where: { shopId: shop.id, sensitive: true } });
    const request = await adminRequest(shop.domain, `/app/tickets/${ticket.id}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "reply", body: "Hello", templateId: sensitive.id, force: "1" }),
    });
    const refused = (await ticketAction({ request, params: { ticketId: ticket.id }, context: {} })) as Response;
    expect(refused.status).toBe(422);
    const refusal = await refused.json();
    expect(refusal.errors.template).toMatch(/has not been approved by a supervisor/);
    expect(refusal.errors.templateReason).toBe("needs_approval");
  });
});

// The template model on the real database: validation, versions and approval, duplicate, archive,
// review dates, search, usage counts from sending, and seeding the library.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { SEEDED_TEMPLATES } from "../../app/domain/templates/library";
import { approvalLog, checkTemplateSendable, recordApprovalDecision } from "../../app/models/templates-approval.server";
import { TemplateInputError } from "../../app/models/templates-input.server";
import { ensureTemplateLibrary, seedTemplateLibrary } from "../../app/models/templates-seed.server";
import {
  createTemplate, duplicateTemplate, findTemplate, listTemplates, markTemplateReviewed, searchTemplatesForReply,
  setTemplateStatus, updateTemplate,
} from "../../app/models/templates.server";
import { sendMessage } from "../../app/services/send-reply.server";
import { createShop, createTicket } from "../factories";

const DAY_MS = 86_400_000;

function draft(overrides: Record<string, unknown> = {}) {
  return {
    name: "Refund above threshold",
    category: "return_refund",
    keywords: ["refund", "退款", "goodwill, exception"],
    sensitive: true,
    variants: [
      { language: "en", subject: "Your refund", body: "Hi {{ customer.first_name | default: \"there\" }}, we refunded {{ prompt.amount }}." },
      { language: "zh-CN", body: "您好，已退款 {{ prompt.amount }}。" },
    ],
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<TemplateInputError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TemplateInputError);
  return error as TemplateInputError;
}

async function people(shopId: string) {
  const supervisor = await prisma.agent.create({ data: { shopId, shopifyStaffId: "1", name: "Mei Chen", role: "supervisor" } });
  const agent = await prisma.agent.create({ data: { shopId, shopifyStaffId: "2", name: "Sam Rivera", role: "agent" } });
  return { supervisor, agent };
}

describe("saving templates", () => {
  it("refuses Liquid that does not parse with 400 and the line and column", async () => {
    // GIVEN a body whose second line opens a tag that is never closed
    const shop = await createShop(prisma);
    const body = "Hi {{ customer.first_name | default: \"there\" }},\nYour order {% if order.name %}is on its way.";

    // WHEN it is saved
    const error = await rejection(createTemplate(prisma, shop.id, draft({ variants: [{ language: "en", body }] })));

    // THEN nothing is stored and the editor learns where the problem is
    expect(error.status).toBe(400);
    expect(error.syntaxErrors).toEqual([expect.objectContaining({ language: "en", field: "body", line: 2, column: 12 })]);
    expect(error.errors.syntax).toMatch(/line 2, column 12/);
    expect(await prisma.template.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("validates fields with 422, normalises keywords and languages, and keeps names unique per shop", async () => {
    const shop = await createShop(prisma);
    const other = await createShop(prisma);
    expect((await rejection(createTemplate(prisma, shop.id, draft({ category: "weather" })))).errors.category).toMatch(/category must be one of/);
    expect((await rejection(createTemplate(prisma, shop.id, draft({ variants: [] })))).status).toBe(422);
    const dup = draft({ variants: [{ language: "zh_cn", body: "a" }, { language: "zh-CN", body: "b" }] });
    expect((await rejection(createTemplate(prisma, shop.id, dup))).errors["variants.1.language"]).toMatch(/appears twice/);

    const created = await createTemplate(prisma, shop.id, draft({ variants: [{ language: "zh_cn", body: "您好" }] }));
    expect(created.keywords).toBe("refund,退款,goodwill exception");
    expect(created.variants.map((variant) => variant.language)).toEqual(["zh-CN"]);
    expect((await rejection(createTemplate(prisma, shop.id, draft()))).errors.name).toMatch(/already exists/);
    // Two saves racing for the same new name: one wins, the other gets the same 422
    const racing = await Promise.allSettled([createTemplate(prisma, shop.id, draft({ name: "Race" })), createTemplate(prisma, shop.id, draft({ name: "Race" }))]);
    expect(racing.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const lost = racing.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(TemplateInputError);
    expect(lost.reason.status).toBe(422);
    // Another shop may use the same name, and cannot read this one.
    await createTemplate(prisma, other.id, draft());
    expect(await findTemplate(prisma, other.id, created.id)).toBeNull();
    expect((await rejection(updateTemplate(prisma, other.id, created.id, draft({ name: "x" })))).status).toBe(404);
  });
});

describe("approval of sensitive templates", () => {
  it("needs a supervisor before first use and again after every edit, and logs who approved which version", async () => {
    // GIVEN a sensitive template, a supervisor, an agent and a ticket
    const shop = await createShop(prisma);
    const { supervisor, agent } = await people(shop.id);
    const ticket = await createTicket(prisma, shop.id);
    const template = await createTemplate(prisma, shop.id, draft());
    const reply = (templateId: string) =>
      sendMessage(prisma, { shopId: shop.id, ticketId: ticket.id, agent, kind: "reply", body: "Hi Ana, we refunded $120.", templateId, force: true });

    // THEN sending it is refused with a clear message, and nothing is stored
    const refused = await reply(template.id);
    expect(refused).toMatchObject({ kind: "invalid", errors: { template: expect.stringMatching(/not been approved by a supervisor/) } });
    expect(await prisma.message.count({ where: { ticketId: ticket.id, direction: "outbound" } })).toBe(0);

    // WHEN an agent tries to approve: refused; the supervisor approves version 1
    expect((await rejection(recordApprovalDecision(prisma, { shopId: shop.id, templateId: template.id, agent, version: 1, decision: "approved" }))).status).toBe(403);
    await recordApprovalDecision(prisma, { shopId: shop.id, templateId: template.id, agent: supervisor, version: 1, decision: "approved", note: "OK up to $150" });
    expect(await checkTemplateSendable(prisma, shop.id, template.id)).toEqual({ ok: true, templateId: template.id });
    const sent = await reply(template.id);
    expect(sent.kind).toBe("sent");

    // WHEN the text is edited, it is version 2 and needs approval again
    const edited = await updateTemplate(prisma, shop.id, template.id, draft({ variants: [{ language: "en", body: "We refunded {{ prompt.amount }} in full." }] }), { expectedVersion: 1 });
    expect(edited).toMatchObject({ version: 2, approvedVersion: 1 });
    expect(await checkTemplateSendable(prisma, shop.id, template.id)).toMatchObject({ ok: false, reason: "needs_approval" });
    expect((await reply(template.id)).kind).toBe("invalid");
    // Approving the version one has not seen is refused; a stale save is refused too.
    expect((await rejection(recordApprovalDecision(prisma, { shopId: shop.id, templateId: template.id, agent: supervisor, version: 1, decision: "approved" }))).status).toBe(409);
    expect((await rejection(updateTemplate(prisma, shop.id, template.id, draft(), { expectedVersion: 1 }))).status).toBe(409);
    await recordApprovalDecision(prisma, { shopId: shop.id, templateId: template.id, agent: supervisor, version: 2, decision: "approved" });
    expect((await reply(template.id)).kind).toBe("sent");

    // AND a rename or new keywords are not a new version; the log lists both decisions, newest first
    const renamed = await updateTemplate(prisma, shop.id, template.id, draft({ name: "Large refund", keywords: ["refund"], variants: [{ language: "en", body: "We refunded {{ prompt.amount }} in full." }] }));
    expect(renamed).toMatchObject({ version: 2, approvedVersion: 2 });
    const log = await approvalLog(prisma, shop.id, template.id);
    expect(log.map((entry) => [entry.templateVersion, entry.decision, entry.approverName])).toEqual([[2, "approved", "Mei Chen"], [1, "approved", "Mei Chen"]]);
    expect(log[1]?.note).toBe("OK up to $150");
  });

  it("refuses archived templates and replies that still contain Liquid", async () => {
    const shop = await createShop(prisma);
    const { agent } = await people(shop.id);
    const ticket = await createTicket(prisma, shop.id);
    const template = await createTemplate(prisma, shop.id, draft({ sensitive: false }));
    const send = (body: string) => sendMessage(prisma, { shopId: shop.id, ticketId: ticket.id, agent, kind: "reply", body, templateId: template.id, force: true });
    expect(await send("Hi {{ customer.first_name }}")).toMatchObject({ kind: "invalid", errors: { template: expect.stringMatching(/Liquid/) } });
    await setTemplateStatus(prisma, shop.id, template.id, "archived");
    expect(await send("Hi Ana")).toMatchObject({ kind: "invalid", errors: { template: expect.stringMatching(/archived/) } });
  });
});

describe("library management", () => {
  it("counts uses when a reply is sent with the template, and records the template on the message", async () => {
    const shop = await createShop(prisma);
    const { agent } = await people(shop.id);
    const ticket = await createTicket(prisma, shop.id);
    const template = await createTemplate(prisma, shop.id, draft({ sensitive: false }));
    const result = await sendMessage(prisma, { shopId: shop.id, ticketId: ticket.id, agent, kind: "reply", body: "Hi Ana, we refunded $12.", templateId: template.id, force: true });
    await sendMessage(prisma, { shopId: shop.id, ticketId: ticket.id, agent, kind: "note", body: "Used the refund template", templateId: template.id });
    expect(result.kind === "sent" ? result.message.templateId : null).toBe(template.id);
    expect((await findTemplate(prisma, shop.id, template.id))?.usageCount).toBe(1);
  });

  it("duplicates as a new unapproved, unused copy and archives and restores", async () => {
    const shop = await createShop(prisma);
    const { supervisor } = await people(shop.id);
    const template = await createTemplate(prisma, shop.id, draft());
    await recordApprovalDecision(prisma, { shopId: shop.id, templateId: template.id, agent: supervisor, version: 1, decision: "approved" });
    await prisma.template.update({ where: { id: template.id }, data: { usageCount: 9 } });

    const copy = await duplicateTemplate(prisma, shop.id, template.id);
    const second = await duplicateTemplate(prisma, shop.id, copy.id);
    expect(copy).toMatchObject({ name: "Refund above threshold (copy)", usageCount: 0, version: 1, approvedVersion: null, sensitive: true, keywords: template.keywords });
    expect(second.name).toBe("Refund above threshold (copy 2)");
    expect(copy.variants.map((variant) => variant.body)).toEqual(template.variants.map((variant) => variant.body));

    await setTemplateStatus(prisma, shop.id, copy.id, "archived");
    expect((await listTemplates(prisma, shop.id)).map((row) => row.name)).toEqual(["Refund above threshold", "Refund above threshold (copy 2)"]);
    expect((await listTemplates(prisma, shop.id, { status: "archived" })).map((row) => row.id)).toEqual([copy.id]);
    await setTemplateStatus(prisma, shop.id, copy.id, "active");
    expect(await listTemplates(prisma, shop.id)).toHaveLength(3);
  });

  it("flags templates not reviewed for 90 days until someone marks them reviewed", async () => {
    const shop = await createShop(prisma);
    const now = new Date("2026-06-01T00:00:00Z");
    const template = await createTemplate(prisma, shop.id, draft(), new Date(now.getTime() - 91 * DAY_MS));
    const fresh = await createTemplate(prisma, shop.id, draft({ name: "Fresh" }), new Date(now.getTime() - 89 * DAY_MS));
    const flags = async () => Object.fromEntries((await listTemplates(prisma, shop.id, { now })).map((row) => [row.id, row.needsReview]));
    expect(await flags()).toEqual({ [template.id]: true, [fresh.id]: false });
    await markTemplateReviewed(prisma, shop.id, template.id, now);
    expect(await flags()).toEqual({ [template.id]: false, [fresh.id]: false });
  });

  it("filters by category and searches names, keywords and text in any case and accent", async () => {
    const shop = await createShop(prisma);
    await seedTemplateLibrary(prisma, shop.id);
    const names = async (options: Parameters<typeof listTemplates>[2]) => (await listTemplates(prisma, shop.id, options)).map((row) => row.name);
    expect((await names({ category: "complaint" })).length).toBeGreaterThan(0);
    expect(new Set((await listTemplates(prisma, shop.id, { category: "complaint" })).map((row) => row.category))).toEqual(new Set(["complaint"]));
    expect(await names({ query: "WHERE IS my" })).toContain("Where is my order?");
    expect(await names({ query: "物流" })).toContain("Where is my order?");
    expect(await names({ query: "seguimiento" })).toContain("Where is my order?");
    expect(await names({ query: "no-such-word-anywhere" })).toEqual([]);

    // The composer's search gives the variant in the customer's language (Chinese, Spanish only where it exists)
    const [hit] = await searchTemplatesForReply(prisma, shop.id, { query: "wismo", customerLanguage: "zh-TW" });
    expect(hit).toMatchObject({ name: "Where is my order?", language: "zh-CN" });
    const [english] = await searchTemplatesForReply(prisma, shop.id, { query: "wismo", customerLanguage: "en-GB" });
    expect(english?.snippet).toMatch(/^Hi \[customer\.first_name\], Thanks for checking in on order \[order\.name\]/);
    const spanish = await searchTemplatesForReply(prisma, shop.id, { query: "", customerLanguage: "es-MX", limit: 50 });
    expect(spanish.filter((row) => row.language === "es")).toHaveLength(SEEDED_TEMPLATES.filter((template) => template.variants.es).length);
  });
});

describe("seeding the library", () => {
  it("creates every library template with its variants once, and is idempotent", async () => {
    const shop = await createShop(prisma);
    expect(await seedTemplateLibrary(prisma, shop.id)).toEqual({ created: SEEDED_TEMPLATES.length });
    // A merchant edit survives a second run
    const first = await prisma.template.findFirstOrThrow({ where: { shopId: shop.id, name: SEEDED_TEMPLATES[0]!.name } });
    await prisma.template.update({ where: { id: first.id }, data: { keywords: "mine" } });
    expect(await seedTemplateLibrary(prisma, shop.id)).toEqual({ created: 0 });
    await ensureTemplateLibrary(prisma, shop.id);
    expect(await prisma.template.count({ where: { shopId: shop.id } })).toBe(SEEDED_TEMPLATES.length);
    expect((await prisma.template.findUniqueOrThrow({ where: { id: first.id } })).keywords).toBe("mine");
    const variants = SEEDED_TEMPLATES.reduce((sum, template) => sum + Object.keys(template.variants).length, 0);
    expect(await prisma.templateVariant.count({ where: { template: { shopId: shop.id } } })).toBe(variants);
    // Keyword arrays become the comma-separated column
    const stored = await prisma.template.findFirstOrThrow({ where: { shopId: shop.id, name: SEEDED_TEMPLATES[1]!.name } });
    expect(stored.keywords.split(",")).toEqual([...SEEDED_TEMPLATES[1]!.keywords]);
    // Sensitive library templates wait for a supervisor
    expect(await prisma.template.count({ where: { shopId: shop.id, sensitive: true, approvedVersion: null } })).toBe(SEEDED_TEMPLATES.filter((template) => template.sensitive).length);
  });

  it("seeds a shop on first use only, also when two first requests race", async () => {
    const shop = await createShop(prisma);
    await Promise.all([ensureTemplateLibrary(prisma, shop.id), ensureTemplateLibrary(prisma, shop.id)]);
    await ensureTemplateLibrary(prisma, shop.id);
    expect(await prisma.template.count({ where: { shopId: shop.id } })).toBe(SEEDED_TEMPLATES.length);
  });
});

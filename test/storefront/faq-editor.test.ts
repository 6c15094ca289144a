// The FAQ editor and the storefront page through the real Remix handlers with a valid session token,
// publishing to the Admin emulator over HTTP after every change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action as listAction, loader as listLoader } from "../../app/routes/app.storefront.faq._index";
import { action as editAction, loader as editLoader } from "../../app/routes/app.storefront.faq.$groupKey";
import { action as pageAction, loader as pageLoader } from "../../app/routes/app.storefront._index";
import { startAdminEmulator, type RunningAdminEmulator } from "../../dev/emulator";
import { seedFaq } from "../../prisma/seed/faq";
import { createShop, uniqueShopDomain } from "../factories";
import { adminRequest } from "../helpers/admin-request";

let emulator: RunningAdminEmulator;
beforeAll(async () => {
  emulator = await startAdminEmulator({ port: 0 });
  process.env.SHOPIFY_ADMIN_API_ORIGIN = emulator.origin;
});
afterAll(async () => {
  delete process.env.SHOPIFY_ADMIN_API_ORIGIN;
  await emulator?.close();
});

type RouteAction = (args: { request: Request; params: Record<string, string>; context: Record<string, never> }) => Promise<unknown>;

async function post(action: RouteAction, domain: string, path: string, fields: Record<string, string>, params: Record<string, string> = {}) {
  const request = await adminRequest(domain, path, { method: "POST", body: new URLSearchParams(fields) });
  const response = (await action({ request, params, context: {} })) as Response;
  return { status: response.status, body: await response.json() };
}

const question = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    category: "shipping",
    status: "published",
    translations: [
      { language: "en", question: "Do you ship to Canada?", answer: "Yes, in 5–8 business days." },
      { language: "zh-CN", question: "可以寄到加拿大吗？", answer: "可以，5–8 个工作日送达。" },
      { language: "fr", question: "", answer: "" },
    ],
    ...overrides,
  });

describe("FAQ editor", () => {
  it("creates a question in two languages, publishes it, and lists it", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("faq") });
    const created = await post(editAction, shop.domain, "/app/storefront/faq/new", { intent: "save", group: question() }, { groupKey: "new" });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ok: true, published: true, publishError: null });
    const rows = await prisma.faqEntry.findMany({ where: { shopId: shop.id }, orderBy: { language: "asc" } });
    expect(rows.map((row) => [row.language, row.status, row.groupKey])).toEqual([
      ["en", "published", created.body.groupKey],
      ["zh-CN", "published", created.body.groupKey],
    ]);
    expect(await prisma.metafieldPublication.count({ where: { shopId: shop.id, status: "published" } })).toBe(8);

    const list = await listLoader({ request: await adminRequest(shop.domain, "/app/storefront/faq?language=zh-CN"), params: {}, context: {} });
    expect(list.language).toBe("zh-CN");
    expect(list.groups).toHaveLength(1);
    const edit = await editLoader({ request: await adminRequest(shop.domain, `/app/storefront/faq/${created.body.groupKey}`), params: { groupKey: created.body.groupKey }, context: {} });
    expect(edit.group?.translations.map((translation) => translation.language)).toEqual(["en", "zh-CN"]);
  });

  it("answers 422 with field errors for a blank answer, a too-long question or no language at all", async () => {
    const shop = await createShop(prisma);
    const blankAnswer = await post(editAction, shop.domain, "/app/storefront/faq/new", { intent: "save", group: question({ translations: [{ language: "en", question: "Q?", answer: "" }] }) }, { groupKey: "new" });
    expect(blankAnswer).toMatchObject({ status: 422, body: { ok: false, errors: { "translations.0.answer": "required" } } });
    const tooLong = await post(editAction, shop.domain, "/app/storefront/faq/new", { intent: "save", group: question({ translations: [{ language: "en", question: "Q".repeat(301), answer: "A" }] }) }, { groupKey: "new" });
    expect(tooLong.status).toBe(422);
    const none = await post(editAction, shop.domain, "/app/storefront/faq/new", { intent: "save", group: question({ translations: [] }) }, { groupKey: "new" });
    expect(none.body.errors).toMatchObject({ translations: "required" });
    const badLanguage = await post(editAction, shop.domain, "/app/storefront/faq/new", { intent: "save", group: question({ translations: [{ language: "xx", question: "Q", answer: "A" }] }) }, { groupKey: "new" });
    expect(badLanguage.status).toBe(422);
    expect(await prisma.faqEntry.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("reorders within a category, unpublishes, deletes, and never touches another shop's questions", async () => {
    const shop = await createShop(prisma);
    await seedFaq(prisma, shop.id);
    const shipping = async () => (await prisma.faqEntry.findMany({ where: { shopId: shop.id, language: "en", category: "shipping" }, orderBy: { position: "asc" } })).map((row) => row.groupKey);
    expect(await shipping()).toEqual(["shipping-times", "tracking", "tracking-stuck"]);
    expect((await post(listAction, shop.domain, "/app/storefront/faq", { intent: "move", groupKey: "tracking-stuck", direction: "up" })).status).toBe(200);
    expect(await shipping()).toEqual(["shipping-times", "tracking-stuck", "tracking"]);

    await post(listAction, shop.domain, "/app/storefront/faq", { intent: "status", groupKey: "sizing", status: "draft" });
    expect(await prisma.faqEntry.findMany({ where: { shopId: shop.id, groupKey: "sizing" }, select: { status: true } })).toEqual([{ status: "draft" }, { status: "draft" }]);

    const other = await createShop(prisma);
    expect((await post(listAction, other.domain, "/app/storefront/faq", { intent: "delete", groupKey: "payment" })).status).toBe(404);
    const foreignEdit = await post(editAction, other.domain, "/app/storefront/faq/payment", { intent: "save", group: question() }, { groupKey: "payment" });
    expect(foreignEdit.status).toBe(404);
    expect(await prisma.faqEntry.count({ where: { shopId: shop.id, groupKey: "payment" } })).toBe(2);

    expect((await post(listAction, shop.domain, "/app/storefront/faq", { intent: "delete", groupKey: "payment" })).status).toBe(200);
    expect(await prisma.faqEntry.count({ where: { shopId: shop.id, groupKey: "payment" } })).toBe(0);
    expect((await post(listAction, shop.domain, "/app/storefront/faq", { intent: "nonsense" })).status).toBe(400);
  });
});

describe("storefront page", () => {
  it("shows publish status and an honest 'unknown' for the theme, and saves widget settings without losing others", async () => {
    const shop = await createShop(prisma);
    await prisma.shop.update({ where: { id: shop.id }, data: { settings: { lowStockThreshold: 9 } } });
    const before = await pageLoader({ request: await adminRequest(shop.domain, "/app/storefront"), params: {}, context: {} });
    expect(before.publications).toEqual([]);
    expect(before.theme).toMatchObject({ blocksPlaced: "unknown", embedEnabled: "unknown" });
    expect(before.theme.links.enableBadge).toContain("activateAppId=");

    const invalid = await post(pageAction, shop.domain, "/app/storefront", { intent: "settings", contactPageUrl: "javascript:alert(1)", faqPageUrl: "/pages/faq", replyPromiseMinutes: "" });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.errors)).toEqual(["contactPageUrl"]);

    const saved = await post(pageAction, shop.domain, "/app/storefront", { intent: "settings", contactPageUrl: "/pages/help", faqPageUrl: "/pages/faq", replyPromiseMinutes: "90" });
    expect(saved).toMatchObject({ status: 200, body: { ok: true } });
    const settings = (await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } })).settings as Record<string, unknown>;
    expect(settings).toMatchObject({ lowStockThreshold: 9, storefront: { contactPageUrl: "/pages/help", replyPromiseMinutes: 90 } });

    const after = await pageLoader({ request: await adminRequest(shop.domain, "/app/storefront"), params: {}, context: {} });
    expect(after.publications.map((row) => row.key)).toContain("hours");

    emulator.setMode({ failNext: 5, status: 503 });
    const failed = await post(pageAction, shop.domain, "/app/storefront", { intent: "publish" });
    expect(failed.body).toMatchObject({ ok: false });
    emulator.handler.reset();
  });
});

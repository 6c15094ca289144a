// Publishing to app-data metafields against the Admin emulator over HTTP: what is written, the size
// guard (trim with a warning), the record the admin page reads, and a failed publish.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { startAdminEmulator, type RunningAdminEmulator } from "../../dev/emulator";
import { createAdminClient } from "../../app/shopify/admin-client.server";
import { AppMetafieldsQuery } from "../../app/shopify/queries";
import { publishStorefrontData, publicationStatus } from "../../app/services/storefront/publish-metafields.server";
import { seedFaq } from "../../prisma/seed/faq";
import { createShop } from "../factories";

const TOKEN = "shpat_publish_test";
let emulator: RunningAdminEmulator;
beforeAll(async () => {
  emulator = await startAdminEmulator({ port: 0, accessToken: TOKEN });
});
afterAll(async () => emulator?.close());
beforeEach(() => emulator.handler.reset());

const admin = () => createAdminClient({ shop: "publish.myshopify.com", accessToken: TOKEN, origin: emulator.origin, sleep: async () => {}, maxRetries: 0 });

async function published(): Promise<Record<string, unknown>> {
  const { data } = await admin().request(AppMetafieldsQuery, { namespace: "shopdesk", first: 25 });
  return Object.fromEntries(data.currentAppInstallation.metafields.nodes.map((node) => [node.key, JSON.parse(node.value)]));
}

describe("publishStorefrontData", () => {
  it("writes hours, settings and one FAQ per language, and records each key", async () => {
    const shop = await createShop(prisma);
    await prisma.businessSchedule.create({ data: { shopId: shop.id, name: "Support", timezone: "Europe/Berlin", intervals: [{ weekday: 1, start: "09:00", end: "17:00" }] } });
    await prisma.holiday.create({ data: { shopId: shop.id, date: "2026-12-25", name: "Christmas Day", intervals: undefined } });
    await prisma.slaPolicy.create({ data: { shopId: shop.id, name: "Default", firstResponseMinutes: 240 } });
    await seedFaq(prisma, shop.id);
    await prisma.faqEntry.create({ data: { shopId: shop.id, groupKey: "draft-only", category: "general", language: "en", question: "Draft?", answer: "Not yet", status: "draft" } });

    const result = await publishStorefrontData(prisma, admin(), shop.id, { now: new Date("2026-11-23T10:00:00Z") });
    expect(result.ok).toBe(true);
    const values = await published();
    expect(Object.keys(values).sort()).toEqual(["faq_de", "faq_en", "faq_es", "faq_fr", "faq_ja", "faq_zh-CN", "hours", "settings"]);
    expect(values.hours).toMatchObject({ timezone: "Europe/Berlin", reply_minutes: 240, days: expect.arrayContaining([{ day: 1, ranges: [["09:00", "17:00"]] }]), holidays: [{ date: "2026-12-25", name: "Christmas Day", ranges: [] }] });
    expect(values.faq_en).toMatchObject({ language: "en", count: 10 });
    expect(values["faq_zh-CN"]).toMatchObject({ count: 10 });
    expect(values.faq_fr).toMatchObject({ count: 0 });
    expect(JSON.stringify(values.faq_en)).not.toContain("Draft?");
    expect(values.settings).toMatchObject({ contact_endpoint: "/apps/shopdesk/contact", faq_languages: ["en", "zh-CN"] });
    const rows = await publicationStatus(prisma, shop.id);
    expect(rows).toHaveLength(8);
    expect(rows.every((row) => row.status === "published" && row.error === null && row.bytes > 0)).toBe(true);
  });

  it("trims a FAQ over the size limit from the end and says so", async () => {
    const shop = await createShop(prisma);
    const answer = "A long answer. ".repeat(400); // ~6 KB each, ~12 KB with its JSON-LD copy
    await prisma.faqEntry.createMany({
      data: Array.from({ length: 20 }, (_, index) => ({ shopId: shop.id, groupKey: `g${index}`, category: "general", language: "en", question: `Question ${index}?`, answer, position: index, status: "published" })),
    });
    const result = await publishStorefrontData(prisma, admin(), shop.id);
    expect(result.ok).toBe(true);
    const faq = result.publications.find((publication) => publication.key === "faq_en")!;
    expect(faq.status).toBe("trimmed");
    expect(faq.warning).toMatch(/^\d+ en question\(s\) were left out/);
    expect(faq.bytes).toBeLessThanOrEqual(120 * 1024);
    const values = await published();
    const count = (values.faq_en as { count: number }).count;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(20);
    expect((values.faq_en as { categories: { items: { q: string }[] }[] }).categories[0]!.items[0]!.q).toBe("Question 0?");
  });

  it("records a failure when the Admin API is down, and leaves the last published data", async () => {
    const shop = await createShop(prisma);
    emulator.setMode({ failNext: 10, status: 503 });
    const result = await publishStorefrontData(prisma, admin(), shop.id);
    expect(result.ok).toBe(false);
    const rows = await publicationStatus(prisma, shop.id);
    expect(rows.every((row) => row.status === "failed" && row.error)).toBe(true);
  });
});

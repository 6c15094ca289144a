// The survey settings tab through the real route: saved when valid, field errors (422) when not.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { parseShopSettings } from "../../app/domain/shop-settings";
import { action, loader } from "../../app/routes/app.settings.surveys";
import { adminRequest } from "../helpers/admin-request";
import { createShop } from "../factories";

async function post(domain: string, body: unknown): Promise<Response> {
  const request = await adminRequest(domain, "/app/settings/surveys", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return (await action({ request, params: {}, context: {} })) as Response;
}

describe("/app/settings/surveys", () => {
  it("shows the defaults and saves new settings, keeping the other settings", async () => {
    const shop = await createShop(prisma);
    await prisma.shop.update({ where: { id: shop.id }, data: { settings: { lowStockThreshold: 9 } } });
    const loaded = await loader({ request: await adminRequest(shop.domain, "/app/settings/surveys"), params: {}, context: {} });
    expect(loaded).toEqual({ surveys: { csatEnabled: true, csatDelayHours: 24, npsEnabled: false } });

    const saved = await post(shop.domain, { intent: "surveys", surveys: { csatEnabled: true, csatDelayHours: "48", npsEnabled: true } });
    expect(saved.status).toBe(200);
    const settings = parseShopSettings((await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } })).settings);
    expect(settings.surveys).toEqual({ csatEnabled: true, csatDelayHours: 48, npsEnabled: true });
    expect(settings.lowStockThreshold).toBe(9);
  });

  it("answers 422 with the field in error and stores nothing", async () => {
    const shop = await createShop(prisma);
    const invalid = await post(shop.domain, { intent: "surveys", surveys: { csatEnabled: true, csatDelayHours: "soon", npsEnabled: false } });
    expect(invalid.status).toBe(422);
    expect(Object.keys((await invalid.json()).errors)).toEqual(["csatDelayHours"]);
    const tooLate = await post(shop.domain, { intent: "surveys", surveys: { csatEnabled: true, csatDelayHours: 999, npsEnabled: false } });
    expect(tooLate.status).toBe(422);
    expect((await prisma.shop.findUniqueOrThrow({ where: { id: shop.id } })).settings).toBeNull();
    const unknown = await post(shop.domain, { intent: "other" });
    expect(unknown.status).toBe(400);
  });
});

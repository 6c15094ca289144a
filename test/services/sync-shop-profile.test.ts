import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { syncShopProfile } from "../../app/services/sync-shop-profile.server";
import { afterShopAuth } from "../../app/services/after-auth.server";
import { startAdminEmulator, type RunningAdminEmulator } from "../../dev/emulator";
import { buildFixtureShop } from "../../dev/fixtures";
import { uniqueShopDomain } from "../factories";

let emulator: RunningAdminEmulator;
beforeAll(async () => {
  emulator = await startAdminEmulator({ port: 0, shop: buildFixtureShop(), accessToken: "shpat_test" });
});
afterAll(async () => emulator?.close());

describe("syncShopProfile (after auth)", () => {
  it("stores the shop's name, timezone and currency read from the Admin API over HTTP", async () => {
    const domain = uniqueShopDomain("profile");
    const shop = await syncShopProfile(prisma, { shop: domain, accessToken: "shpat_test" }, { origin: emulator.origin });
    expect(shop).toMatchObject({ domain, name: "Shopdesk Demo Supply", ianaTimezone: "America/New_York", currencyCode: "USD" });
  });

  it("still records the installation when the Admin API fails", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const domain = uniqueShopDomain("profile-fail");
    const shop = await syncShopProfile(prisma, { shop: domain, accessToken: "wrong-token" }, { origin: emulator.origin });
    expect(shop.domain).toBe(domain);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("could not read the shop profile"));
  });

  it("gives a new shop the seeded template library once, keeping an existing one", async () => {
    const domain = uniqueShopDomain("after-auth");
    const shop = await afterShopAuth(prisma, { shop: domain, accessToken: "shpat_test" }, { origin: emulator.origin });
    const seeded = await prisma.template.count({ where: { shopId: shop.id } });
    expect(seeded).toBeGreaterThanOrEqual(24);
    await afterShopAuth(prisma, { shop: domain, accessToken: "shpat_test" }, { origin: emulator.origin });
    expect(await prisma.template.count({ where: { shopId: shop.id } })).toBe(seeded);
  });
});

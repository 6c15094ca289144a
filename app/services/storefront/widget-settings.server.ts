// Saves the storefront widget settings into Shop.settings.storefront (other settings untouched) and
// publishes, since the widget reads them from app-data metafields.
import type { Prisma, PrismaClient } from "@prisma/client";
import { parseShopSettings } from "../../domain/shop-settings";
import { storefrontWidgetSettingsSchema } from "../../domain/storefront/widget-settings";
import type { AdminClient } from "../../shopify/admin-client.server";
import { publishStorefrontData, type PublishResult } from "./publish-metafields.server";

export type WidgetSettingsResult = { ok: true; publish: PublishResult } | { ok: false; errors: Record<string, string> };

export function widgetSettingsFromForm(form: FormData): unknown {
  const reply = String(form.get("replyPromiseMinutes") ?? "").trim();
  return {
    contactPageUrl: String(form.get("contactPageUrl") ?? "").trim(),
    faqPageUrl: String(form.get("faqPageUrl") ?? "").trim(),
    replyPromiseMinutes: reply === "" ? null : Number(reply),
  };
}

export async function saveWidgetSettings(db: PrismaClient, admin: AdminClient, shopId: string, raw: unknown): Promise<WidgetSettingsResult> {
  const parsed = storefrontWidgetSettingsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])) };
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
  const current = shop.settings && typeof shop.settings === "object" && !Array.isArray(shop.settings) ? (shop.settings as Prisma.JsonObject) : {};
  await db.shop.update({ where: { id: shopId }, data: { settings: { ...current, storefront: parsed.data } } });
  return { ok: true, publish: await publishStorefrontData(db, admin, shopId) };
}

export function currentWidgetSettings(settings: unknown) {
  return parseShopSettings(settings).storefront;
}

// The shop's survey settings (Shop.settings.surveys): read with defaults, saved after validation.
import type { Prisma, PrismaClient } from "@prisma/client";
import { parseShopSettings } from "../../domain/shop-settings";
import { surveySettingsSchema, type SurveySettings } from "../../domain/surveys";

export async function loadSurveySettings(db: PrismaClient, shopId: string): Promise<SurveySettings> {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
  return parseShopSettings(shop.settings).surveys;
}

export async function saveSurveySettings(db: PrismaClient, shopId: string, value: unknown): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const parsed = surveySettingsSchema.removeDefault().strict().safeParse(value);
  if (!parsed.success) {
    return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join(".") || "form", issue.message])) };
  }
  await db.$transaction(async (tx) => {
    const shop = await tx.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
    const stored = shop.settings && typeof shop.settings === "object" && !Array.isArray(shop.settings) ? (shop.settings as Prisma.JsonObject) : {};
    await tx.shop.update({ where: { id: shopId }, data: { settings: { ...stored, surveys: parsed.data } } });
  });
  return { ok: true };
}

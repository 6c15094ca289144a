// Publishes what the storefront widget renders (hours, holidays, reply promise, FAQ per language,
// widget settings) as app-data metafields on the current app installation, in one atomic
// metafieldsSet call, and records each key's outcome in MetafieldPublication for the admin page.
// Call publishStorefrontData() after any change to hours, holidays, the FAQ or the widget settings.
import type { PrismaClient } from "@prisma/client";
import { scheduleForChannel } from "../../domain/business-hours";
import { parseShopSettings } from "../../domain/shop-settings";
import {
  buildFaqPayload,
  buildHoursPayload,
  buildSettingsPayload,
  byteLength,
  faqKey,
  HOURS_KEY,
  JSON_METAFIELD_LIMIT_BYTES,
  SETTINGS_KEY,
  STOREFRONT_LANGUAGES,
  STOREFRONT_NAMESPACE,
} from "../../domain/storefront/storefront-data";
import { aroundTheClock, loadShopSchedules } from "../../jobs/definitions/business-schedules.server";
import { ensureDefaultSlaPolicies } from "../sla.server";
import type { AdminClient } from "../../shopify/admin-client.server";
import { CurrentAppInstallationQuery, MetafieldsSetMutation, METAFIELDS_SET_LIMIT } from "../../shopify/queries";

export interface KeyPublication {
  key: string;
  status: "published" | "trimmed" | "failed";
  bytes: number;
  warning: string | null;
  error: string | null;
}

export interface PublishResult {
  ok: boolean;
  publications: KeyPublication[];
}

interface PreparedMetafield {
  key: string;
  value: string;
  bytes: number;
  warning: string | null;
}

const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** The contact form's first-response target: the widget setting, else the first policy that applies to every contact-form message. */
export async function replyPromiseMinutes(db: PrismaClient, shopId: string, configured: number | null): Promise<number | null> {
  if (configured !== null) return configured > 0 ? configured : null;
  await ensureDefaultSlaPolicies(db, shopId); // the same defaults intake would apply to the first message
  const policies = await db.slaPolicy.findMany({ where: { shopId, enabled: true }, orderBy: { position: "asc" } });
  const general = policies.find(
    (policy) =>
      (policy.matchChannel === null || policy.matchChannel === "contact_form") &&
      !policy.matchPriority && !policy.matchSeverity && !policy.matchCategory && !policy.matchSegment,
  );
  return general?.firstResponseMinutes ?? null;
}

/** Every metafield value the storefront needs, each within Shopify's json size cap. */
export async function prepareStorefrontMetafields(db: PrismaClient, shopId: string, now = new Date()): Promise<PreparedMetafield[]> {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId } });
  const settings = parseShopSettings(shop.settings).storefront;
  const schedules = await loadShopSchedules(db, shopId, quietLogger);
  const schedule = scheduleForChannel(schedules, "contact_form")?.schedule ?? aroundTheClock(shop.ianaTimezone);
  const hours = buildHoursPayload(schedule, await replyPromiseMinutes(db, shopId, settings.replyPromiseMinutes), now);

  const entries = await db.faqEntry.findMany({
    where: { shopId, status: "published" },
    orderBy: [{ category: "asc" }, { position: "asc" }],
    select: { language: true, category: true, question: true, answer: true, position: true },
  });
  const prepared: PreparedMetafield[] = [];
  const faqLanguages: string[] = [];
  // Every storefront language is written, empty ones too, so a removed FAQ does not linger.
  for (const language of STOREFRONT_LANGUAGES) {
    const { payload, bytes, trimmed } = buildFaqPayload(language, entries.filter((entry) => entry.language === language));
    if (payload.count > 0) faqLanguages.push(language);
    prepared.push({
      key: faqKey(language),
      value: JSON.stringify(payload),
      bytes,
      warning:
        trimmed > 0
          ? `${trimmed} ${language} question(s) were left out: the ${language} FAQ is larger than Shopify allows in one metafield (128 KB). Shorten answers or unpublish questions.`
          : null,
    });
  }
  const settingsPayload = buildSettingsPayload({
    contactPageUrl: settings.contactPageUrl,
    faqPageUrl: settings.faqPageUrl,
    defaultLanguage: (STOREFRONT_LANGUAGES as readonly string[]).includes(shop.locale) ? shop.locale : "en",
    faqLanguages,
    shopName: shop.name,
  });
  prepared.unshift(
    { key: HOURS_KEY, value: JSON.stringify(hours), bytes: byteLength(hours), warning: null },
    { key: SETTINGS_KEY, value: JSON.stringify(settingsPayload), bytes: byteLength(settingsPayload), warning: null },
  );
  for (const item of prepared) {
    if (item.bytes > JSON_METAFIELD_LIMIT_BYTES) throw new Error(`metafield ${item.key} is ${item.bytes} bytes, over Shopify's json limit`);
  }
  return prepared;
}

async function record(db: PrismaClient, shopId: string, publications: KeyPublication[], now: Date): Promise<void> {
  for (const publication of publications) {
    const data = { status: publication.status, bytes: publication.bytes, warning: publication.warning, error: publication.error, publishedAt: now };
    await db.metafieldPublication.upsert({ where: { shopId_key: { shopId, key: publication.key } }, create: { shopId, key: publication.key, ...data }, update: data });
  }
}

export async function publishStorefrontData(db: PrismaClient, admin: AdminClient, shopId: string, options: { now?: Date } = {}): Promise<PublishResult> {
  const now = options.now ?? new Date();
  const prepared = await prepareStorefrontMetafields(db, shopId, now);
  let failure: string | null = null;
  try {
    const { data: installation } = await admin.request(CurrentAppInstallationQuery);
    const ownerId = installation.currentAppInstallation.id;
    for (let start = 0; start < prepared.length && !failure; start += METAFIELDS_SET_LIMIT) {
      const batch = prepared.slice(start, start + METAFIELDS_SET_LIMIT);
      const { data } = await admin.request(MetafieldsSetMutation, {
        metafields: batch.map((item) => ({ ownerId, namespace: STOREFRONT_NAMESPACE, key: item.key, type: "json", value: item.value })),
      });
      const userErrors = data.metafieldsSet?.userErrors ?? [];
      if (userErrors.length > 0) failure = userErrors.map((error) => `${error.field?.join(".") ?? ""}: ${error.message}`).join("; ");
    }
  } catch (error) {
    failure = (error as Error).message;
  }
  const publications: KeyPublication[] = prepared.map((item) => ({
    key: item.key,
    status: failure ? "failed" : item.warning ? "trimmed" : "published",
    bytes: item.bytes,
    warning: item.warning,
    error: failure,
  }));
  await record(db, shopId, publications, now);
  return { ok: !failure, publications };
}

export async function publicationStatus(db: PrismaClient, shopId: string) {
  return db.metafieldPublication.findMany({ where: { shopId }, orderBy: { key: "asc" } });
}

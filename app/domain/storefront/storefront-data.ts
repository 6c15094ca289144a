// What the storefront reads: the app-data metafields the theme app extension renders from
// (app.metafields.shopdesk.<key>.value). Pure: rows in, JSON payloads out, sizes measured here so the
// publisher can split per language and trim with a warning before Shopify's 128 KB json cap.
import type { BusinessSchedule } from "../business-hours";

export const STOREFRONT_NAMESPACE = "shopdesk";
export const STOREFRONT_LANGUAGES = ["en", "zh-CN", "es", "fr", "de", "ja"] as const;
export type StorefrontLanguage = (typeof STOREFRONT_LANGUAGES)[number];
export const FAQ_CATEGORIES = ["products", "shipping", "international", "orders_returns", "general"] as const;
export type FaqCategory = (typeof FAQ_CATEGORIES)[number];
export const FAQ_STATUSES = ["draft", "published"] as const;
export const FAQ_QUESTION_MAX = 300;
export const FAQ_ANSWER_MAX = 5000;
/** Shopify caps json metafields at 128 KB (API 2026-04+); keep a margin for encoding differences. */
export const JSON_METAFIELD_LIMIT_BYTES = 128 * 1024;
export const PUBLISH_BUDGET_BYTES = 120 * 1024;
/** Storefront path of the app proxy ([app_proxy] prefix + subpath in shopify.app.toml). */
export const APP_PROXY_PATH = "/apps/shopdesk";
const MAX_PUBLISHED_HOLIDAYS = 20;

export const HOURS_KEY = "hours";
export const SETTINGS_KEY = "settings";
export function faqKey(language: string): string {
  return `faq_${language}`;
}

export function isStorefrontLanguage(value: string | null | undefined): value is StorefrontLanguage {
  return (STOREFRONT_LANGUAGES as readonly string[]).includes(value ?? "");
}

/** Maps a storefront or Accept-Language tag (zh-Hans-CN, fr-CA, ja-JP…) to a supported language. */
export function resolveStorefrontLanguage(...candidates: (string | null | undefined)[]): StorefrontLanguage {
  for (const candidate of candidates) {
    for (const tag of (candidate ?? "").split(",")) {
      const value = tag.split(";")[0]!.trim().toLowerCase();
      if (!value) continue;
      if (value === "zh" || value === "zh-cn" || value.startsWith("zh-hans") || value === "zh-sg") return "zh-CN";
      const base = value.split("-")[0]!;
      const match = STOREFRONT_LANGUAGES.find((language) => language.toLowerCase() === base);
      if (match && base !== "zh") return match;
    }
  }
  return "en";
}

export interface PublishedDay {
  day: number; // ISO weekday, 1 = Monday
  ranges: [string, string][]; // shop-local "HH:MM"; end <= start runs past midnight
}
export interface PublishedHoliday {
  date: string; // YYYY-MM-DD in the shop's zone
  name: string;
  ranges: [string, string][]; // empty = closed all day
}
export interface PublishedHours {
  v: 1;
  timezone: string;
  days: PublishedDay[];
  holidays: PublishedHoliday[];
  /** Business minutes to a first reply on the contact form; null = no promise shown. */
  reply_minutes: number | null;
}

/** Seven days, Monday first, each with its ranges in start order; holidays from yesterday on, soonest first. */
export function buildHoursPayload(schedule: BusinessSchedule, replyMinutes: number | null, now: Date): PublishedHours {
  const days: PublishedDay[] = [1, 2, 3, 4, 5, 6, 7].map((day) => ({
    day,
    ranges: schedule.intervals
      .filter((interval) => interval.weekday === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((interval) => [interval.start, interval.end] as [string, string]),
  }));
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const holidays = schedule.holidays
    .filter((holiday) => holiday.date >= yesterday)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, MAX_PUBLISHED_HOLIDAYS)
    .map((holiday) => ({
      date: holiday.date,
      name: holiday.name,
      ranges: (holiday.intervals ?? []).map((interval) => [interval.start, interval.end] as [string, string]),
    }));
  return { v: 1, timezone: schedule.timezone, days, holidays, reply_minutes: replyMinutes };
}

export interface FaqSourceEntry {
  category: string;
  question: string;
  answer: string;
  position: number;
}
export interface PublishedFaqItem {
  q: string;
  a: string;
}
export interface PublishedFaq {
  v: 1;
  language: string;
  count: number;
  categories: { key: FaqCategory; items: PublishedFaqItem[] }[];
  /** FAQPage JSON-LD, serialised here with <, >, & escaped so Liquid can print it raw inside <script>. */
  json_ld: string;
}

/** JSON that is safe to print raw inside <script> (no "</script>", no HTML entities, no line separators). */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function byteLength(value: unknown): number {
  return new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value)).length;
}

function faqPayload(language: string, items: (PublishedFaqItem & { category: FaqCategory })[]): PublishedFaq {
  const categories = FAQ_CATEGORIES.map((key) => ({ key, items: items.filter((item) => item.category === key).map(({ q, a }) => ({ q, a })) })).filter(
    (category) => category.items.length > 0,
  );
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    mainEntity: items.map((item) => ({ "@type": "Question", name: item.q, acceptedAnswer: { "@type": "Answer", text: item.a } })),
  };
  return { v: 1, language, count: items.length, categories, json_ld: items.length > 0 ? scriptSafeJson(jsonLd) : "" };
}

export interface FaqBuildResult {
  payload: PublishedFaq;
  bytes: number;
  /** Entries left out to stay under the size budget (the last ones in category/position order). */
  trimmed: number;
}

/** One language's published FAQ, in category then position order, trimmed from the end to fit `budgetBytes`. */
export function buildFaqPayload(language: string, entries: readonly FaqSourceEntry[], budgetBytes = PUBLISH_BUDGET_BYTES): FaqBuildResult {
  const ordered = entries
    .filter((entry): entry is FaqSourceEntry & { category: FaqCategory } => (FAQ_CATEGORIES as readonly string[]).includes(entry.category))
    .sort((a, b) => FAQ_CATEGORIES.indexOf(a.category) - FAQ_CATEGORIES.indexOf(b.category) || a.position - b.position)
    .map((entry) => ({ category: entry.category, q: entry.question.trim(), a: entry.answer.trim() }));
  let keep = ordered.length;
  let payload = faqPayload(language, ordered);
  let bytes = byteLength(payload);
  if (bytes > budgetBytes) {
    // Binary search for the longest prefix that fits: payload size grows with the prefix.
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (byteLength(faqPayload(language, ordered.slice(0, middle))) <= budgetBytes) low = middle;
      else high = middle - 1;
    }
    keep = low;
    payload = faqPayload(language, ordered.slice(0, keep));
    bytes = byteLength(payload);
  }
  return { payload, bytes, trimmed: ordered.length - keep };
}

export interface PublishedSettings {
  v: 1;
  /** Storefront path the contact form posts to (the app proxy). */
  contact_endpoint: string;
  contact_page_url: string;
  faq_page_url: string;
  default_language: string;
  /** Languages with a published FAQ. */
  faq_languages: string[];
  shop_name: string;
}

export function buildSettingsPayload(input: {
  contactPageUrl: string;
  faqPageUrl: string;
  defaultLanguage: string;
  faqLanguages: string[];
  shopName: string;
}): PublishedSettings {
  return {
    v: 1,
    contact_endpoint: `${APP_PROXY_PATH}/contact`,
    contact_page_url: input.contactPageUrl,
    faq_page_url: input.faqPageUrl,
    default_language: input.defaultLanguage,
    faq_languages: input.faqLanguages,
    shop_name: input.shopName,
  };
}

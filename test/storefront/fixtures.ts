// Fixture metafields for render tests: what publishing writes for a shop open Monday to Friday.
import { buildFaqPayload, buildHoursPayload, buildSettingsPayload, faqKey, HOURS_KEY, SETTINGS_KEY } from "../../app/domain/storefront/storefront-data";
import type { BusinessSchedule } from "../../app/domain/business-hours";

export const FIXTURE_TIMEZONE = "Europe/Berlin";
/** Monday 2026-11-23 10:00 Berlin: open. */
export const OPEN_INSTANT = new Date("2026-11-23T09:00:00Z");
/** Monday 2026-11-23 20:00 Berlin: closed. */
export const CLOSED_INSTANT = new Date("2026-11-23T19:00:00Z");
/** Friday 2026-12-25 10:00 Berlin: a holiday. */
export const HOLIDAY_INSTANT = new Date("2026-12-25T09:00:00Z");

export const FIXTURE_SCHEDULE: BusinessSchedule = {
  timezone: FIXTURE_TIMEZONE,
  intervals: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: "09:00", end: "12:30" },
    { weekday, start: "13:30", end: "18:00" },
  ]),
  holidays: [{ date: "2026-12-25", name: "Christmas Day", intervals: null }],
};

export function fixtureFaqEntries(count: number, language = "en") {
  const categories = ["products", "shipping", "international", "orders_returns", "general"];
  return Array.from({ length: count }, (_, index) => ({
    category: categories[index % categories.length]!,
    question: `${language} question ${index + 1} about ${categories[index % categories.length]}?`,
    answer: `${language} answer ${index + 1}.\nSecond line.`,
    position: index,
  }));
}

export function fixtureMetafields(options: { faqCount?: number; language?: string; now?: Date } = {}): Record<string, unknown> {
  const language = options.language ?? "en";
  const faq = buildFaqPayload(language, fixtureFaqEntries(options.faqCount ?? 6, language));
  return {
    [HOURS_KEY]: buildHoursPayload(FIXTURE_SCHEDULE, 240, options.now ?? OPEN_INSTANT),
    [SETTINGS_KEY]: buildSettingsPayload({ contactPageUrl: "/pages/contact", faqPageUrl: "/pages/faq", defaultLanguage: "en", faqLanguages: [language], shopName: "Fixture shop" }),
    [faqKey(language)]: faq.payload,
  };
}

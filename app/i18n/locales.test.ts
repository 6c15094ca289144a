import { describe, expect, it } from "vitest";
import { createI18n, resolveAdminLocale, SUPPORTED_LOCALES } from "./locales";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key));
}

describe("admin UI languages", () => {
  it("follows the Shopify admin locale", () => {
    expect(resolveAdminLocale("zh-CN")).toBe("zh-CN");
    expect(resolveAdminLocale("zh-Hans-CN")).toBe("zh-CN");
    expect(resolveAdminLocale("en-GB")).toBe("en");
    expect(resolveAdminLocale(null)).toBe("en");
  });

  it("has every English string in Simplified Chinese too", () => {
    const [en, zh] = SUPPORTED_LOCALES.map((locale) => createI18n(locale).getResourceBundle(locale, "translation"));
    expect(keysOf(en).length).toBeGreaterThan(20);
    expect(keysOf(zh).sort()).toEqual(keysOf(en).sort());
  });

  it("interpolates", () => {
    expect(createI18n("zh-CN").t("inbox.counts", { open: 3, pending: 1, snoozed: 0 })).toBe("3 个处理中 · 1 个等待中 · 0 个已暂停");
  });
});

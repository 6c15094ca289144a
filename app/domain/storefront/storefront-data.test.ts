import { describe, expect, it } from "vitest";
import { buildFaqPayload, buildHoursPayload, byteLength, resolveStorefrontLanguage, scriptSafeJson } from "./storefront-data";

describe("resolveStorefrontLanguage", () => {
  it("maps storefront and Accept-Language tags to the six storefront languages", () => {
    expect(resolveStorefrontLanguage("zh-Hans-CN")).toBe("zh-CN");
    expect(resolveStorefrontLanguage("zh-TW")).toBe("en"); // Traditional Chinese is not offered
    expect(resolveStorefrontLanguage("", "fr-CA,fr;q=0.9")).toBe("fr");
    expect(resolveStorefrontLanguage("ja-JP")).toBe("ja");
    expect(resolveStorefrontLanguage(null, "pt-BR,de;q=0.5")).toBe("de");
    expect(resolveStorefrontLanguage(undefined, undefined)).toBe("en");
  });
});

describe("scriptSafeJson", () => {
  it("cannot close a script element or start an HTML entity, and parses back to the same value", () => {
    const value = { text: "</script><script>alert(1)</script> & \u2028" };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("buildFaqPayload", () => {
  const entry = (index: number, category = "general") => ({ category, question: `Q${index}?`, answer: "A".repeat(1000), position: index });

  it("orders by category then position and skips unknown categories", () => {
    const { payload } = buildFaqPayload("en", [entry(2, "general"), entry(1, "shipping"), entry(0, "general"), entry(9, "secret")]);
    expect(payload.categories.map((category) => [category.key, category.items.map((item) => item.q)])).toEqual([
      ["shipping", ["Q1?"]],
      ["general", ["Q0?", "Q2?"]],
    ]);
    expect(payload.count).toBe(3);
  });

  it("trims from the end to fit the byte budget and reports how many were left out", () => {
    const entries = Array.from({ length: 50 }, (_, index) => entry(index));
    const result = buildFaqPayload("en", entries, 20_000);
    expect(result.bytes).toBeLessThanOrEqual(20_000);
    expect(result.bytes).toBe(byteLength(result.payload));
    expect(result.trimmed).toBe(50 - result.payload.count);
    expect(result.payload.count).toBeGreaterThan(5);
    // The longest prefix that fits: one more would not.
    expect(byteLength(buildFaqPayload("en", entries.slice(0, result.payload.count + 1), Infinity).payload)).toBeGreaterThan(20_000);
  });
});

describe("buildHoursPayload", () => {
  it("lists seven days Monday first and only holidays from yesterday on", () => {
    const hours = buildHoursPayload(
      { timezone: "Asia/Shanghai", intervals: [{ weekday: 2, start: "13:00", end: "18:00" }, { weekday: 2, start: "09:00", end: "12:00" }], holidays: [{ date: "2026-01-01", name: "Old", intervals: null }, { date: "2026-12-31", name: "Eve", intervals: [{ start: "09:00", end: "12:00" }] }] },
      120,
      new Date("2026-11-23T00:00:00Z"),
    );
    expect(hours.days).toHaveLength(7);
    expect(hours.days[1]).toEqual({ day: 2, ranges: [["09:00", "12:00"], ["13:00", "18:00"]] });
    expect(hours.holidays).toEqual([{ date: "2026-12-31", name: "Eve", ranges: [["09:00", "12:00"]] }]);
    expect(hours.reply_minutes).toBe(120);
  });
});

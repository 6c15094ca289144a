import { describe, expect, it } from "vitest";
import { chooseVariant, chooseVariantLanguage, normalizeLanguageTag } from "./language";

const LIBRARY = ["en", "zh-CN", "es"];

describe("normalizeLanguageTag", () => {
  it("canonicalizes case and underscores and rejects non-tags", () => {
    expect(normalizeLanguageTag("zh_cn")).toBe("zh-CN");
    expect(normalizeLanguageTag(" ES-mx ")).toBe("es-MX");
    expect(normalizeLanguageTag("not a language!")).toBeNull();
    expect(normalizeLanguageTag("")).toBeNull();
    expect(normalizeLanguageTag(null)).toBeNull();
  });
});

describe("chooseVariantLanguage", () => {
  it("uses the exact language when the template has it", () => {
    expect(chooseVariantLanguage(LIBRARY, "zh-CN")).toBe("zh-CN");
    expect(chooseVariantLanguage(LIBRARY, "zh_CN")).toBe("zh-CN");
    expect(chooseVariantLanguage(["en", "es", "es-MX"], "es-MX")).toBe("es-MX");
  });

  it("falls back to the same language in another region", () => {
    expect(chooseVariantLanguage(LIBRARY, "zh")).toBe("zh-CN");
    expect(chooseVariantLanguage(LIBRARY, "zh-TW")).toBe("zh-CN");
    expect(chooseVariantLanguage(LIBRARY, "es-MX")).toBe("es");
    expect(chooseVariantLanguage(["en", "es-ES"], "es-AR")).toBe("es-ES");
  });

  it("prefers the bare-language variant over a sibling region", () => {
    expect(chooseVariantLanguage(["es-ES", "es", "en"], "es-MX")).toBe("es");
  });

  it("uses the shop's default language next, then English, then any variant", () => {
    expect(chooseVariantLanguage(LIBRARY, "fr-FR", "es")).toBe("es");
    expect(chooseVariantLanguage(LIBRARY, "fr-FR", "de")).toBe("en");
    expect(chooseVariantLanguage(LIBRARY, null, null)).toBe("en");
    expect(chooseVariantLanguage(["zh-CN", "es"], "fr", "de")).toBe("zh-CN");
    expect(chooseVariantLanguage([], "en")).toBeNull();
  });

  it("ignores an invalid customer language instead of failing", () => {
    expect(chooseVariantLanguage(LIBRARY, "??", "zh-CN")).toBe("zh-CN");
  });
});

describe("chooseVariant", () => {
  it("returns the chosen language with its variant", () => {
    const variants = { en: { body: "Hi" }, "zh-CN": { body: "您好" } };
    expect(chooseVariant(variants, "zh-Hans-CN")).toEqual({ language: "zh-CN", variant: { body: "您好" } });
    expect(chooseVariant(variants, "pt-BR")).toEqual({ language: "en", variant: { body: "Hi" } });
    expect(chooseVariant({}, "en")).toBeNull();
  });
});

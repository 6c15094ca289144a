// The admin UI speaks English and Simplified Chinese, following the Shopify admin locale.
import i18next, { type i18n as I18n } from "i18next";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisZhCN from "@shopify/polaris/locales/zh-CN.json";

export const SUPPORTED_LOCALES = ["en", "zh-CN"] as const;
export type AdminLocale = (typeof SUPPORTED_LOCALES)[number];

// One JSON file per feature and language (app/i18n/<locale>/<feature>.json), merged into one namespace,
// so features add strings without touching each other's files.
type Strings = Record<string, unknown>;
const modules = {
  en: import.meta.glob<Strings>("./en/*.json", { eager: true, import: "default" }),
  "zh-CN": import.meta.glob<Strings>("./zh-CN/*.json", { eager: true, import: "default" }),
};

function merged(files: Record<string, Strings>): Strings {
  return Object.assign({}, ...Object.keys(files).sort().map((file) => files[file]));
}

const appStrings = { en: merged(modules.en), "zh-CN": merged(modules["zh-CN"]) } as const;
const polarisStrings = { en: polarisEn, "zh-CN": polarisZhCN } as const;

/** Shopify passes `locale` (e.g. zh-CN, zh-TW, en-GB); anything Chinese-Simplified maps to zh-CN. */
export function resolveAdminLocale(requested: string | null | undefined): AdminLocale {
  const value = (requested ?? "").toLowerCase();
  if (value === "zh-cn" || value === "zh" || value.startsWith("zh-hans")) return "zh-CN";
  return "en";
}

export function polarisTranslations(locale: AdminLocale) {
  return polarisStrings[locale];
}

export function createI18n(locale: AdminLocale): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: "en",
    resources: { en: { translation: appStrings.en }, "zh-CN": { translation: appStrings["zh-CN"] } },
    interpolation: { escapeValue: false }, // React escapes
    initImmediate: false, // resources are inline: initialise synchronously for server rendering
  });
  return instance;
}

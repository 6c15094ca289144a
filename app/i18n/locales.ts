// The admin UI speaks English and Simplified Chinese, following the Shopify admin locale.
import i18next, { type i18n as I18n } from "i18next";
import en from "./en.json";
import zhCN from "./zh-CN.json";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisZhCN from "@shopify/polaris/locales/zh-CN.json";

export const SUPPORTED_LOCALES = ["en", "zh-CN"] as const;
export type AdminLocale = (typeof SUPPORTED_LOCALES)[number];

const appStrings = { en, "zh-CN": zhCN } as const;
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

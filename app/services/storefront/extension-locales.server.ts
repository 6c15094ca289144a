// The theme extension's storefront strings, bundled into the server: the no-JavaScript result page
// shows the same labels and topics as the block, from one source (extensions/support-widget/locales).
import en from "../../../extensions/support-widget/locales/en.default.json";
import zhCN from "../../../extensions/support-widget/locales/zh-CN.json";
import es from "../../../extensions/support-widget/locales/es.json";
import fr from "../../../extensions/support-widget/locales/fr.json";
import de from "../../../extensions/support-widget/locales/de.json";
import ja from "../../../extensions/support-widget/locales/ja.json";
import type { StorefrontLanguage } from "../../domain/storefront/storefront-data";

export type WidgetStrings = (typeof en)["support_widget"];

const LOCALES: Record<StorefrontLanguage, WidgetStrings> = {
  en: en.support_widget,
  "zh-CN": zhCN.support_widget,
  es: es.support_widget,
  fr: fr.support_widget,
  de: de.support_widget,
  ja: ja.support_widget,
};

export function widgetStrings(language: StorefrontLanguage): WidgetStrings {
  return LOCALES[language];
}

// Number formatting for the reports, in the admin's locale.
import type { TFunction } from "i18next";

export function formatMinutes(t: TFunction, locale: string, minutes: number | null): string {
  if (minutes === null) return t("reports.noData");
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  if (minutes < 60) return t("reports.units.min", { value: number(minutes) });
  if (minutes < 48 * 60) return t("reports.units.h", { value: number(minutes / 60) });
  return t("reports.units.d", { value: number(minutes / 1440) });
}

export function formatShare(t: TFunction, locale: string, share: number | null): string {
  if (share === null) return t("reports.noData");
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

export function formatCell(locale: string, value: string | number | null): string {
  if (value === null) return "–";
  return typeof value === "number" ? new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value) : value;
}

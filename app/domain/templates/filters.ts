// Money and date filters that speak the reader's language and time zone. The engine stores the
// per-render settings in a context register; filters read them from `this.context`.
import { DateTime } from "luxon";
import type { Context, FilterImplOptions, Liquid } from "liquidjs";

export interface FormatSettings {
  /** BCP 47 locale of the text being written (the chosen variant's language). */
  locale: string;
  /** IANA time zone of the reader. */
  timezone: string;
  /** ISO 4217 code used when a money filter is given no explicit currency. */
  currency: string;
}

export const FORMAT_SETTINGS_REGISTER = "shopdesk:format-settings";

export const DEFAULT_FORMAT_SETTINGS: FormatSettings = Object.freeze({
  locale: "en",
  timezone: "UTC",
  currency: "USD",
});

type CurrencyDisplay = "symbol" | "narrowSymbol" | "code";

// Intl formatters are expensive to build (tens of µs) and are hit on every render.
const numberFormats = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string, display: CurrencyDisplay): Intl.NumberFormat {
  const key = `${locale}|${currency}|${display}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: display });
    if (numberFormats.size > 500) numberFormats.clear();
    numberFormats.set(key, format);
  }
  return format;
}

function toCents(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** Shopify convention: money values are integer cents (also for zero-decimal currencies). */
export function formatMoney(
  cents: number,
  currency: string,
  locale: string,
  style: "money" | "money_with_currency" | "money_without_currency" = "money",
): string {
  const amount = cents / 100;
  try {
    if (style === "money_without_currency") {
      const parts = currencyFormat(locale, currency, "code").formatToParts(amount);
      return parts
        .filter((part) => part.type !== "currency" && part.type !== "literal")
        .map((part) => part.value)
        .join("");
    }
    if (style === "money_with_currency") {
      return `${currencyFormat(locale, currency, "narrowSymbol").format(amount)} ${currency}`;
    }
    return currencyFormat(locale, currency, "symbol").format(amount);
  } catch {
    // Unknown currency code: still show the amount rather than failing the reply.
    return `${amount.toFixed(2)} ${currency}`;
  }
}

const NAMED_DATE_FORMATS: Record<string, Intl.DateTimeFormatOptions> = {
  short: DateTime.DATE_SHORT,
  medium: DateTime.DATE_MED,
  long: DateTime.DATE_FULL,
  full: DateTime.DATE_HUGE,
  time: DateTime.TIME_SIMPLE,
  day_month: { month: "long", day: "numeric" },
  weekday_day_month: { weekday: "long", month: "long", day: "numeric" },
  date_at_time: { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" },
  weekday_at_time: { weekday: "long", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" },
};

export const DATE_FORMAT_NAMES = Object.keys(NAMED_DATE_FORMATS);

// strftime directive → Luxon token; Luxon localizes names (三月, marzo) and AM/PM markers.
const STRFTIME_TOKENS: Record<string, string> = {
  a: "ccc", A: "cccc", b: "LLL", h: "LLL", B: "LLLL", d: "dd", e: "d", H: "HH", I: "hh",
  l: "h", j: "ooo", m: "MM", M: "mm", p: "a", S: "ss", y: "yy", Y: "yyyy", Z: "ZZZZ", z: "ZZZ",
  u: "c",
};
const UNPADDED_TOKENS: Record<string, string> = { d: "d", H: "H", I: "h", m: "M", M: "m", S: "s", j: "o" };
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a context date; date-only strings stay on their calendar day in every zone. */
export function toDateTime(value: unknown, timezone: string): DateTime | null {
  let parsed: DateTime;
  if (value instanceof Date) parsed = DateTime.fromJSDate(value);
  else if (typeof value === "number") parsed = DateTime.fromSeconds(value); // Liquid uses Unix seconds
  else if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed === "now" || trimmed === "today") parsed = DateTime.now();
    else if (DATE_ONLY.test(trimmed)) {
      const day = DateTime.fromISO(trimmed, { zone: timezone });
      return day.isValid ? day : null;
    } else parsed = DateTime.fromISO(trimmed);
  } else return null;
  if (!parsed.isValid) return null;
  const zoned = parsed.setZone(timezone);
  return zoned.isValid ? zoned : parsed.toUTC();
}

function strftime(date: DateTime, format: string): string {
  return format.replace(/%([-_0^]?)([a-zA-Z%])/g, (directive: string, flag: string, letter: string) => {
    if (letter === "%") return "%";
    if (letter === "P") return date.toFormat("a").toLowerCase();
    if (letter === "s") return String(Math.floor(date.toSeconds()));
    if (letter === "w") return String(date.weekday % 7);
    if (letter === "x") return date.toLocaleString(DateTime.DATE_SHORT);
    if (letter === "X") return date.toLocaleString(DateTime.TIME_SIMPLE);
    if (letter === "c") return date.toLocaleString(DateTime.DATETIME_MED);
    const token = flag === "-" ? (UNPADDED_TOKENS[letter] ?? STRFTIME_TOKENS[letter]) : STRFTIME_TOKENS[letter];
    if (!token) return directive;
    const formatted = date.toFormat(token);
    return flag === "^" ? formatted.toUpperCase() : formatted;
  });
}

// Named formats go straight to a cached Intl.DateTimeFormat: building Luxon objects costs ~35 µs
// per call, too slow for the render budget (~50 µs for a whole template).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const formattedDates = new Map<string, string>();

function namedDateFormat(locale: string, timeZone: string, name: string): Intl.DateTimeFormat | null {
  const options = NAMED_DATE_FORMATS[name];
  if (!options) return null;
  const key = `${locale}|${timeZone}|${name}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    if (dateFormats.size > 2_000) dateFormats.clear();
    dateFormats.set(key, format);
  }
  return format;
}

/** An instant, plus whether it is a calendar day (`2025-03-14`) that must not shift with zones. */
function toInstant(value: unknown): { date: Date; calendarDay: boolean } | null {
  let date: Date;
  let calendarDay = false;
  if (value instanceof Date) date = value;
  else if (typeof value === "number") date = new Date(value * 1000);
  else if (typeof value === "string") {
    const trimmed = value.trim();
    calendarDay = DATE_ONLY.test(trimmed);
    date = trimmed === "now" || trimmed === "today" ? new Date() : new Date(trimmed);
  } else return null;
  return Number.isNaN(date.getTime()) ? null : { date, calendarDay };
}

/**
 * `format` is a named format (`long`, `date_at_time`… see NAMED_DATE_FORMATS; localized through
 * Intl, e.g. 2025年3月14日 for zh-CN) or a Shopify strftime string (`%B %-d, %Y`, via Luxon).
 */
export function formatDate(value: unknown, format: string | undefined, settings: FormatSettings): string {
  const name = format ?? "long";
  if (NAMED_DATE_FORMATS[name]) {
    // The same few dates are formatted render after render; a string key beats re-formatting.
    const key = typeof value === "string" && value !== "now" && value !== "today"
      ? `${value}|${name}|${settings.locale}|${settings.timezone}`
      : null;
    const cached = key === null ? undefined : formattedDates.get(key);
    if (cached !== undefined) return cached;
    const instant = toInstant(value);
    if (!instant) return value === null || value === undefined ? "" : String(value);
    // A calendar day parses as UTC midnight: format it in UTC so it stays the same day.
    const zone = instant.calendarDay ? "UTC" : settings.timezone;
    const formatted = namedDateFormat(settings.locale, zone, name)?.format(instant.date) ?? "";
    if (key !== null) {
      if (formattedDates.size > 5_000) formattedDates.clear();
      formattedDates.set(key, formatted);
    }
    return formatted;
  }
  const date = toDateTime(value, settings.timezone);
  if (!date) return value === null || value === undefined ? "" : String(value);
  return strftime(date.setLocale(settings.locale), name);
}

// Checking a zone builds an Intl formatter (~100 µs); the answer never changes, so remember it.
const zoneValidity = new Map<string, boolean>();

/** The zone if Intl knows it, else UTC. */
export function validTimezone(zone: string | undefined): string {
  if (!zone) return "UTC";
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (zoneValidity.size > 1_000) zoneValidity.clear();
    zoneValidity.set(zone, valid);
  }
  return valid ? zone : "UTC";
}

function settingsOf(context: Context): FormatSettings {
  return context.getRegister<FormatSettings | undefined>(FORMAT_SETTINGS_REGISTER) ?? DEFAULT_FORMAT_SETTINGS;
}

function moneyFilter(style: "money" | "money_with_currency" | "money_without_currency"): FilterImplOptions {
  return function (this: { context: Context }, value: unknown, currency?: unknown): unknown {
    const cents = toCents(value);
    if (cents === null) return value ?? "";
    const settings = settingsOf(this.context);
    const code = typeof currency === "string" && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : settings.currency;
    return formatMoney(cents, code, settings.locale, style);
  };
}

function dateFilter(this: { context: Context }, value: unknown, format?: unknown): string {
  const result = formatDate(value, typeof format === "string" ? format : undefined, settingsOf(this.context));
  // Format strings are template-controlled: charge their output like the built-in filters do.
  this.context.memoryLimit.use(result.length);
  return result;
}

/** Registers (or replaces) the reader-aware filters; `default` stays the built-in one. */
export function registerTemplateFilters(liquid: Liquid): void {
  liquid.registerFilter("money", moneyFilter("money"));
  liquid.registerFilter("money_with_currency", moneyFilter("money_with_currency"));
  liquid.registerFilter("money_without_currency", moneyFilter("money_without_currency"));
  liquid.registerFilter("date", dateFilter);
}

// Formatting and badge tones for the panel (Intl in the admin's locale).
import type { PanelMoney } from "../../services/panel/types";

export type Tone = "success" | "info" | "attention" | "warning" | "critical" | undefined;

export function formatMoney(money: PanelMoney | null, locale: string): string {
  if (!money) return "—";
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: money.currencyCode }).format(Number(money.amount));
  } catch {
    return `${money.amount} ${money.currencyCode}`;
  }
}

export function formatDate(iso: string | null, locale: string, withTime = false): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" }).format(new Date(iso));
}

/** The customer's wall-clock time at `atIso`, e.g. "Tue 14:05 (Asia/Shanghai)". */
export function formatLocalTime(atIso: string, timeZone: string | null, locale: string): string | null {
  if (!timeZone) return null;
  try {
    return new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(atIso));
  } catch {
    return null;
  }
}

export function languageName(tag: string | null, locale: string): string | null {
  if (!tag) return null;
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "IN_TRANSIT" → "In transit": the fallback label for statuses without a translation. */
export function humanise(status: string): string {
  const words = status.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const FINANCIAL_TONES: Record<string, Tone> = {
  PAID: "success", PENDING: "attention", AUTHORIZED: "attention", PARTIALLY_PAID: "warning",
  REFUNDED: "info", PARTIALLY_REFUNDED: "info", VOIDED: "critical", EXPIRED: "critical",
};
const FULFILLMENT_TONES: Record<string, Tone> = {
  FULFILLED: "success", UNFULFILLED: "attention", PARTIALLY_FULFILLED: "warning", IN_PROGRESS: "info",
  ON_HOLD: "warning", SCHEDULED: "info", OPEN: "attention", PENDING_FULFILLMENT: "attention", RESTOCKED: "info",
};
const DELIVERY_TONES: Record<string, Tone> = {
  DELIVERED: "success", IN_TRANSIT: "info", OUT_FOR_DELIVERY: "info", PICKED_UP: "success", READY_FOR_PICKUP: "info",
  CONFIRMED: "info", LABEL_PRINTED: "info", LABEL_PURCHASED: "info", ATTEMPTED_DELIVERY: "warning", DELAYED: "warning",
  FAILURE: "critical", CANCELED: "critical", NOT_DELIVERED: "critical", CARRIER_PICKED_UP: "info",
};
const TICKET_TONES: Record<string, Tone> = { open: "attention", pending: "info", snoozed: undefined, resolved: "success", closed: undefined };

export const financialTone = (status: string | null): Tone => (status ? FINANCIAL_TONES[status] : undefined);
export const fulfillmentTone = (status: string): Tone => FULFILLMENT_TONES[status];
export const deliveryTone = (status: string | null): Tone => (status ? DELIVERY_TONES[status] : undefined);
export const ticketTone = (status: string): Tone => TICKET_TONES[status];

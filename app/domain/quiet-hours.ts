// When may an automated customer message (auto-acknowledgement, shipping confirmation, delivery
// follow-up…) go out? Pure: the caller passes the clock, the customer's earlier automated sends and
// the settings; the answer is "now", a later instant, or "skip" with the reason.
//
// Rules, applied together until none moves the time any more:
// - quiet hours: nothing between `start` and `end` in the customer's local time (their IANA zone,
//   else the shop's, else UTC); a message due then waits until `end`. `end <= start` spans midnight.
// - spacing: at least `minSpacingMinutes` after the customer's previous automated send.
// - cap: at most `maxPerWindow` automated sends in any `windowHours`; over the cap the message is
//   skipped (default) or deferred until the oldest send leaves the window (`onCap: "defer"`).
// - `notAfter`: a message that could only go out after this instant is no longer useful: skipped.
//
// Usage (order-event messages, auto-acknowledgements):
//   const decision = automatedSendTime({ now, customerTimezone, shopTimezone, settings, previousSends });
//   if (decision.kind === "skip") record the skip; else enqueue the send with runAt = decision.at.

import { DateTime, IANAZone } from "luxon";
import { z } from "zod";

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (00:00–23:59)");

export const quietHoursSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Local time the quiet period starts, "HH:MM". */
  start: timeOfDay,
  /** Local time it ends, "HH:MM"; before or equal to start means the next morning. */
  end: timeOfDay,
  /** Minutes between two automated messages to the same customer (0 = no spacing). */
  minSpacingMinutes: z.number().int().min(0).max(7 * 24 * 60),
  /** Automated messages per customer within `windowHours` (the per-customer cap). */
  maxPerWindow: z.number().int().min(1).max(100),
  windowHours: z.number().int().min(1).max(24 * 30),
});
export type QuietHoursSettings = z.infer<typeof quietHoursSettingsSchema>;

export const DEFAULT_QUIET_HOURS: QuietHoursSettings = {
  enabled: true,
  start: "21:00",
  end: "08:00",
  minSpacingMinutes: 0,
  maxPerWindow: 1,
  windowHours: 24,
};

export type SendDecision =
  | { kind: "now"; at: Date; timezone: string }
  | { kind: "later"; at: Date; timezone: string; reasons: ("quiet_hours" | "spacing" | "cap")[] }
  | { kind: "skip"; reason: "cap" | "expired"; timezone: string };

export interface AutomatedSendTimeInput {
  now: Date;
  /** The customer's IANA zone when known (Customer.timezone). */
  customerTimezone?: string | null;
  /** The shop's IANA zone: the fallback. */
  shopTimezone: string;
  settings?: Partial<QuietHoursSettings>;
  /** When the customer's earlier automated messages went out (any kind, any ticket; at or before now). */
  previousSends: readonly Date[];
  /** Over the cap: skip the message (default) or wait until a send leaves the window. */
  onCap?: "skip" | "defer";
  /** The message is pointless after this instant (e.g. an acknowledgement once the shop has opened). */
  notAfter?: Date | null;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
// Each rule only moves the time forward; a few rounds settle any combination.
const MAX_ROUNDS = 20;

/** The customer's zone if valid, else the shop's, else UTC. */
export function effectiveTimezone(customerTimezone: string | null | undefined, shopTimezone: string): string {
  for (const zone of [customerTimezone, shopTimezone]) if (zone && IANAZone.isValidZone(zone)) return zone;
  return "UTC";
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours * 60 + minutes;
}

/** If `instant` falls in quiet hours, the instant they end; else null. */
export function quietHoursEnd(instant: Date, timezone: string, settings: Pick<QuietHoursSettings, "enabled" | "start" | "end">): Date | null {
  const start = minutesOf(settings.start);
  const end = minutesOf(settings.end);
  if (!settings.enabled || start === end) return null;
  const local = DateTime.fromJSDate(instant, { zone: timezone });
  const minute = local.hour * 60 + local.minute + local.second / 60;
  const overnight = end < start;
  const quiet = overnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!quiet) return null;
  // The end falls today when we are before it, else tomorrow (overnight, in the evening part).
  const endDay = overnight && minute >= start ? local.plus({ days: 1 }) : local;
  const endAt = endDay.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  return endAt.toJSDate();
}

export function automatedSendTime(input: AutomatedSendTimeInput): SendDecision {
  const settings: QuietHoursSettings = { ...DEFAULT_QUIET_HOURS, ...input.settings };
  const timezone = effectiveTimezone(input.customerTimezone, input.shopTimezone);
  const sends = [...input.previousSends].map((d) => d.getTime()).sort((a, b) => a - b);
  const windowMs = settings.windowHours * HOUR_MS;
  const reasons = new Set<"quiet_hours" | "spacing" | "cap">();
  let at = input.now.getTime();

  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const before = at;
    const last = sends.filter((t) => t <= at).at(-1);
    if (last !== undefined && settings.minSpacingMinutes > 0 && at < last + settings.minSpacingMinutes * MINUTE_MS) {
      at = last + settings.minSpacingMinutes * MINUTE_MS;
      reasons.add("spacing");
    }
    // The cap is a rolling window: sends in (at - window, at] count against a send at `at`.
    const crowding = sends.filter((t) => t > at - windowMs && t <= at);
    if (crowding.length >= settings.maxPerWindow && input.onCap === "defer") {
      // Wait until enough of them have left the window.
      at = crowding[crowding.length - settings.maxPerWindow] + windowMs;
      reasons.add("cap");
    }
    const quietEnd = quietHoursEnd(new Date(at), timezone, settings);
    if (quietEnd) {
      at = quietEnd.getTime();
      reasons.add("quiet_hours");
    }
    if (at === before) break;
  }

  // Skipping is judged at the time the message would actually go out.
  if (input.onCap !== "defer" && sends.filter((t) => t > at - windowMs && t <= at).length >= settings.maxPerWindow) {
    return { kind: "skip", reason: "cap", timezone };
  }
  if (input.notAfter && at > input.notAfter.getTime()) return { kind: "skip", reason: "expired", timezone };
  if (at === input.now.getTime()) return { kind: "now", at: input.now, timezone };
  return { kind: "later", at: new Date(at), timezone, reasons: [...reasons] };
}

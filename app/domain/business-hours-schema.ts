// Validation of a business schedule as merchants edit it (JSON from the settings form or the DB):
// well-formed times, known time zone, real dates, and no overlapping intervals, with messages a
// merchant can act on ("Mon 11:00–13:00 overlaps Mon 09:00–12:00").

import { IANAZone } from "luxon";
import { z } from "zod";
import type { BusinessSchedule, DayInterval } from "./business-hours";

export const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Minutes from a local midnight; an end may exceed 1440 (overnight interval). */
export type MinuteRange = readonly [number, number];

export function parseTimeOfDay(value: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`Invalid time of day "${value}" (expected HH:MM between 00:00 and 24:00)`);
  }
  return minutes;
}

/** Minute range of an interval from its start day's midnight; an end at or before the start wraps. */
export function intervalMinutes(interval: DayInterval): MinuteRange {
  const start = parseTimeOfDay(interval.start);
  let end = parseTimeOfDay(interval.end);
  if (end <= start) end += MINUTES_PER_DAY;
  return [start, end];
}

const timeOfDay = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'must be a time "HH:MM" from 00:00 to 24:00' });

const WEEKDAY_MESSAGE = "weekday must be 1 (Monday) … 7 (Sunday)";

function checkInterval(interval: DayInterval, ctx: z.RefinementCtx): void {
  if (interval.start === "24:00") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["start"], message: "an interval cannot start at 24:00" });
  if (interval.start === interval.end) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["end"], message: "start and end are equal; use 00:00–24:00 for a whole day" });
  }
}

const dayIntervalSchema = z.object({ start: timeOfDay, end: timeOfDay }).superRefine(checkInterval);
const weeklyIntervalSchema = z
  .object({ weekday: z.number().int(WEEKDAY_MESSAGE).min(1, WEEKDAY_MESSAGE).max(7, WEEKDAY_MESSAGE), start: timeOfDay, end: timeOfDay })
  .superRefine(checkInterval);

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

const holidaySchema = z.object({
  date: z.string().refine(isRealDate, { message: "must be a real date YYYY-MM-DD" }),
  name: z.string().trim().min(1, "a holiday needs a name"),
  intervals: z.array(dayIntervalSchema).nullable(),
});

function describe(interval: DayInterval & { weekday?: number }): string {
  const day = interval.weekday ? `${WEEKDAY_NAMES[interval.weekday - 1]} ` : "";
  return `${day}${interval.start}–${interval.end}`;
}

interface PlacedRange {
  index: number;
  start: number;
  end: number;
}

/** Pairs of overlapping ranges; with `wrapAt`, ranges past it also collide with the start (Sunday night into Monday). */
function findOverlaps(ranges: PlacedRange[], wrapAt: number | null): [PlacedRange, PlacedRange][] {
  const placed = [...ranges];
  if (wrapAt !== null) {
    for (const r of ranges) if (r.end > wrapAt) placed.push({ index: r.index, start: r.start - wrapAt, end: r.end - wrapAt });
  }
  placed.sort((a, b) => a.start - b.start);
  const overlaps: [PlacedRange, PlacedRange][] = [];
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length && placed[j].start < placed[i].end; j++) {
      if (placed[i].index !== placed[j].index) overlaps.push([placed[i], placed[j]]);
    }
  }
  return overlaps;
}

export const businessScheduleSchema = z
  .object({
    timezone: z.string().refine((zone) => IANAZone.isValidZone(zone), { message: "must be an IANA time zone such as Europe/Berlin" }),
    intervals: z.array(weeklyIntervalSchema),
    holidays: z.array(holidaySchema).default([]),
  })
  .superRefine((schedule, ctx) => {
    // Zod still runs this refinement when a field failed; malformed intervals are already reported.
    const weekly = schedule.intervals.flatMap((interval, index) => {
      const range = rangeOf(interval);
      const offset = (interval.weekday - 1) * MINUTES_PER_DAY;
      return range ? [{ index, start: offset + range.start, end: offset + range.end }] : [];
    });
    const reported = new Set<string>();
    for (const [a, b] of findOverlaps(weekly, MINUTES_PER_WEEK)) {
      const [first, second] = a.index < b.index ? [a.index, b.index] : [b.index, a.index];
      if (reported.has(`${first}:${second}`)) continue;
      reported.add(`${first}:${second}`);
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["intervals", second],
        message: `${describe(schedule.intervals[second])} overlaps ${describe(schedule.intervals[first])}`,
      });
    }
    const seenDates = new Map<string, number>();
    schedule.holidays.forEach((holiday, h) => {
      const earlier = seenDates.get(holiday.date);
      if (earlier !== undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["holidays", h, "date"], message: `${holiday.date} is already listed (holidays[${earlier}])` });
      }
      seenDates.set(holiday.date, h);
      const special = (holiday.intervals ?? []).flatMap((interval, index) => {
        const range = rangeOf(interval);
        return range ? [{ index, ...range }] : [];
      });
      for (const [a, b] of findOverlaps(special, null)) {
        const intervals = holiday.intervals ?? [];
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["holidays", h, "intervals", Math.max(a.index, b.index)],
          message: `${holiday.date}: ${describe(intervals[Math.max(a.index, b.index)])} overlaps ${describe(intervals[Math.min(a.index, b.index)])}`,
        });
      }
    });
  });

function rangeOf(interval: DayInterval): { start: number; end: number } | null {
  try {
    const [start, end] = intervalMinutes(interval);
    return { start, end };
  } catch {
    return null;
  }
}

export type ScheduleValidation = { ok: true; schedule: BusinessSchedule } | { ok: false; errors: string[] };

/** Parses untrusted schedule JSON; errors read "intervals[2]: Mon 11:00–13:00 overlaps Mon 09:00–12:00". */
export function validateBusinessSchedule(input: unknown): ScheduleValidation {
  const result = businessScheduleSchema.safeParse(input);
  if (result.success) return { ok: true, schedule: result.data };
  const errors = result.error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${part}`)).join("").replace(/^\./, "");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return { ok: false, errors };
}

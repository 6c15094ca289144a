// Business-hours arithmetic in the shop's IANA time zone: open now, next open/close, due times after
// N business minutes. Pure (instants in, instants out; callers pass `now`).
//
// Semantics:
// - An interval belongs to the local date it starts on. `end <= start` means it runs past midnight
//   (22:00–02:00 on a Friday closes Saturday 02:00); "24:00" is the end of the day.
// - A holiday replaces the intervals that start on its date (null = closed all day); the previous
//   day's overnight interval still runs into it.
// - Local times are converted with Luxon: a time inside a spring-forward gap moves forward by the
//   gap, an ambiguous fall-back time takes the later (standard-time) offset.
//
// Speed: each local day is expanded once into absolute [start, end) milliseconds and cached per
// schedule object, so a due-time computation is a few map lookups and a walk over open segments.
// Schedules are treated as immutable; pass a new object after editing one.

import { DateTime, IANAZone } from "luxon";
import { intervalMinutes, MINUTES_PER_DAY, type MinuteRange } from "./business-hours-schema";

export interface DayInterval {
  start: string; // "HH:MM", 00:00–23:59
  end: string; // "HH:MM" or "24:00"; <= start means the interval ends the next day
}
export interface WeeklyInterval extends DayInterval {
  weekday: number; // ISO: 1 = Monday … 7 = Sunday
}
export interface HolidayRule {
  date: string; // YYYY-MM-DD in the schedule's time zone
  name: string;
  intervals: DayInterval[] | null; // null = closed all day; else the special opening hours
}
export interface BusinessSchedule {
  timezone: string;
  intervals: WeeklyInterval[];
  holidays: HolidayRule[];
}
export interface OpenInterval {
  start: Date;
  end: Date;
}

export { businessScheduleSchema, validateBusinessSchedule } from "./business-hours-schema";
export type { ScheduleValidation } from "./business-hours-schema";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// A hard stop for walks over schedules whose open time lies only in a far future (defensive; the
// horizons below normally stop much earlier).
const MAX_WALK_DAYS = 366 * 30;
const MAX_CACHED_DAYS = 5000;

interface CompiledSchedule {
  zone: IANAZone;
  weekly: MinuteRange[][]; // index 0 = Monday
  holidays: Map<number, MinuteRange[]>; // epoch day → ranges (empty = closed)
  lastHolidayDay: number;
  hasWeeklyOpenTime: boolean;
  daySegments: Map<number, number[]>; // epoch day → flat [start, end, start, end, …] in ms
  midnights: Map<number, number>; // epoch day → ms of local midnight
}

const compiledSchedules = new WeakMap<BusinessSchedule, CompiledSchedule>();

function epochDayOf(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Invalid holiday date "${isoDate}" (expected YYYY-MM-DD)`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

function isoWeekdayOfEpochDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
}

function compile(schedule: BusinessSchedule): CompiledSchedule {
  const cached = compiledSchedules.get(schedule);
  if (cached) return cached;
  const zone = IANAZone.create(schedule.timezone);
  if (!zone.isValid) throw new RangeError(`Unknown time zone "${schedule.timezone}"`);
  const weekly: MinuteRange[][] = [[], [], [], [], [], [], []];
  for (const interval of schedule.intervals) {
    if (!Number.isInteger(interval.weekday) || interval.weekday < 1 || interval.weekday > 7) {
      throw new RangeError(`Invalid weekday ${interval.weekday} (expected 1 = Monday … 7 = Sunday)`);
    }
    weekly[interval.weekday - 1].push(intervalMinutes(interval));
  }
  const holidays = new Map<number, MinuteRange[]>();
  let lastHolidayDay = -Infinity;
  for (const holiday of schedule.holidays) {
    const day = epochDayOf(holiday.date);
    holidays.set(day, (holiday.intervals ?? []).map(intervalMinutes).sort((a, b) => a[0] - b[0]));
    lastHolidayDay = Math.max(lastHolidayDay, day);
  }
  for (const ranges of weekly) ranges.sort((a, b) => a[0] - b[0]);
  const compiled: CompiledSchedule = {
    zone,
    weekly,
    holidays,
    lastHolidayDay,
    hasWeeklyOpenTime: weekly.some((ranges) => ranges.length > 0),
    daySegments: new Map(),
    midnights: new Map(),
  };
  compiledSchedules.set(schedule, compiled);
  return compiled;
}

function localToUtcMs(zone: IANAZone, day: number, minutes: number): number {
  const date = new Date((day + Math.floor(minutes / MINUTES_PER_DAY)) * DAY_MS);
  const minuteOfDay = minutes % MINUTES_PER_DAY;
  return DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minuteOfDay / 60),
      minute: minuteOfDay % 60,
    },
    { zone },
  ).toMillis();
}

function localMidnight(c: CompiledSchedule, day: number): number {
  let ms = c.midnights.get(day);
  if (ms === undefined) {
    if (c.midnights.size > MAX_CACHED_DAYS) c.midnights.clear();
    ms = localToUtcMs(c.zone, day, 0);
    c.midnights.set(day, ms);
  }
  return ms;
}

/** The local calendar day (days since 1970-01-01) containing an instant. */
function localDayOf(c: CompiledSchedule, ms: number): number {
  const utcDay = Math.floor(ms / DAY_MS);
  // UTC offsets lie within −12 h … +14 h, so the local day is one of three.
  for (const day of [utcDay, utcDay + 1, utcDay - 1]) {
    if (localMidnight(c, day) <= ms && ms < localMidnight(c, day + 1)) return day;
  }
  return utcDay; // unreachable for real zones
}

function segmentsOfDay(c: CompiledSchedule, day: number): number[] {
  let segments = c.daySegments.get(day);
  if (segments === undefined) {
    if (c.daySegments.size > MAX_CACHED_DAYS) c.daySegments.clear();
    const ranges = c.holidays.get(day) ?? c.weekly[isoWeekdayOfEpochDay(day) - 1];
    segments = [];
    for (const [startMinute, endMinute] of ranges) {
      const start = localToUtcMs(c.zone, day, startMinute);
      const end = localToUtcMs(c.zone, day, endMinute);
      if (end > start) segments.push(start, end); // a range inside a DST gap collapses to nothing
    }
    c.daySegments.set(day, segments);
  }
  return segments;
}

/**
 * Visits the open segments at or after `fromMs` in order, clipped so they never overlap or start
 * before `fromMs`, up to local day `lastDay`. The visitor returns false to stop.
 */
function walkOpenSegments(
  c: CompiledSchedule,
  fromMs: number,
  lastDay: number,
  visit: (startMs: number, endMs: number) => boolean,
): void {
  const firstDay = localDayOf(c, fromMs) - 1; // the previous day's overnight interval may still run
  const stopDay = Math.min(lastDay, firstDay + MAX_WALK_DAYS);
  let cursor = fromMs;
  for (let day = firstDay; day <= stopDay; day++) {
    const segments = segmentsOfDay(c, day);
    for (let i = 0; i < segments.length; i += 2) {
      const start = Math.max(segments[i], cursor);
      const end = segments[i + 1];
      if (end <= start) continue;
      cursor = end;
      if (!visit(start, end)) return;
    }
  }
}

/** The last local day worth walking to find any open time after `fromMs`. */
function searchHorizon(c: CompiledSchedule, fromMs: number, unbounded: boolean): number {
  if (!c.hasWeeklyOpenTime) return c.lastHolidayDay + 1; // only holiday hours remain, if any
  if (unbounded) return Infinity;
  // After the last holiday the weekly pattern repeats, so a week (plus overnight spill) suffices.
  return Math.max(localDayOf(c, fromMs), c.lastHolidayDay) + 8;
}

export function isOpenAt(schedule: BusinessSchedule, instant: Date): boolean {
  const c = compile(schedule);
  const ms = instant.getTime();
  let open = false;
  walkOpenSegments(c, ms, localDayOf(c, ms), (start) => {
    open = start === ms;
    return false;
  });
  return open;
}

/** The instant itself when open, else the next opening; null when the schedule never opens again. */
export function nextOpenAt(schedule: BusinessSchedule, instant: Date): Date | null {
  const c = compile(schedule);
  let found: number | null = null;
  walkOpenSegments(c, instant.getTime(), searchHorizon(c, instant.getTime(), false), (start) => {
    found = start;
    return false;
  });
  return found === null ? null : new Date(found);
}

/**
 * When the current opening (or, while closed, the next one) ends. Back-to-back intervals count as
 * one opening. Null when it never closes (open around the clock) or never opens again.
 */
export function nextCloseAt(schedule: BusinessSchedule, instant: Date): Date | null {
  const c = compile(schedule);
  let closeAt: number | null = null;
  let gapFound = false;
  walkOpenSegments(c, instant.getTime(), searchHorizon(c, instant.getTime(), false), (start, end) => {
    if (closeAt !== null && start > closeAt) {
      gapFound = true;
      return false;
    }
    closeAt = end;
    return true;
  });
  if (closeAt === null || (c.hasWeeklyOpenTime && !gapFound)) return null;
  return new Date(closeAt);
}

/**
 * The instant at which `minutes` business minutes have elapsed from `start` (an end exactly at a
 * closing time is that closing time). Zero minutes gives the next open instant. Null when the
 * schedule does not have that much open time left.
 */
export function addBusinessMinutes(schedule: BusinessSchedule, start: Date, minutes: number): Date | null {
  if (!(minutes >= 0)) throw new RangeError(`Business minutes must be zero or more, got ${minutes}`);
  const c = compile(schedule);
  let remaining = minutes * MINUTE_MS;
  let due: number | null = null;
  walkOpenSegments(c, start.getTime(), searchHorizon(c, start.getTime(), true), (segmentStart, segmentEnd) => {
    const length = segmentEnd - segmentStart;
    if (remaining <= length) {
      due = segmentStart + remaining;
      return false;
    }
    remaining -= length;
    return true;
  });
  return due === null ? null : new Date(due);
}

/** Open minutes in [a, b); negative when b is before a. */
export function businessMinutesBetween(schedule: BusinessSchedule, a: Date, b: Date): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -businessMinutesBetween(schedule, b, a);
  const c = compile(schedule);
  let total = 0;
  walkOpenSegments(c, from, localDayOf(c, to), (start, end) => {
    if (start >= to) return false;
    total += Math.min(end, to) - start;
    return true;
  });
  return total / MINUTE_MS;
}

/** The open periods within [a, b), back-to-back intervals merged. */
export function openIntervalsBetween(schedule: BusinessSchedule, a: Date, b: Date): OpenInterval[] {
  const from = a.getTime();
  const to = b.getTime();
  if (to <= from) return [];
  const c = compile(schedule);
  const periods: [number, number][] = [];
  walkOpenSegments(c, from, localDayOf(c, to), (start, end) => {
    if (start >= to) return false;
    const last = periods[periods.length - 1];
    if (last && last[1] === start) last[1] = Math.min(end, to);
    else periods.push([start, Math.min(end, to)]);
    return true;
  });
  return periods.map(([start, end]) => ({ start: new Date(start), end: new Date(end) }));
}

/**
 * The reply promise for a message received at `receivedAt`: after `targetMinutes` of business time,
 * or of calendar time when `businessHoursOnly` is false. Null when the schedule never opens again.
 */
export function expectedReplyBy(
  schedule: BusinessSchedule,
  receivedAt: Date,
  targetMinutes: number,
  businessHoursOnly: boolean,
): Date | null {
  if (!businessHoursOnly) return new Date(receivedAt.getTime() + targetMinutes * MINUTE_MS);
  return addBusinessMinutes(schedule, receivedAt, targetMinutes);
}

/** Minutes elapsed between two instants as a policy counts them (business or calendar time). */
export function elapsedMinutes(schedule: BusinessSchedule, a: Date, b: Date, businessHoursOnly: boolean): number {
  if (!businessHoursOnly) return (b.getTime() - a.getTime()) / MINUTE_MS;
  return businessMinutesBetween(schedule, a, b);
}

/** The schedule for a channel: its own when it has one, else the shop's default (channel null). */
export function scheduleForChannel<T extends { channel: string | null }>(schedules: readonly T[], channel: string): T | null {
  return schedules.find((s) => s.channel === channel) ?? schedules.find((s) => s.channel === null) ?? null;
}

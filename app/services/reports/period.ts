// The report's date range in the shop's time zone: whole local days, `to` inclusive; the comparison
// period is the same number of days right before it.
import { DateTime } from "luxon";

export interface ReportPeriod {
  from: Date; // inclusive
  to: Date; // exclusive
  fromDate: string; // YYYY-MM-DD (local)
  toDate: string; // YYYY-MM-DD (local, inclusive)
  days: number;
}

export const DEFAULT_REPORT_DAYS = 30;
export const MAX_REPORT_DAYS = 366;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReportPeriodError extends Error {
  override name = "ReportPeriodError";
}

function localDay(value: string, timeZone: string): DateTime {
  const day = DateTime.fromISO(value, { zone: timeZone });
  if (!DATE.test(value) || !day.isValid) throw new ReportPeriodError(`"${value}" is not a date (YYYY-MM-DD)`);
  return day.startOf("day");
}

function period(first: DateTime, lastInclusive: DateTime): ReportPeriod {
  return {
    from: first.toJSDate(),
    to: lastInclusive.plus({ days: 1 }).toJSDate(),
    fromDate: first.toISODate()!,
    toDate: lastInclusive.toISODate()!,
    days: Math.round(lastInclusive.plus({ days: 1 }).diff(first, "days").days),
  };
}

/** Parses `from`/`to` (local dates); missing values give the last 30 days up to today. */
export function parseReportPeriod(params: { from?: string | null; to?: string | null }, timeZone: string, now: Date): ReportPeriod {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  const last = params.to ? localDay(params.to, timeZone) : today;
  const first = params.from ? localDay(params.from, timeZone) : last.minus({ days: DEFAULT_REPORT_DAYS - 1 });
  if (first > last) throw new ReportPeriodError("the start date is after the end date");
  const result = period(first, last);
  if (result.days > MAX_REPORT_DAYS) throw new ReportPeriodError(`a report covers at most ${MAX_REPORT_DAYS} days`);
  return result;
}

export function previousPeriod(current: ReportPeriod, timeZone: string): ReportPeriod {
  const first = DateTime.fromJSDate(current.from, { zone: timeZone });
  return period(first.minus({ days: current.days }), first.minus({ days: 1 }));
}

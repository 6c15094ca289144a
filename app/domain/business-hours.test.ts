import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessMinutesBetween,
  expectedReplyBy,
  isOpenAt,
  nextCloseAt,
  nextOpenAt,
  openIntervalsBetween,
  scheduleForChannel,
  validateBusinessSchedule,
  type BusinessSchedule,
  type WeeklyInterval,
} from "./business-hours";

const NY = "America/New_York";
const BERLIN = "Europe/Berlin";

/** A wall-clock time in a zone, e.g. at(NY, "2024-03-08T16:00"). */
function at(zone: string, local: string): Date {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad test time ${local}`);
  return dt.toJSDate();
}
function weekdays(start: string, end: string, days = [1, 2, 3, 4, 5]): WeeklyInterval[] {
  return days.map((weekday) => ({ weekday, start, end }));
}

// Mon–Fri with a lunch break.
const officeNY: BusinessSchedule = {
  timezone: NY,
  intervals: [...weekdays("09:00", "12:00"), ...weekdays("13:00", "17:00")],
  holidays: [],
};

describe("several intervals a day (lunch break)", () => {
  it("is open inside an interval and closed in the break and at the end instant", () => {
    expect(isOpenAt(officeNY, at(NY, "2024-05-06T09:00"))).toBe(true);
    expect(isOpenAt(officeNY, at(NY, "2024-05-06T11:59"))).toBe(true);
    expect(isOpenAt(officeNY, at(NY, "2024-05-06T12:30"))).toBe(false);
    expect(isOpenAt(officeNY, at(NY, "2024-05-06T17:00"))).toBe(false);
    expect(isOpenAt(officeNY, at(NY, "2024-05-04T10:00"))).toBe(false); // Saturday
  });

  it("finds the next opening after the break and over the weekend", () => {
    expect(nextOpenAt(officeNY, at(NY, "2024-05-06T12:30"))).toEqual(at(NY, "2024-05-06T13:00"));
    expect(nextOpenAt(officeNY, at(NY, "2024-05-10T18:00"))).toEqual(at(NY, "2024-05-13T09:00"));
    expect(nextOpenAt(officeNY, at(NY, "2024-05-06T10:00"))).toEqual(at(NY, "2024-05-06T10:00"));
  });

  it("adds business minutes across the break, to a closing time exactly, and over a weekend", () => {
    expect(addBusinessMinutes(officeNY, at(NY, "2024-05-06T11:30"), 60)).toEqual(at(NY, "2024-05-06T13:30"));
    expect(addBusinessMinutes(officeNY, at(NY, "2024-05-06T16:30"), 30)).toEqual(at(NY, "2024-05-06T17:00"));
    expect(addBusinessMinutes(officeNY, at(NY, "2024-05-10T16:45"), 30)).toEqual(at(NY, "2024-05-13T09:15"));
    expect(addBusinessMinutes(officeNY, at(NY, "2024-05-11T10:00"), 0)).toEqual(at(NY, "2024-05-13T09:00"));
  });

  it("counts business minutes and lists open periods between two instants", () => {
    expect(businessMinutesBetween(officeNY, at(NY, "2024-05-06T08:00"), at(NY, "2024-05-07T08:00"))).toBe(7 * 60);
    expect(businessMinutesBetween(officeNY, at(NY, "2024-05-07T08:00"), at(NY, "2024-05-06T08:00"))).toBe(-7 * 60);
    expect(openIntervalsBetween(officeNY, at(NY, "2024-05-06T10:00"), at(NY, "2024-05-06T14:00"))).toEqual([
      { start: at(NY, "2024-05-06T10:00"), end: at(NY, "2024-05-06T12:00") },
      { start: at(NY, "2024-05-06T13:00"), end: at(NY, "2024-05-06T14:00") },
    ]);
  });

  it("reports the close of the current opening", () => {
    expect(nextCloseAt(officeNY, at(NY, "2024-05-06T10:00"))).toEqual(at(NY, "2024-05-06T12:00"));
    expect(nextCloseAt(officeNY, at(NY, "2024-05-06T12:15"))).toEqual(at(NY, "2024-05-06T17:00"));
  });
});

describe("daylight saving time", () => {
  const allDaySunday = (zone: string): BusinessSchedule => ({ timezone: zone, intervals: [{ weekday: 7, start: "00:00", end: "24:00" }], holidays: [] });

  it("New York: spring-forward Sunday has 23 open hours, fall-back Sunday 25", () => {
    const schedule = allDaySunday(NY);
    expect(businessMinutesBetween(schedule, at(NY, "2024-03-09T12:00"), at(NY, "2024-03-11T12:00"))).toBe(23 * 60);
    expect(businessMinutesBetween(schedule, at(NY, "2024-11-02T12:00"), at(NY, "2024-11-04T12:00"))).toBe(25 * 60);
  });

  it("New York: a due time over the spring-forward weekend lands on Monday's local 09:00 + 1 h (13:00 UTC + 1 h)", () => {
    const due = addBusinessMinutes(officeNY, at(NY, "2024-03-08T16:00"), 120);
    expect(due?.toISOString()).toBe("2024-03-11T14:00:00.000Z"); // 10:00 EDT (UTC−4)
    const fallBack = addBusinessMinutes(officeNY, at(NY, "2024-11-01T16:00"), 120);
    expect(fallBack?.toISOString()).toBe("2024-11-04T15:00:00.000Z"); // 10:00 EST (UTC−5)
  });

  it("Berlin: an overnight interval across the clock change is 7 h in spring and 9 h in autumn", () => {
    const nights: BusinessSchedule = { timezone: BERLIN, intervals: [{ weekday: 6, start: "22:00", end: "06:00" }], holidays: [] };
    const spring = openIntervalsBetween(nights, at(BERLIN, "2024-03-30T12:00"), at(BERLIN, "2024-03-31T12:00"));
    expect(spring).toEqual([{ start: new Date("2024-03-30T21:00:00Z"), end: new Date("2024-03-31T04:00:00Z") }]);
    expect(businessMinutesBetween(nights, at(BERLIN, "2024-03-30T12:00"), at(BERLIN, "2024-03-31T12:00"))).toBe(7 * 60);
    expect(businessMinutesBetween(nights, at(BERLIN, "2024-10-26T12:00"), at(BERLIN, "2024-10-27T12:00"))).toBe(9 * 60);
    expect(addBusinessMinutes(nights, at(BERLIN, "2024-10-26T22:00"), 9 * 60)).toEqual(new Date("2024-10-27T05:00:00Z"));
  });

  it("Berlin: an interval that lies entirely in the skipped hour never opens that night", () => {
    const gap: BusinessSchedule = { timezone: BERLIN, intervals: [{ weekday: 7, start: "02:00", end: "03:00" }], holidays: [] };
    expect(isOpenAt(gap, new Date("2024-03-31T01:30:00Z"))).toBe(false); // 03:30 CEST
    expect(nextOpenAt(gap, at(BERLIN, "2024-03-30T12:00"))).toEqual(at(BERLIN, "2024-04-07T02:00"));
  });

  it("Berlin: working hours on the Monday after each change are 08:00 and 07:00 UTC", () => {
    const office: BusinessSchedule = { timezone: BERLIN, intervals: weekdays("09:00", "17:00"), holidays: [] };
    expect(nextOpenAt(office, new Date("2024-03-30T12:00:00Z"))?.toISOString()).toBe("2024-04-01T07:00:00.000Z");
    expect(nextOpenAt(office, new Date("2024-10-26T12:00:00Z"))?.toISOString()).toBe("2024-10-28T08:00:00.000Z");
  });
});

describe("overnight intervals", () => {
  const lateShift: BusinessSchedule = { timezone: NY, intervals: [{ weekday: 5, start: "22:00", end: "02:00" }], holidays: [] };

  it("runs past midnight into the next day", () => {
    expect(isOpenAt(lateShift, at(NY, "2024-05-10T23:00"))).toBe(true);
    expect(isOpenAt(lateShift, at(NY, "2024-05-11T01:59"))).toBe(true);
    expect(isOpenAt(lateShift, at(NY, "2024-05-11T02:00"))).toBe(false);
    expect(nextCloseAt(lateShift, at(NY, "2024-05-10T23:00"))).toEqual(at(NY, "2024-05-11T02:00"));
    expect(addBusinessMinutes(lateShift, at(NY, "2024-05-10T23:30"), 60)).toEqual(at(NY, "2024-05-11T00:30"));
  });

  it("merges back-to-back intervals into one opening", () => {
    const longDay: BusinessSchedule = {
      timezone: NY,
      intervals: [{ weekday: 1, start: "09:00", end: "24:00" }, { weekday: 2, start: "00:00", end: "02:00" }],
      holidays: [],
    };
    expect(nextCloseAt(longDay, at(NY, "2024-05-06T10:00"))).toEqual(at(NY, "2024-05-07T02:00"));
    expect(openIntervalsBetween(longDay, at(NY, "2024-05-06T00:00"), at(NY, "2024-05-08T00:00"))).toHaveLength(1);
  });
});

describe("holidays", () => {
  const withHolidays: BusinessSchedule = {
    ...officeNY,
    intervals: [...officeNY.intervals, { weekday: 2, start: "22:00", end: "02:00" }],
    holidays: [
      { date: "2024-12-24", name: "Christmas Eve", intervals: [{ start: "10:00", end: "14:00" }] },
      { date: "2024-12-25", name: "Christmas Day", intervals: null },
    ],
  };

  it("closes all day, and the next opening is the day after", () => {
    expect(isOpenAt(withHolidays, at(NY, "2024-12-25T10:00"))).toBe(false);
    expect(nextOpenAt(withHolidays, at(NY, "2024-12-25T02:00"))).toEqual(at(NY, "2024-12-26T09:00"));
    expect(addBusinessMinutes(withHolidays, at(NY, "2024-12-24T13:30"), 60)).toEqual(at(NY, "2024-12-26T09:30"));
  });

  it("uses the special hours instead of the weekly ones", () => {
    expect(isOpenAt(withHolidays, at(NY, "2024-12-24T09:30"))).toBe(false);
    expect(isOpenAt(withHolidays, at(NY, "2024-12-24T10:30"))).toBe(true);
    expect(nextCloseAt(withHolidays, at(NY, "2024-12-24T10:30"))).toEqual(at(NY, "2024-12-24T14:00"));
  });

  it("lets the previous day's overnight interval run into a holiday", () => {
    expect(isOpenAt(withHolidays, at(NY, "2024-12-18T01:00"))).toBe(true); // ordinary Wednesday
    expect(isOpenAt(withHolidays, at(NY, "2024-12-25T01:00"))).toBe(false); // Christmas Eve's (Tuesday) shift replaced
    expect(isOpenAt({ ...withHolidays, holidays: [{ date: "2024-12-18", name: "Closure", intervals: null }] }, at(NY, "2024-12-18T01:00"))).toBe(true);
  });
});

describe("schedules with little or no open time", () => {
  const never: BusinessSchedule = { timezone: NY, intervals: [], holidays: [] };

  it("returns null instead of looping when the schedule never opens", () => {
    const started = performance.now();
    const now = at(NY, "2024-05-06T10:00");
    expect(isOpenAt(never, now)).toBe(false);
    expect(nextOpenAt(never, now)).toBeNull();
    expect(nextCloseAt(never, now)).toBeNull();
    expect(addBusinessMinutes(never, now, 30)).toBeNull();
    expect(expectedReplyBy(never, now, 30, true)).toBeNull();
    expect(expectedReplyBy(never, now, 30, false)).toEqual(at(NY, "2024-05-06T10:30"));
    expect(businessMinutesBetween(never, now, at(NY, "2025-05-06T10:00"))).toBe(0);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("opens only on a special day when there are no weekly hours, then never again", () => {
    const popUp: BusinessSchedule = { timezone: NY, intervals: [], holidays: [{ date: "2024-11-29", name: "Black Friday", intervals: [{ start: "08:00", end: "20:00" }] }] };
    expect(nextOpenAt(popUp, at(NY, "2024-05-06T10:00"))).toEqual(at(NY, "2024-11-29T08:00"));
    expect(addBusinessMinutes(popUp, at(NY, "2024-05-06T10:00"), 13 * 60)).toBeNull();
    expect(nextOpenAt(popUp, at(NY, "2024-11-29T20:00"))).toBeNull();
  });

  it("treats an around-the-clock schedule as never closing and business time as calendar time", () => {
    const always: BusinessSchedule = { timezone: BERLIN, intervals: weekdays("00:00", "24:00", [1, 2, 3, 4, 5, 6, 7]), holidays: [] };
    const start = new Date("2024-03-29T10:00:00Z");
    expect(nextCloseAt(always, start)).toBeNull();
    expect(addBusinessMinutes(always, start, 5 * 24 * 60)).toEqual(new Date("2024-04-03T10:00:00Z"));
  });

  it("rejects negative business minutes", () => {
    expect(() => addBusinessMinutes(officeNY, new Date(), -5)).toThrow(/zero or more/);
  });
});

describe("validateBusinessSchedule", () => {
  it("accepts a well-formed schedule with overnight intervals and holidays", () => {
    const result = validateBusinessSchedule({
      timezone: BERLIN,
      intervals: [{ weekday: 1, start: "09:00", end: "12:30" }, { weekday: 1, start: "13:30", end: "18:00" }, { weekday: 7, start: "22:00", end: "02:00" }],
      holidays: [{ date: "2024-12-24", name: "Heiligabend", intervals: [{ start: "09:00", end: "13:00" }] }],
    });
    expect(result.ok).toBe(true);
  });

  it("names both intervals of an overlap, including Sunday night running into Monday", () => {
    const result = validateBusinessSchedule({
      timezone: BERLIN,
      intervals: [{ weekday: 1, start: "09:00", end: "12:00" }, { weekday: 1, start: "11:00", end: "13:00" }, { weekday: 7, start: "22:00", end: "10:00" }],
      holidays: [],
    });
    expect(result).toEqual({
      ok: false,
      errors: expect.arrayContaining(["intervals[1]: Mon 11:00–13:00 overlaps Mon 09:00–12:00", "intervals[2]: Sun 22:00–10:00 overlaps Mon 09:00–12:00"]),
    });
  });

  it("rejects malformed times, weekdays, dates, duplicate holidays and unknown zones", () => {
    const result = validateBusinessSchedule({
      timezone: "Mars/Olympus",
      intervals: [{ weekday: 8, start: "9:00", end: "17:00" }, { weekday: 2, start: "10:00", end: "10:00" }],
      holidays: [
        { date: "2024-02-30", name: "Nope", intervals: null },
        { date: "2024-12-25", name: "Xmas", intervals: null },
        { date: "2024-12-25", name: "Xmas again", intervals: null },
      ],
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.join("\n");
    expect(errors).toContain("timezone: must be an IANA time zone");
    expect(errors).toContain("intervals[0].weekday: weekday must be 1 (Monday) … 7 (Sunday)");
    expect(errors).toContain('intervals[0].start: must be a time "HH:MM"');
    expect(errors).toContain("intervals[1].end: start and end are equal");
    expect(errors).toContain("holidays[0].date: must be a real date");
  });

  it("reports duplicate holiday dates and overlapping special hours", () => {
    const result = validateBusinessSchedule({
      timezone: NY,
      intervals: [],
      holidays: [
        { date: "2024-12-25", name: "Xmas", intervals: [{ start: "10:00", end: "14:00" }, { start: "13:00", end: "15:00" }] },
        { date: "2024-12-25", name: "Xmas again", intervals: null },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: ["holidays[0].intervals[1]: 2024-12-25: 13:00–15:00 overlaps 10:00–14:00", "holidays[1].date: 2024-12-25 is already listed (holidays[0])"],
    });
  });
});

describe("scheduleForChannel", () => {
  it("prefers the channel's own schedule and falls back to the default", () => {
    const schedules = [{ channel: null, name: "default" }, { channel: "chat", name: "chat" }];
    expect(scheduleForChannel(schedules, "chat")?.name).toBe("chat");
    expect(scheduleForChannel(schedules, "email")?.name).toBe("default");
  });
});

describe("performance", () => {
  it("computes at least 100,000 due times per second", () => {
    const base = at(NY, "2024-03-01T00:00").getTime();
    const starts = Array.from({ length: 100_000 }, (_, i) => new Date(base + ((i * 7919) % (60 * 24 * 60)) * 60_000));
    for (const start of starts.slice(0, 2000)) addBusinessMinutes(officeNY, start, 240); // warm the day cache
    const began = performance.now();
    for (const start of starts) addBusinessMinutes(officeNY, start, 240);
    const perSecond = starts.length / ((performance.now() - began) / 1000);
    console.log(`[business-hours] ${Math.round(perSecond).toLocaleString("en")} due times/s`);
    expect(perSecond).toBeGreaterThan(100_000);
  });
});

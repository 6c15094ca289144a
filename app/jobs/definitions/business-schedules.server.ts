// A shop's business schedules as the SLA clock needs them (rows + the shop's holidays), read-only.
// Invalid rows are skipped with a warning; without a schedule the clock runs around the clock.
import type { PrismaClient } from "@prisma/client";
import { validateBusinessSchedule, type BusinessSchedule, type DayInterval } from "../../domain/business-hours";
import type { JobLogger } from "../types";

export interface ChannelSchedule {
  channel: string | null;
  schedule: BusinessSchedule;
}

export function aroundTheClock(timezone: string): BusinessSchedule {
  return { timezone, intervals: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" })), holidays: [] };
}

export async function loadShopSchedules(db: PrismaClient, shopId: string, log: JobLogger): Promise<ChannelSchedule[]> {
  const [rows, holidays] = await Promise.all([
    db.businessSchedule.findMany({ where: { shopId } }),
    db.holiday.findMany({ where: { shopId }, orderBy: { date: "asc" } }),
  ]);
  const holidayRules = holidays.map((holiday) => ({ date: holiday.date, name: holiday.name, intervals: (holiday.intervals as DayInterval[] | null) ?? null }));
  const schedules: ChannelSchedule[] = [];
  for (const row of rows) {
    const parsed = validateBusinessSchedule({ timezone: row.timezone, intervals: row.intervals, holidays: holidayRules });
    if (parsed.ok) schedules.push({ channel: row.channel, schedule: parsed.schedule });
    else log.warn({ shopId, scheduleId: row.id, errors: parsed.errors }, "invalid business schedule skipped");
  }
  return schedules;
}

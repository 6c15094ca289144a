// The staffing heatmap: customer messages by weekday × hour in the shop's time zone. The database
// groups messages by UTC hour; each UTC hour maps to one local (weekday, hour), DST included.
import { IANAZone } from "luxon";

export interface HourBucket {
  hourStart: Date; // a UTC hour boundary
  count: number;
}

/** grid[weekday 0 = Monday … 6 = Sunday][hour 0–23] */
export type Heatmap = number[][];

export function emptyHeatmap(): Heatmap {
  return Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
}

const DAY_MS = 86_400_000;

export function heatmapFromHourBuckets(buckets: readonly HourBucket[], timeZone: string): Heatmap {
  const grid = emptyHeatmap();
  const zone = IANAZone.isValidZone(timeZone) ? IANAZone.create(timeZone) : IANAZone.create("UTC");
  // A year is 8,760 hours: ask the zone for its offset once per UTC day, and hour by hour only on
  // the days whose offset changes (DST), instead of converting every hour.
  const dayOffsets = new Map<number, number | null>();
  const offsetAt = (ms: number): number => {
    const day = Math.floor(ms / DAY_MS);
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      const start = zone.offset(day * DAY_MS);
      offset = start === zone.offset((day + 1) * DAY_MS - 1) ? start : null;
      dayOffsets.set(day, offset);
    }
    return offset ?? zone.offset(ms);
  };
  for (const bucket of buckets) {
    const ms = bucket.hourStart.getTime();
    const local = new Date(ms + offsetAt(ms) * 60_000);
    const weekday = (local.getUTCDay() + 6) % 7; // Monday = 0
    grid[weekday]![local.getUTCHours()]! += bucket.count;
  }
  return grid;
}

/** The busiest cells first: where extra staffing pays off. */
export function peakCells(grid: Heatmap, limit = 3): { weekday: number; hour: number; count: number }[] {
  return grid
    .flatMap((hours, weekday) => hours.map((count, hour) => ({ weekday, hour, count })))
    .filter((cell) => cell.count > 0)
    .sort((a, b) => b.count - a.count || a.weekday - b.weekday || a.hour - b.hour)
    .slice(0, limit);
}

// The staffing heatmap: customer messages by weekday × hour in the shop's time zone. The database
// groups messages by UTC hour; each UTC hour maps to one local (weekday, hour), DST included.
import { DateTime } from "luxon";

export interface HourBucket {
  hourStart: Date; // a UTC hour boundary
  count: number;
}

/** grid[weekday 0 = Monday … 6 = Sunday][hour 0–23] */
export type Heatmap = number[][];

export function emptyHeatmap(): Heatmap {
  return Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
}

export function heatmapFromHourBuckets(buckets: readonly HourBucket[], timeZone: string): Heatmap {
  const grid = emptyHeatmap();
  for (const bucket of buckets) {
    const local = DateTime.fromJSDate(bucket.hourStart, { zone: timeZone });
    grid[local.weekday - 1]![local.hour]! += bucket.count;
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

// Distribution summaries for the reports. Nearest-rank percentiles: the reported value is always one
// that was observed (a p90 of 41 min means 90 % of the tickets waited 41 min or less).

export interface Distribution {
  count: number;
  median: number | null;
  p90: number | null;
}

/** The nearest-rank percentile (0 < p ≤ 100) of values sorted ascending; null when there are none. */
export function nearestRank(sortedAscending: readonly number[], p: number): number | null {
  if (sortedAscending.length === 0) return null;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(sortedAscending.length, Math.max(1, rank)) - 1]!;
}

export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median: nearestRank(sorted, 50), p90: nearestRank(sorted, 90) };
}

/** Share (0–1) of `part` in `whole`; null when nothing was counted, so "no data" never reads as 0 %. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

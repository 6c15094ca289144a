import { describe, expect, it } from "vitest";
import { distribution, nearestRank } from "./percentiles";
import { firstResponseWindows, slaAttainmentBy, summarise, type MetricRow } from "./summary";
import { heatmapFromHourBuckets, peakCells } from "./heatmap";

const NOW = new Date("2026-11-23T12:00:00Z");
let sequence = 0;
function row(overrides: Partial<MetricRow>): MetricRow {
  sequence += 1;
  return {
    ticketId: `t${sequence}`,
    startedAt: new Date("2026-11-20T10:00:00Z"),
    channel: "email",
    category: "order_status",
    priority: "normal",
    severity: "L3",
    agentId: "a1",
    firstResponseMinutes: null,
    nextResponseMinutes: [],
    resolutionMinutes: null,
    resolved: false,
    reopened: false,
    firstContactResolution: null,
    handledByAutomation: false,
    slaApplied: false,
    breachedFirstResponse: false,
    breachedNextResponse: false,
    breachedResolution: false,
    ...overrides,
  };
}

describe("percentiles", () => {
  it("uses nearest rank: the value is one that was observed", () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([7], 90)).toBe(7);
    expect(distribution([])).toEqual({ count: 0, median: null, p90: null });
    expect(distribution([30, 10, 20])).toEqual({ count: 3, median: 20, p90: 30 });
  });
});

describe("firstResponseWindows", () => {
  it("counts answered tickets, and unanswered ones only once they have waited past the window", () => {
    const rows = [
      row({ firstResponseMinutes: 5 }),
      row({ firstResponseMinutes: 50 }),
      row({ firstResponseMinutes: 600 }),
      row({ firstResponseMinutes: 2000 }),
      row({ startedAt: new Date("2026-11-23T11:50:00Z") }), // waiting 10 min: not counted anywhere yet
      row({ startedAt: new Date("2026-11-23T11:00:00Z") }), // waiting 60 min: a miss for 15 min only (not > 60)
    ];
    expect(firstResponseWindows(rows, NOW)).toEqual([
      { window: 15, within: 1, counted: 5, share: 1 / 5 },
      { window: 60, within: 2, counted: 4, share: 2 / 4 },
      { window: 1440, within: 3, counted: 4, share: 3 / 4 },
    ]);
  });
});

describe("summarise", () => {
  it("hand-computed: distributions, FCR, reopen rate, automation share and SLA attainment", () => {
    const rows = [
      row({ firstResponseMinutes: 10, nextResponseMinutes: [30], resolutionMinutes: 120, resolved: true, firstContactResolution: false, slaApplied: true }),
      row({ firstResponseMinutes: 20, resolutionMinutes: 60, resolved: true, firstContactResolution: true, slaApplied: true, breachedFirstResponse: true }),
      row({ resolutionMinutes: 5, resolved: true, firstContactResolution: false, handledByAutomation: true }),
      row({ firstResponseMinutes: 40, nextResponseMinutes: [5, 15], resolutionMinutes: 3000, resolved: true, firstContactResolution: false, reopened: true, slaApplied: true, breachedResolution: true }),
      row({ firstResponseMinutes: 90, slaApplied: true }),
    ];
    const summary = summarise(rows, NOW);
    expect(summary.tickets).toBe(5);
    expect(summary.firstResponse).toEqual({ count: 4, median: 20, p90: 90 });
    expect(summary.nextResponse).toEqual({ count: 3, median: 15, p90: 30 });
    expect(summary.resolution).toEqual({ count: 4, median: 60, p90: 3000 });
    expect(summary.resolved).toBe(4);
    expect(summary.firstContactResolution).toEqual({ count: 1, rate: 0.25 });
    expect(summary.reopen).toEqual({ count: 1, rate: 0.25 });
    expect(summary.automation).toEqual({ count: 1, rate: 0.25 });
    expect(summary.sla).toMatchObject({ tickets: 4, met: 2, attainment: 0.5, breaches: { firstResponse: 1, nextResponse: 0, resolution: 1 } });
  });

  it("says 'no data' (null), not 0 %, for an empty period", () => {
    const summary = summarise([], NOW);
    expect(summary.firstContactResolution.rate).toBeNull();
    expect(summary.sla.attainment).toBeNull();
    expect(summary.firstResponseWindows.every((entry) => entry.share === null)).toBe(true);
  });
});

describe("slaAttainmentBy", () => {
  it("groups by the dimension, skipping groups without an SLA policy", () => {
    const rows = [
      row({ priority: "urgent", slaApplied: true }),
      row({ priority: "urgent", slaApplied: true, breachedFirstResponse: true }),
      row({ priority: "normal", slaApplied: true }),
      row({ priority: "low" }),
      row({ agentId: null, slaApplied: true }),
    ];
    expect(slaAttainmentBy("priority", rows).map(({ key, tickets, met }) => ({ key, tickets, met }))).toEqual([
      { key: "normal", tickets: 2, met: 2 },
      { key: "urgent", tickets: 2, met: 1 },
    ]);
    expect(slaAttainmentBy("agent", rows).map((entry) => entry.key)).toEqual(["a1", "unassigned"]);
  });
});

describe("heatmap", () => {
  it("maps UTC hours to local weekday × hour, across the DST change", () => {
    // New York: 2026-11-01 is the fall-back day. 2026-10-31T16:00Z = Saturday 12:00 EDT; 2026-11-02T17:00Z = Monday 12:00 EST.
    const grid = heatmapFromHourBuckets(
      [
        { hourStart: new Date("2026-10-31T16:00:00Z"), count: 3 },
        { hourStart: new Date("2026-11-02T17:00:00Z"), count: 5 },
        { hourStart: new Date("2026-11-02T18:00:00Z"), count: 1 },
      ],
      "America/New_York",
    );
    expect(grid[5]![12]).toBe(3);
    expect(grid[0]![12]).toBe(5);
    expect(grid[0]![13]).toBe(1);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(9);
    expect(peakCells(grid, 2)).toEqual([{ weekday: 0, hour: 12, count: 5 }, { weekday: 5, hour: 12, count: 3 }]);
  });
});

describe("heatmap over a year", () => {
  it("agrees with a per-hour conversion on every hour of a year with two DST changes, and a half-hour zone", async () => {
    const { DateTime } = await import("luxon");
    for (const zone of ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"]) {
      const start = Date.parse("2026-01-01T00:00:00Z");
      const buckets = Array.from({ length: 365 * 24 }, (_, index) => ({ hourStart: new Date(start + index * 3_600_000), count: 1 + (index % 7) }));
      const expected = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
      for (const bucket of buckets) {
        const local = DateTime.fromJSDate(bucket.hourStart, { zone });
        expected[local.weekday - 1]![local.hour]! += bucket.count;
      }
      expect(heatmapFromHourBuckets(buckets, zone)).toEqual(expected);
    }
  });
});

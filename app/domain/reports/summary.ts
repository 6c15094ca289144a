// The report's aggregates from the per-group counts (groups.ts) and the response-time distributions:
// first-response windows, SLA attainment by dimension, FCR, reopen rate, automation share, CSAT.
import { FIRST_RESPONSE_WINDOWS, type FirstResponseWindow } from "./benchmarks";
import { addGroup, emptyGroup, groupMetricRows, type MetricGroup, type MetricRow } from "./groups";
import { distribution, share, type Distribution } from "./percentiles";

export type { MetricGroup, MetricRow } from "./groups";

export interface WindowShare {
  window: FirstResponseWindow;
  within: number;
  counted: number;
  share: number | null;
}

export interface SlaAttainment {
  key: string;
  tickets: number; // tickets with an SLA policy
  met: number; // none of their targets breached
  attainment: number | null;
  breaches: { firstResponse: number; nextResponse: number; resolution: number };
}

export interface ResponseDistributions {
  firstResponse: Distribution;
  nextResponse: Distribution;
  resolution: Distribution;
}

export interface ReportSummary extends ResponseDistributions {
  tickets: number;
  firstResponseWindows: WindowShare[];
  resolved: number;
  firstContactResolution: { count: number; rate: number | null };
  reopen: { count: number; rate: number | null };
  automation: { count: number; rate: number | null };
  sla: SlaAttainment;
}

export function totalOf(groups: readonly MetricGroup[]): MetricGroup {
  return groups.reduce((total, group) => addGroup(total, group), emptyGroup({ priority: "", category: "", channel: "", agentId: null }));
}

/**
 * Share of tickets answered within each window. A ticket still unanswered counts as a miss once it
 * has waited longer than the window (calendar time until `now`); before that it is not counted yet.
 */
export function windowShares(total: MetricGroup): WindowShare[] {
  return FIRST_RESPONSE_WINDOWS.map((window) => {
    const counted = total.answered + total.waitingOver[window];
    return { window, within: total.within[window], counted, share: share(total.within[window], counted) };
  });
}

function attainment(key: string, group: MetricGroup): SlaAttainment {
  return {
    key,
    tickets: group.slaTickets,
    met: group.slaMet,
    attainment: share(group.slaMet, group.slaTickets),
    breaches: { firstResponse: group.breachFirst, nextResponse: group.breachNext, resolution: group.breachResolution },
  };
}

export type SlaDimension = "priority" | "category" | "channel" | "agent";

function keyOf(dimension: SlaDimension | "severity", group: MetricGroup): string {
  return (dimension === "agent" ? group.agentId : dimension === "severity" ? null : group[dimension]) ?? "unassigned";
}

function byDimension(dimension: SlaDimension, groups: readonly MetricGroup[]): [string, MetricGroup][] {
  const merged = new Map<string, MetricGroup>();
  for (const group of groups) {
    const key = keyOf(dimension, group);
    merged.set(key, addGroup(merged.get(key) ?? emptyGroup({ priority: "", category: "", channel: "", agentId: null }), group));
  }
  return [...merged.entries()];
}

/** SLA attainment per value of a dimension, largest groups first; groups without an SLA policy are left out. */
export function slaAttainmentByGroups(dimension: SlaDimension, groups: readonly MetricGroup[]): SlaAttainment[] {
  return byDimension(dimension, groups)
    .map(([key, group]) => attainment(key, group))
    .filter((entry) => entry.tickets > 0)
    .sort((a, b) => b.tickets - a.tickets || a.key.localeCompare(b.key));
}

/** CSAT (share of 4–5 ratings) per value of a dimension, most ratings first. */
export function csatByGroups(dimension: "agent" | "category", groups: readonly MetricGroup[]) {
  return byDimension(dimension, groups)
    .filter(([, group]) => group.csatRated > 0)
    .map(([key, group]) => ({ key, rated: group.csatRated, score: share(group.csatSatisfied, group.csatRated) }))
    .sort((a, b) => b.rated - a.rated || a.key.localeCompare(b.key));
}

export function summaryFromGroups(groups: readonly MetricGroup[], distributions: ResponseDistributions): ReportSummary {
  const total = totalOf(groups);
  return {
    tickets: total.tickets,
    ...distributions,
    firstResponseWindows: windowShares(total),
    resolved: total.resolved,
    firstContactResolution: { count: total.fcr, rate: share(total.fcr, total.resolved) },
    reopen: { count: total.reopened, rate: share(total.reopened, total.resolved) },
    automation: { count: total.automation, rate: share(total.automation, total.resolved) },
    sla: attainment("all", total),
  };
}

export function distributionsOf(rows: readonly MetricRow[]): ResponseDistributions {
  return {
    firstResponse: distribution(rows.flatMap((row) => (row.firstResponseMinutes === null ? [] : [row.firstResponseMinutes]))),
    nextResponse: distribution(rows.flatMap((row) => row.nextResponseMinutes)),
    resolution: distribution(rows.flatMap((row) => (row.resolutionMinutes === null ? [] : [row.resolutionMinutes]))),
  };
}

/** The whole summary from rows in memory (tests, small sets): the same definitions as the SQL path. */
export function summarise(rows: readonly MetricRow[], now: Date): ReportSummary {
  return summaryFromGroups(groupMetricRows(rows, now), distributionsOf(rows));
}

export function firstResponseWindows(rows: readonly MetricRow[], now: Date): WindowShare[] {
  return windowShares(totalOf(groupMetricRows(rows, now)));
}

export function slaAttainmentBy(dimension: SlaDimension, rows: readonly MetricRow[]): SlaAttainment[] {
  return slaAttainmentByGroups(dimension, groupMetricRows(rows, new Date(0)));
}

// Counts per (priority, category, channel, agent) group: what the reports aggregate. The database
// computes the same groups in one GROUP BY (app/services/reports/metric-aggregates.server.ts); this is
// the definition in code, used by the unit tests and for small sets of rows.
import { FIRST_RESPONSE_WINDOWS, type FirstResponseWindow } from "./benchmarks";

export interface MetricRow {
  ticketId: string;
  startedAt: Date; // the first customer message (or the ticket's creation)
  channel: string;
  category: string;
  priority: string;
  severity: string;
  agentId: string | null;
  firstResponseMinutes: number | null;
  nextResponseMinutes: readonly number[];
  resolutionMinutes: number | null;
  resolved: boolean;
  reopened: boolean;
  firstContactResolution: boolean | null;
  handledByAutomation: boolean;
  slaApplied: boolean;
  breachedFirstResponse: boolean;
  breachedNextResponse: boolean;
  breachedResolution: boolean;
  csatScore?: number | null; // 1–5 when the customer rated the ticket
}

export type WindowCounts = Record<FirstResponseWindow, number>;

export interface MetricGroup {
  priority: string;
  category: string;
  channel: string;
  agentId: string | null;
  tickets: number;
  resolved: number;
  fcr: number;
  reopened: number;
  automation: number;
  slaTickets: number;
  slaMet: number;
  breachFirst: number;
  breachNext: number;
  breachResolution: number;
  csatRated: number;
  csatSatisfied: number;
  /** Tickets with a first response, and how many of them came within each window. */
  answered: number;
  within: WindowCounts;
  /** Unanswered tickets (not handled by automation) that have waited longer than each window. */
  waitingOver: WindowCounts;
  resolutions: number;
  nextResponses: number;
}

const MINUTE_MS = 60_000;
const zeroWindows = (): WindowCounts => ({ 15: 0, 60: 0, 1440: 0 });

export function emptyGroup(key: Pick<MetricGroup, "priority" | "category" | "channel" | "agentId">): MetricGroup {
  return {
    ...key, tickets: 0, resolved: 0, fcr: 0, reopened: 0, automation: 0, slaTickets: 0, slaMet: 0, breachFirst: 0, breachNext: 0, breachResolution: 0,
    csatRated: 0, csatSatisfied: 0, answered: 0, within: zeroWindows(), waitingOver: zeroWindows(), resolutions: 0, nextResponses: 0,
  };
}

export function addGroup(into: MetricGroup, other: MetricGroup): MetricGroup {
  const numeric = ["tickets", "resolved", "fcr", "reopened", "automation", "slaTickets", "slaMet", "breachFirst", "breachNext", "breachResolution", "csatRated", "csatSatisfied", "answered", "resolutions", "nextResponses"] as const;
  for (const field of numeric) into[field] += other[field];
  for (const window of FIRST_RESPONSE_WINDOWS) {
    into.within[window] += other.within[window];
    into.waitingOver[window] += other.waitingOver[window];
  }
  return into;
}

export function groupMetricRows(rows: readonly MetricRow[], now: Date): MetricGroup[] {
  const groups = new Map<string, MetricGroup>();
  for (const row of rows) {
    const key = `${row.priority}\u0000${row.category}\u0000${row.channel}\u0000${row.agentId ?? ""}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = emptyGroup({ priority: row.priority, category: row.category, channel: row.channel, agentId: row.agentId })));
    group.tickets += 1;
    if (row.resolved) {
      group.resolved += 1;
      if (row.firstContactResolution === true) group.fcr += 1;
      if (row.handledByAutomation) group.automation += 1;
    }
    if (row.reopened) group.reopened += 1;
    if (row.slaApplied) {
      group.slaTickets += 1;
      if (!row.breachedFirstResponse && !row.breachedNextResponse && !row.breachedResolution) group.slaMet += 1;
      if (row.breachedFirstResponse) group.breachFirst += 1;
      if (row.breachedNextResponse) group.breachNext += 1;
      if (row.breachedResolution) group.breachResolution += 1;
    }
    if (row.csatScore != null) {
      group.csatRated += 1;
      if (row.csatScore >= 4) group.csatSatisfied += 1;
    }
    for (const window of FIRST_RESPONSE_WINDOWS) {
      if (row.firstResponseMinutes !== null) {
        if (row.firstResponseMinutes <= window) group.within[window] += 1;
      } else if (!row.handledByAutomation && (now.getTime() - row.startedAt.getTime()) / MINUTE_MS > window) {
        group.waitingOver[window] += 1;
      }
    }
    if (row.firstResponseMinutes !== null) group.answered += 1;
    if (row.resolutionMinutes !== null) group.resolutions += 1;
    group.nextResponses += row.nextResponseMinutes.length;
  }
  return [...groups.values()];
}

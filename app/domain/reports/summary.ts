// Aggregates of the stored per-ticket facts: response-time distributions, first-response windows,
// SLA attainment by dimension, first contact resolution, reopen rate and the share handled by automation.
import { FIRST_RESPONSE_WINDOWS, type FirstResponseWindow } from "./benchmarks";
import { distribution, share, type Distribution } from "./percentiles";

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

export interface ReportSummary {
  tickets: number;
  firstResponse: Distribution;
  nextResponse: Distribution;
  resolution: Distribution;
  firstResponseWindows: WindowShare[];
  resolved: number;
  firstContactResolution: { count: number; rate: number | null };
  reopen: { count: number; rate: number | null };
  automation: { count: number; rate: number | null };
  sla: SlaAttainment;
}

const MINUTE_MS = 60_000;

/**
 * Share of tickets answered within each window. A ticket still unanswered counts as a miss once it
 * has waited longer than the window (calendar time until `now`); before that it is not counted yet.
 */
export function firstResponseWindows(rows: readonly MetricRow[], now: Date): WindowShare[] {
  return FIRST_RESPONSE_WINDOWS.map((window) => {
    let within = 0;
    let counted = 0;
    for (const row of rows) {
      if (row.firstResponseMinutes !== null) {
        counted += 1;
        if (row.firstResponseMinutes <= window) within += 1;
      } else if (!row.handledByAutomation && (now.getTime() - row.startedAt.getTime()) / MINUTE_MS > window) {
        counted += 1;
      }
    }
    return { window, within, counted, share: share(within, counted) };
  });
}

export function slaAttainment(key: string, rows: readonly MetricRow[]): SlaAttainment {
  const applied = rows.filter((row) => row.slaApplied);
  const met = applied.filter((row) => !row.breachedFirstResponse && !row.breachedNextResponse && !row.breachedResolution).length;
  return {
    key,
    tickets: applied.length,
    met,
    attainment: share(met, applied.length),
    breaches: {
      firstResponse: applied.filter((row) => row.breachedFirstResponse).length,
      nextResponse: applied.filter((row) => row.breachedNextResponse).length,
      resolution: applied.filter((row) => row.breachedResolution).length,
    },
  };
}

export type SlaDimension = "priority" | "category" | "channel" | "agent";

/** SLA attainment per value of a dimension, largest groups first. */
export function slaAttainmentBy(dimension: SlaDimension, rows: readonly MetricRow[]): SlaAttainment[] {
  const groups = new Map<string, MetricRow[]>();
  for (const row of rows) {
    const key = (dimension === "agent" ? row.agentId : row[dimension]) ?? "unassigned";
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.entries()]
    .map(([key, group]) => slaAttainment(key, group))
    .filter((entry) => entry.tickets > 0)
    .sort((a, b) => b.tickets - a.tickets || a.key.localeCompare(b.key));
}

export function summarise(rows: readonly MetricRow[], now: Date): ReportSummary {
  const resolved = rows.filter((row) => row.resolved);
  const fcr = resolved.filter((row) => row.firstContactResolution === true).length;
  const reopened = rows.filter((row) => row.reopened).length;
  const automated = resolved.filter((row) => row.handledByAutomation).length;
  return {
    tickets: rows.length,
    firstResponse: distribution(rows.flatMap((row) => (row.firstResponseMinutes === null ? [] : [row.firstResponseMinutes]))),
    nextResponse: distribution(rows.flatMap((row) => row.nextResponseMinutes)),
    resolution: distribution(rows.flatMap((row) => (row.resolutionMinutes === null ? [] : [row.resolutionMinutes]))),
    firstResponseWindows: firstResponseWindows(rows, now),
    resolved: resolved.length,
    firstContactResolution: { count: fcr, rate: share(fcr, resolved.length) },
    reopen: { count: reopened, rate: share(reopened, resolved.length) },
    automation: { count: automated, rate: share(automated, resolved.length) },
    sla: slaAttainment("all", rows),
  };
}

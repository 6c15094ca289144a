// Every table of the reports page as plain rows, so the page and the CSV export show the same data.
// Column keys are stable snake_case names: the page translates them, the CSV uses them as headers.
import type { SlaAttainment } from "../../domain/reports/summary";
import type { ComplaintAnalysis } from "./complaints.server";
import type { SupportReport } from "./report.server";

export type Cell = string | number | null;
export interface ReportTable {
  key: string;
  columns: string[];
  rows: Cell[][];
}

export const REPORT_TABLE_KEYS = [
  "response_times",
  "first_response_windows",
  "sla_by_priority",
  "sla_by_category",
  "sla_by_channel",
  "sla_by_agent",
  "backlog",
  "heatmap",
  "csat_by_agent",
  "csat_by_category",
  "complaints_by_category",
  "complaints_by_severity",
  "complaint_reasons",
] as const;
export type ReportTableKey = (typeof REPORT_TABLE_KEYS)[number];

const round = (value: number | null, digits = 1) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
const percent = (value: number | null) => (value === null ? null : round(value * 100));

function slaTable(key: string, entries: SlaAttainment[], label: (key: string) => string): ReportTable {
  return {
    key,
    columns: ["group", "tickets", "met", "attainment_pct", "first_response_breaches", "next_response_breaches", "resolution_breaches"],
    rows: entries.map((entry) => [label(entry.key), entry.tickets, entry.met, percent(entry.attainment), entry.breaches.firstResponse, entry.breaches.nextResponse, entry.breaches.resolution]),
  };
}

export function reportTables(report: SupportReport, complaints: ComplaintAnalysis): ReportTable[] {
  const agentName = (id: string) => report.agents[id] ?? id;
  const { summary, previousSummary } = report;
  const distributionRow = (metric: string, current: typeof summary.firstResponse, previous: typeof summary.firstResponse): Cell[] => [
    metric, current.count, round(current.median), round(current.p90), round(previous.median), round(previous.p90),
  ];
  return [
    {
      key: "response_times",
      columns: ["metric", "count", "median_minutes", "p90_minutes", "previous_median_minutes", "previous_p90_minutes"],
      rows: [
        distributionRow("first_response", summary.firstResponse, previousSummary.firstResponse),
        distributionRow("next_response", summary.nextResponse, previousSummary.nextResponse),
        distributionRow("resolution", summary.resolution, previousSummary.resolution),
      ],
    },
    {
      key: "first_response_windows",
      columns: ["window_minutes", "within", "counted", "share_pct", "previous_share_pct", "average_shop_pct", "strong_shop_pct"],
      rows: summary.firstResponseWindows.map((entry, index) => [
        entry.window, entry.within, entry.counted, percent(entry.share), percent(previousSummary.firstResponseWindows[index]?.share ?? null),
        percent(report.benchmarks.average[entry.window]), percent(report.benchmarks.strong[entry.window]),
      ]),
    },
    slaTable("sla_by_priority", report.slaBy.priority, (key) => key),
    slaTable("sla_by_category", report.slaBy.category, (key) => key),
    slaTable("sla_by_channel", report.slaBy.channel, (key) => key),
    slaTable("sla_by_agent", report.slaBy.agent, agentName),
    { key: "backlog", columns: ["age", "open_tickets"], rows: report.backlog.buckets.map((bucket) => [bucket.key, bucket.count]) },
    {
      key: "heatmap",
      columns: ["weekday", ...Array.from({ length: 24 }, (_, hour) => `h${String(hour).padStart(2, "0")}`)],
      rows: report.heatmap.map((hours, weekday) => [["mon", "tue", "wed", "thu", "fri", "sat", "sun"][weekday]!, ...hours]),
    },
    { key: "csat_by_agent", columns: ["group", "rated", "csat_pct"], rows: report.feedback.csatByAgent.map((entry) => [agentName(entry.key), entry.rated, percent(entry.score)]) },
    { key: "csat_by_category", columns: ["group", "rated", "csat_pct"], rows: report.feedback.csatByCategory.map((entry) => [entry.key, entry.rated, percent(entry.score)]) },
    { key: "complaints_by_category", columns: ["category", ...complaints.labels], rows: complaints.byCategory.map((series) => [series.key, ...series.counts]) },
    { key: "complaints_by_severity", columns: ["severity", ...complaints.labels], rows: complaints.bySeverity.map((series) => [series.key, ...series.counts]) },
    {
      key: "complaint_reasons",
      columns: ["reason", "category", ...complaints.months, "total", "rising", "examples"],
      rows: complaints.reasons.map((trend) => [
        trend.reason, trend.category, ...trend.counts, trend.total, trend.rising ? "yes" : "no", trend.examples.map((example) => `#${example.number}`).join(" "),
      ]),
    },
  ];
}

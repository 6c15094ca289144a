// What the reports page and its CSV export need, from the URL's parameters.
import type { PrismaClient, Shop } from "@prisma/client";
import type { DatabaseProvider } from "../../db/create-client.server";
import { scheduleReportMetricsRefresh } from "../../jobs/definitions/report-metrics.server";
import type { JobQueue } from "../../jobs/types";
import { complaintExportRows, loadComplaintAnalysis, type ComplaintGranularity } from "./complaints.server";
import { parseReportPeriod } from "./period";
import { loadSupportReport } from "./report.server";
import { REPORT_TABLE_KEYS, reportTables, type ReportTableKey } from "./tables";

export { ReportPeriodError } from "./period";

export interface ReportsPageInput {
  db: PrismaClient;
  provider: DatabaseProvider;
  shop: Pick<Shop, "id" | "ianaTimezone">;
  params: URLSearchParams;
  now: Date;
  queue: JobQueue;
}

export async function loadReportsPage({ db, provider, shop, params, now, queue }: ReportsPageInput) {
  const period = parseReportPeriod({ from: params.get("from"), to: params.get("to") }, shop.ianaTimezone, now);
  const granularity: ComplaintGranularity = params.get("complaints") === "week" ? "week" : "month";
  const [report, complaints] = await Promise.all([
    loadSupportReport(db, { shopId: shop.id, provider, timeZone: shop.ianaTimezone, period, now }),
    loadComplaintAnalysis(db, { shopId: shop.id, timeZone: shop.ianaTimezone, now, granularity }),
  ]);
  // The page refreshed what changed; a background full check completes the rest and catches anything missed.
  await scheduleReportMetricsRefresh(queue, shop.id, now);
  return { report, complaints, tables: reportTables(report, complaints) };
}

export type ReportExportKey = ReportTableKey | "complaint_tickets";

export function isReportExportKey(value: string | null): value is ReportExportKey {
  return value === "complaint_tickets" || (REPORT_TABLE_KEYS as readonly string[]).includes(value ?? "");
}

/** The rows of one exported table, header first, and the file name (table and period). */
export async function reportExport(input: ReportsPageInput, key: ReportExportKey): Promise<{ filename: string; rows: unknown[][] }> {
  const period = parseReportPeriod({ from: input.params.get("from"), to: input.params.get("to") }, input.shop.ianaTimezone, input.now);
  const filename = `shopdesk-${key}-${period.fromDate}_${period.toDate}.csv`;
  if (key === "complaint_tickets") return { filename, rows: await complaintExportRows(input.db, input.shop.id, period.from, period.to) };
  const { tables } = await loadReportsPage(input);
  const table = tables.find((entry) => entry.key === key)!;
  return { filename, rows: [table.columns, ...table.rows] };
}

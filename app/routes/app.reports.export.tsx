// CSV export of any report table (the same rows the page shows), or of the complaint tickets.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { env } from "../env.server";
import { databaseProvider } from "../db/create-client.server";
import { getJobQueue } from "../jobs/queue.server";
import { adminRequestContext } from "../services/request-context.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { isReportExportKey, ReportPeriodError, reportExport } from "../services/reports/reports-page.server";
import { toCsv } from "../services/reports/csv";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => {
    const { shop } = await adminRequestContext(prisma, session);
    const params = new URL(request.url).searchParams;
    const key = params.get("table");
    if (!isReportExportKey(key)) return json({ message: `Unknown table "${key ?? ""}"` }, { status: 400 });
    try {
      const { filename, rows } = await reportExport({ db: prisma, provider: databaseProvider(env.DATABASE_URL), shop, params, now: new Date(), queue: getJobQueue() }, key);
      // The byte-order mark makes Excel read the UTF-8 (Chinese reasons and subjects) correctly.
      return new Response(`\uFEFF${toCsv(rows)}`, {
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
      });
    } catch (error) {
      if (error instanceof ReportPeriodError) return json({ message: error.message }, { status: 400 });
      throw error;
    }
  });
};

// The reports page and its CSV export through the real route handlers (authenticated admin requests).
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { loader as reportsLoader } from "../../app/routes/app.reports._index";
import { loader as exportLoader } from "../../app/routes/app.reports.export";
import { adminRequest } from "../helpers/admin-request";
import { seedReportShop } from "./report-fixture";

async function thrown(promise: Promise<unknown>): Promise<Response> {
  const result = await promise.then(
    (value) => value,
    (error: unknown) => error,
  );
  expect(result).toBeInstanceOf(Response);
  return result as Response;
}

describe("/app/reports", () => {
  it("serves the report of the requested period, scoped to the shop", async () => {
    const { shop } = await seedReportShop(prisma);
    const response = (await reportsLoader({ request: await adminRequest(shop.domain, "/app/reports?from=2026-11-16&to=2026-11-22"), params: {}, context: {} })) as Response;
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.report.period).toMatchObject({ fromDate: "2026-11-16", toDate: "2026-11-22", days: 7 });
    expect(body.report.summary.tickets).toBe(3);
    expect(body.tables.map((table: { key: string }) => table.key)).toContain("sla_by_agent");
  });

  it("answers 400 with a message for a malformed or reversed date range", async () => {
    const { shop } = await seedReportShop(prisma);
    const malformed = await thrown(reportsLoader({ request: await adminRequest(shop.domain, "/app/reports?from=16.11.2026"), params: {}, context: {} }));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).message).toMatch(/is not a date/);
    const reversed = await thrown(reportsLoader({ request: await adminRequest(shop.domain, "/app/reports?from=2026-11-22&to=2026-11-01"), params: {}, context: {} }));
    expect(reversed.status).toBe(400);
  });
});

describe("/app/reports/export", () => {
  it("exports a table as CSV with the same rows as the page", async () => {
    const { shop } = await seedReportShop(prisma);
    const response = (await exportLoader({ request: await adminRequest(shop.domain, "/app/reports/export?table=sla_by_priority&from=2026-11-16&to=2026-11-22"), params: {}, context: {} })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="shopdesk-sla_by_priority-2026-11-16_2026-11-22.csv"');
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toEqual([
      "group,tickets,met,attainment_pct,first_response_breaches,next_response_breaches,resolution_breaches",
      "normal,2,1,50,1,0,0",
    ]);
  });

  it("exports the complaint tickets and refuses unknown tables", async () => {
    const { shop } = await seedReportShop(prisma);
    const tickets = (await exportLoader({ request: await adminRequest(shop.domain, "/app/reports/export?table=complaint_tickets&from=2026-10-01&to=2026-10-31"), params: {}, context: {} })) as Response;
    expect((await tickets.text()).split("\r\n")[1]).toMatch(/^#\d+,2026-10-14T10:00:00.000Z,damaged_wrong_missing,L3,packaging damaged; crushed,Ticket \d+$/);
    const unknown = (await exportLoader({ request: await adminRequest(shop.domain, "/app/reports/export?table=secrets"), params: {}, context: {} })) as Response;
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).message).toBe('Unknown table "secrets"');
  });
});

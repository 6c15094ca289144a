// The reports against a hand-computed shop (report-fixture.ts) on the real database.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { databaseProvider } from "../../app/db/create-client.server";
import { loadComplaintAnalysis, complaintExportRows } from "../../app/services/reports/complaints.server";
import { parseReportPeriod } from "../../app/services/reports/period";
import { distributionsOf } from "../../app/domain/reports/summary";
import { loadSupportReport } from "../../app/services/reports/report.server";
import { refreshTicketMetrics } from "../../app/services/reports/ticket-metrics.server";
import { REPORT_NOW, REPORT_PARAMS, seedReportShop } from "./report-fixture";

const provider = databaseProvider(process.env.DATABASE_URL!);

async function reportFor(shopId: string) {
  const period = parseReportPeriod(REPORT_PARAMS, "Europe/Berlin", REPORT_NOW);
  return loadSupportReport(prisma, { shopId, provider, timeZone: "Europe/Berlin", period, now: REPORT_NOW });
}

describe("support report", () => {
  it("matches the hand-computed numbers", async () => {
    // GIVEN the fixture shop
    const { shop, agent } = await seedReportShop(prisma);

    // WHEN its report for 16–22 November is loaded
    const report = await reportFor(shop.id);

    // THEN response times: first responses 20 and 60 min (the auto-acknowledgement does not count), next 40, resolutions 120 and 90
    expect(report.summary.tickets).toBe(3);
    expect(report.summary.firstResponse).toEqual({ count: 2, median: 20, p90: 60 });
    expect(report.summary.nextResponse).toEqual({ count: 1, median: 40, p90: 40 });
    expect(report.summary.resolution).toEqual({ count: 2, median: 90, p90: 120 });
    // AND the windows count the unanswered ticket C as a miss
    expect(report.summary.firstResponseWindows.map((entry) => [entry.window, entry.within, entry.counted])).toEqual([[15, 0, 3], [60, 2, 3], [1440, 2, 3]]);
    // AND FCR (B only), no reopenings, no automation-only tickets; SLA: A met, B breached its first response
    expect(report.summary.firstContactResolution).toEqual({ count: 1, rate: 0.5 });
    expect(report.summary.reopen).toEqual({ count: 0, rate: 0 });
    expect(report.summary.sla).toMatchObject({ tickets: 2, met: 1, attainment: 0.5, breaches: { firstResponse: 1, nextResponse: 0, resolution: 0 } });
    expect(report.slaBy.agent).toEqual([expect.objectContaining({ key: agent.id, tickets: 2, met: 1 })]);
    expect(report.agents[agent.id]).toBe("Mei Chen");
    // AND the previous week holds ticket F only (first response 10 min)
    expect(report.previous).toMatchObject({ fromDate: "2026-11-09", toDate: "2026-11-15" });
    expect(report.previousSummary.firstResponse).toEqual({ count: 1, median: 10, p90: 10 });
    // AND the heatmap in Berlin time: Monday 09:00 and 10:00, Tuesday 11:00, Wednesday 11:00
    expect(report.heatmap[0]![9]).toBe(1);
    expect(report.heatmap[0]![10]).toBe(1);
    expect(report.heatmap[1]![11]).toBe(1);
    expect(report.heatmap[2]![11]).toBe(1);
    expect(report.heatmap.flat().reduce((sum, count) => sum + count, 0)).toBe(4);
    // AND the backlog now: ticket C, five days old
    expect(report.backlog.open).toBe(1);
    expect(report.backlog.buckets.find((bucket) => bucket.key === "3d_7d")?.count).toBe(1);
    // AND CSAT: one rating of 5
    expect(report.feedback.csat).toMatchObject({ rated: 1, satisfied: 1, score: 1 });
    expect(report.metricsPending).toBe(false);
  });

  it("recomputes a ticket's facts when it changes or a breach is recorded", async () => {
    // GIVEN computed facts
    const { shop, a, b } = await seedReportShop(prisma);
    await refreshTicketMetrics(prisma, shop.id, { now: REPORT_NOW });
    expect(await refreshTicketMetrics(prisma, shop.id, { now: REPORT_NOW })).toMatchObject({ refreshed: 0, more: false });
    expect(await refreshTicketMetrics(prisma, shop.id, { now: REPORT_NOW, mode: "incremental" })).toMatchObject({ refreshed: 0, more: false });

    // WHEN ticket A is recategorised and later breaches its resolution target
    await prisma.ticket.update({ where: { id: a.id }, data: { category: "complaint" } });
    await prisma.ticketEvent.create({ data: { shopId: shop.id, ticketId: a.id, type: "sla_breach", data: { target: "resolution" }, dedupeKey: "a-res", createdAt: new Date(REPORT_NOW.getTime() + 1000) } });
    const later = new Date(REPORT_NOW.getTime() + 2000);

    // THEN only A is recomputed, with both changes, found from the last refresh's watermark
    expect(await refreshTicketMetrics(prisma, shop.id, { now: later, mode: "incremental" })).toMatchObject({ refreshed: 1, more: false, lastId: a.id });
    expect(await refreshTicketMetrics(prisma, shop.id, { now: later, mode: "full" })).toMatchObject({ refreshed: 0 });
    expect(await prisma.ticketMetric.findUnique({ where: { ticketId: a.id } })).toMatchObject({ category: "complaint", breachedResolution: true });

    // AND a breach recorded on an unchanged ticket is found too
    await prisma.ticketEvent.create({ data: { shopId: shop.id, ticketId: b.id, type: "sla_breach", data: { target: "next_response" }, dedupeKey: "b-next", createdAt: new Date(later.getTime() + 1000) } });
    expect(await refreshTicketMetrics(prisma, shop.id, { now: new Date(later.getTime() + 2000), mode: "incremental" })).toMatchObject({ refreshed: 1, lastId: b.id });
    expect(await prisma.ticketMetric.findUnique({ where: { ticketId: b.id } })).toMatchObject({ breachedFirstResponse: true, breachedNextResponse: true });
  });

  it("never counts another shop's tickets or merged tickets", async () => {
    const { shop, other } = await seedReportShop(prisma);
    await refreshTicketMetrics(prisma, shop.id, { now: REPORT_NOW });
    const metrics = await prisma.ticketMetric.findMany({ where: { shopId: shop.id }, select: { ticketId: true } });
    const merged = await prisma.ticket.findMany({ where: { shopId: shop.id, mergedIntoId: { not: null } }, select: { id: true } });
    expect(metrics.map((row) => row.ticketId)).not.toContain(merged[0]!.id);
    expect(await prisma.ticketMetric.count({ where: { shopId: other.id } })).toBe(0);
    const otherReport = await reportFor(other.id);
    expect(otherReport.summary.tickets).toBe(1);
    expect(otherReport.summary.firstResponse.median).toBe(1);
  });
});

describe("long periods", () => {
  it("give the same percentiles through the value indexes as sorting the period's values in memory", async () => {
    // GIVEN the fixture shop with more tickets of varied response times over the year
    const { shop } = await seedReportShop(prisma);
    for (let index = 0; index < 30; index++) {
      const start = new Date(Date.UTC(2026, 3 + (index % 7), 1 + index, 9));
      const minute = 60_000;
      await prisma.ticket.create({
        data: {
          shopId: shop.id, number: 6000 + index, subject: `Spread ${index}`, status: "resolved", createdAt: start, resolvedAt: new Date(start.getTime() + (300 + index * 37) * minute),
          messages: { create: [
            { shopId: shop.id, direction: "inbound", authorType: "customer", bodyText: "?", channel: "email", createdAt: start },
            { shopId: shop.id, direction: "outbound", authorType: "agent", bodyText: "!", channel: "email", createdAt: new Date(start.getTime() + (5 + ((index * 13) % 41)) * minute) },
            { shopId: shop.id, direction: "inbound", authorType: "customer", bodyText: "?", channel: "email", createdAt: new Date(start.getTime() + 100 * minute) },
            { shopId: shop.id, direction: "outbound", authorType: "agent", bodyText: "!", channel: "email", createdAt: new Date(start.getTime() + (100 + ((index * 7) % 29)) * minute) },
          ] },
        },
      });
    }
    // WHEN a 200-day report is computed (the index walk) and the same period's facts are summarised in memory
    const period = parseReportPeriod({ from: "2026-05-06", to: "2026-11-21" }, "Europe/Berlin", REPORT_NOW);
    expect(period.days).toBeGreaterThan(120);
    const report = await loadSupportReport(prisma, { shopId: shop.id, provider, timeZone: "Europe/Berlin", period, now: REPORT_NOW });
    const rows = await prisma.ticketMetric.findMany({ where: { shopId: shop.id, startedAt: { gte: period.from, lt: period.to } } });
    const inMemory = distributionsOf(rows.map((row) => ({ ...row, nextResponseMinutes: row.nextResponseMinutes as number[] })));
    // THEN both agree
    expect(report.summary.firstResponse).toEqual(inMemory.firstResponse);
    expect(report.summary.nextResponse).toEqual(inMemory.nextResponse);
    expect(report.summary.resolution).toEqual(inMemory.resolution);
    expect(report.summary.firstResponse.count).toBeGreaterThan(20);
  });
});

describe("business hours", () => {
  it("counts business minutes for a ticket whose policy counts business hours", async () => {
    // GIVEN a shop open Monday–Friday 09:00–17:00 in Berlin and a business-hours policy
    const { shop } = await seedReportShop(prisma);
    await prisma.businessSchedule.create({ data: { shopId: shop.id, name: "Support", timezone: "Europe/Berlin", intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) } });
    const policy = await prisma.slaPolicy.create({ data: { shopId: shop.id, name: "Business", position: 1, firstResponseMinutes: 120, businessHoursOnly: true } });
    // WHEN a customer writes Friday 16:30 Berlin and the reply comes Monday 09:30 Berlin
    const ticket = await prisma.ticket.create({
      data: {
        shopId: shop.id, number: 5001, subject: "Weekend wait", slaPolicyId: policy.id, createdAt: new Date("2026-11-20T15:30:00Z"),
        messages: { create: [
          { shopId: shop.id, direction: "inbound", authorType: "customer", bodyText: "Hello?", channel: "email", createdAt: new Date("2026-11-20T15:30:00Z") },
          { shopId: shop.id, direction: "outbound", authorType: "agent", bodyText: "Hi!", channel: "email", createdAt: new Date("2026-11-23T08:30:00Z") },
        ] },
      },
    });
    await refreshTicketMetrics(prisma, shop.id, { now: REPORT_NOW });
    // THEN the first response took 60 business minutes (30 on Friday, 30 on Monday), not 2 days and 17 hours
    expect((await prisma.ticketMetric.findUniqueOrThrow({ where: { ticketId: ticket.id } })).firstResponseMinutes).toBe(60);
  });
});

describe("complaint analysis", () => {
  it("counts complaint tickets per month and lists their reasons with examples", async () => {
    const { shop, complaint } = await seedReportShop(prisma);
    const analysis = await loadComplaintAnalysis(prisma, { shopId: shop.id, timeZone: "Europe/Berlin", now: REPORT_NOW, granularity: "month" });
    expect(analysis.labels).toEqual(["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]);
    expect(analysis.byCategory.find((series) => series.key === "damaged_wrong_missing")?.counts).toEqual([0, 0, 0, 0, 0, 1]);
    expect(analysis.reasons.map((trend) => trend.reason).sort()).toEqual(["crushed", "packaging damaged"]);
    expect(analysis.reasons[0]!.examples).toEqual([{ id: complaint.id, number: complaint.number, subject: complaint.subject }]);

    const weekly = await loadComplaintAnalysis(prisma, { shopId: shop.id, timeZone: "Europe/Berlin", now: REPORT_NOW, granularity: "week" });
    expect(weekly.labels).toHaveLength(12);
    expect(weekly.labels.at(-1)).toBe("2026-W47");

    const rows = await complaintExportRows(prisma, shop.id, new Date("2026-10-01T00:00:00Z"), new Date("2026-11-01T00:00:00Z"));
    expect(rows).toEqual([
      ["ticket", "created_at", "category", "severity", "reasons", "subject"],
      [`#${complaint.number}`, "2026-10-14T10:00:00.000Z", "damaged_wrong_missing", "L3", "packaging damaged; crushed", complaint.subject],
    ]);
  });
});

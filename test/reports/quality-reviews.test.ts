// Internal quality reviews through the real route: supervisors only, rubric validated, the review
// counted in the report's IQS.
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { action, loader } from "../../app/routes/app.reports.quality";
import { adminRequest } from "../helpers/admin-request";
import { seedReportShop } from "./report-fixture";

const RUBRIC = { solution: "5", process: "4", empathy: "4", clarity: "5", efficiency: "2" };

async function post(domain: string, fields: Record<string, string>): Promise<Response> {
  const request = await adminRequest(domain, "/app/reports/quality", { method: "POST", body: new URLSearchParams(fields) });
  return (await action({ request, params: {}, context: {} })) as Response;
}

/** The role of the staff member the test requests come from (not the fixture's agent 777). */
async function setRole(shopId: string, role: string) {
  await prisma.agent.updateMany({ where: { shopId, shopifyStaffId: { not: "777" } }, data: { role } });
}

async function sampleOf(domain: string) {
  const response = (await loader({ request: await adminRequest(domain, "/app/reports/quality?from=2026-11-16&to=2026-11-22"), params: {}, context: {} })) as Response;
  return (await response.json()) as { sample: { id: string; number: number }[]; canReview: boolean };
}

describe("/app/reports/quality", () => {
  it("lets a supervisor score a sampled conversation; the review shows in the report's IQS", async () => {
    const { shop, a, b } = await seedReportShop(prisma);
    await sampleOf(shop.domain); // the staff member's first request creates their agent row
    await setRole(shop.id, "agent");
    const first = await sampleOf(shop.domain);
    expect(first.canReview).toBe(false);
    expect(first.sample.map((ticket) => ticket.id).sort()).toEqual([a.id, b.id].sort());
    await setRole(shop.id, "supervisor");

    const saved = await post(shop.domain, { ticketId: a.id, ...RUBRIC, comment: "Good fix, slow follow-up" });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ ok: true, totalScore: 80 });

    const after = await sampleOf(shop.domain);
    expect(after.canReview).toBe(true);
    expect(after.sample.map((ticket) => ticket.id)).toEqual([b.id]);
    const review = await prisma.qualityReview.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(review).toMatchObject({ ticketId: a.id, totalScore: 80, comment: "Good fix, slow follow-up" });
  });

  it("refuses agents (403), missing scores (400, per item) and another shop's ticket (404)", async () => {
    const { shop, a } = await seedReportShop(prisma);
    await sampleOf(shop.domain);
    await setRole(shop.id, "agent");
    const asAgent = await post(shop.domain, { ticketId: a.id, ...RUBRIC });
    expect(asAgent.status).toBe(403);
    await setRole(shop.id, "admin");

    const incomplete = await post(shop.domain, { ticketId: a.id, solution: "5", process: "9" });
    expect(incomplete.status).toBe(400);
    expect((await incomplete.json()).errors).toEqual({ process: "Choose a score from 1 to 5.", empathy: "Choose a score from 1 to 5.", clarity: "Choose a score from 1 to 5.", efficiency: "Choose a score from 1 to 5." });

    const other = await seedReportShop(prisma);
    const foreign = await post(shop.domain, { ticketId: other.a.id, ...RUBRIC });
    expect(foreign.status).toBe(404);
    expect(await prisma.qualityReview.count({ where: { shopId: { in: [shop.id, other.shop.id] } } })).toBe(0);
  });
});

// The demo shop's reply templates: the starter library (as a real shop gets it on first use), plus a
// little history so every state shows in the demo: usage counts, approvals by the supervisor, one
// sensitive template still waiting for approval, one overdue for review.
import type { PrismaClient } from "@prisma/client";
import { seedTemplateLibrary } from "../../app/models/templates-seed.server";
import { SEEDED_TEMPLATES } from "../../app/domain/templates/library";

const DAY_MS = 86_400_000;

export async function seedDemoTemplates(db: PrismaClient, shopId: string, now = new Date()): Promise<void> {
  await seedTemplateLibrary(db, shopId, now);
  const templates = await db.template.findMany({ where: { shopId }, orderBy: { name: "asc" } });
  const approver = await db.agent.findFirst({ where: { shopId, role: { in: ["supervisor", "admin"] } }, orderBy: { name: "asc" } });
  const order = new Map(SEEDED_TEMPLATES.map((template, index) => [template.name, index]));
  let pendingLeft = true;
  for (const template of templates) {
    const index = order.get(template.name) ?? 0;
    // Earlier library entries are the everyday ones: they get used most.
    await db.template.update({ where: { id: template.id }, data: { usageCount: Math.max(0, 60 - index * 2) } });
    if (!template.sensitive || !approver) continue;
    if (pendingLeft) {
      pendingLeft = false; // the first sensitive template waits for the supervisor
      continue;
    }
    await db.templateApproval.create({
      data: { shopId, templateId: template.id, templateVersion: template.version, approverAgentId: approver.id, decision: "approved", createdAt: new Date(now.getTime() - 7 * DAY_MS) },
    });
    await db.template.update({ where: { id: template.id }, data: { approvedVersion: template.version } });
  }
  const stale = templates.find((template) => !template.sensitive && (order.get(template.name) ?? 0) > 20);
  if (stale) await db.template.update({ where: { id: stale.id }, data: { lastReviewedAt: new Date(now.getTime() - 120 * DAY_MS) } });
}

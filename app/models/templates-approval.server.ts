// Approval of sensitive templates (refunds above a threshold, policy exceptions, public statements):
// a supervisor or admin approves one version; any later edit makes a new version that needs approval
// again. TemplateApproval rows are the log: who decided on which version, when.
import type { Agent, PrismaClient } from "@prisma/client";
import { isApproved } from "./templates.server";
import { TemplateInputError } from "./templates-input.server";

export const APPROVER_ROLES: readonly string[] = ["supervisor", "admin"];

export function canApprove(agent: Pick<Agent, "role"> | null): boolean {
  return agent !== null && APPROVER_ROLES.includes(agent.role);
}

export interface ApprovalLogEntry {
  id: string;
  templateVersion: number;
  decision: string;
  note: string | null;
  approverName: string;
  createdAt: string;
}

export async function recordApprovalDecision(
  db: PrismaClient,
  input: {
    shopId: string;
    templateId: string;
    agent: Pick<Agent, "id" | "role"> | null;
    /** The version the supervisor looked at: approving a newer one they have not seen is refused. */
    version: number;
    decision: "approved" | "rejected";
    note?: string | null;
    now?: Date;
  },
): Promise<void> {
  if (!canApprove(input.agent)) throw new TemplateInputError(403, { approval: "Only a supervisor or an admin can approve templates" });
  const template = await db.template.findFirst({ where: { id: input.templateId, shopId: input.shopId } });
  if (!template) throw new TemplateInputError(404, { template: "Template not found" });
  if (template.version !== input.version) {
    throw new TemplateInputError(409, { version: `The template changed to version ${template.version}; review it again before deciding` });
  }
  const now = input.now ?? new Date();
  await db.$transaction([
    db.templateApproval.create({
      data: {
        shopId: input.shopId,
        templateId: template.id,
        templateVersion: template.version,
        approverAgentId: input.agent!.id,
        decision: input.decision,
        note: input.note?.trim() ? input.note.trim().slice(0, 500) : null,
        createdAt: now,
      },
    }),
    // Only this exact version becomes usable; a rejection withdraws an earlier approval of it.
    db.template.updateMany({
      where: { id: template.id, shopId: input.shopId, version: template.version },
      data: { approvedVersion: input.decision === "approved" ? template.version : null },
    }),
  ]);
}

export async function approvalLog(db: PrismaClient, shopId: string, templateId: string): Promise<ApprovalLogEntry[]> {
  const rows = await db.templateApproval.findMany({ where: { shopId, templateId }, orderBy: { createdAt: "desc" } });
  const agents = await db.agent.findMany({ where: { shopId, id: { in: [...new Set(rows.map((row) => row.approverAgentId))] } }, select: { id: true, name: true } });
  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  return rows.map((row) => ({
    id: row.id,
    templateVersion: row.templateVersion,
    decision: row.decision,
    note: row.note,
    approverName: names.get(row.approverAgentId) ?? "—",
    createdAt: row.createdAt.toISOString(),
  }));
}

export type TemplateSendCheck =
  | { ok: true; templateId: string }
  | { ok: false; reason: "not_found" | "archived" | "needs_approval"; message: string };

/** Whether a reply may go out as this template (checked again at send time, not only in the UI). */
export async function checkTemplateSendable(db: PrismaClient, shopId: string, templateId: string): Promise<TemplateSendCheck> {
  const template = await db.template.findFirst({
    where: { id: templateId, shopId },
    select: { id: true, name: true, status: true, sensitive: true, version: true, approvedVersion: true },
  });
  if (!template) return { ok: false, reason: "not_found", message: "This template no longer exists." };
  if (template.status !== "active") return { ok: false, reason: "archived", message: `The template "${template.name}" is archived and cannot be sent.` };
  if (!isApproved(template)) {
    return {
      ok: false,
      reason: "needs_approval",
      message: `The template "${template.name}" is sensitive and its current version (${template.version}) has not been approved by a supervisor yet.`,
    };
  }
  return { ok: true, templateId: template.id };
}

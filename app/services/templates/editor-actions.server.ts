// The editor's actions (new and edit pages): JSON in, JSON out. Model errors become their status with
// `{ errors, syntaxErrors }` (400 for Liquid that does not parse, 422 for fields, 403, 404, 409).
import { json, redirect } from "@remix-run/node";
import type { Agent, PrismaClient } from "@prisma/client";
import { recordApprovalDecision } from "../../models/templates-approval.server";
import { TemplateInputError } from "../../models/templates-input.server";
import { createTemplate, duplicateTemplate, markTemplateReviewed, setTemplateStatus, updateTemplate } from "../../models/templates.server";

export type EditorActionResult =
  | { ok: true; intent: string; version?: number }
  | { ok: false; errors: Record<string, string>; syntaxErrors: TemplateInputError["syntaxErrors"] };

export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await request.json();
    if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw json<EditorActionResult>({ ok: false, errors: { form: "Send a JSON object" }, syntaxErrors: [] }, { status: 400 });
}

function failure(error: unknown) {
  if (!(error instanceof TemplateInputError)) throw error;
  return json<EditorActionResult>({ ok: false, errors: error.errors, syntaxErrors: error.syntaxErrors }, { status: error.status });
}

export async function handleCreate(db: PrismaClient, shopId: string, body: Record<string, unknown>) {
  try {
    const template = await createTemplate(db, shopId, body.template);
    return redirect(`/app/templates/${template.id}`);
  } catch (error) {
    return failure(error);
  }
}

export async function handleTemplateIntent(
  db: PrismaClient,
  context: { shopId: string; agent: Agent | null; templateId: string },
  body: Record<string, unknown>,
) {
  const { shopId, templateId, agent } = context;
  const intent = typeof body.intent === "string" ? body.intent : "";
  try {
    switch (intent) {
      case "save": {
        const expectedVersion = typeof body.expectedVersion === "number" ? body.expectedVersion : undefined;
        const saved = await updateTemplate(db, shopId, templateId, body.template, { expectedVersion });
        return json<EditorActionResult>({ ok: true, intent, version: saved.version });
      }
      case "approve":
      case "reject":
        await recordApprovalDecision(db, {
          shopId, templateId, agent,
          version: typeof body.version === "number" ? body.version : -1,
          decision: intent === "approve" ? "approved" : "rejected",
          note: typeof body.note === "string" ? body.note : null,
        });
        return json<EditorActionResult>({ ok: true, intent });
      case "markReviewed":
        await markTemplateReviewed(db, shopId, templateId);
        return json<EditorActionResult>({ ok: true, intent });
      case "archive":
      case "unarchive":
        await setTemplateStatus(db, shopId, templateId, intent === "archive" ? "archived" : "active");
        return json<EditorActionResult>({ ok: true, intent });
      case "duplicate": {
        const copy = await duplicateTemplate(db, shopId, templateId);
        return redirect(`/app/templates/${copy.id}`);
      }
      default:
        return json<EditorActionResult>({ ok: false, errors: { intent: "Unknown intent" }, syntaxErrors: [] }, { status: 422 });
    }
  } catch (error) {
    return failure(error);
  }
}

/** Recent tickets of the shop, to preview a template with real data. */
export async function previewTicketOptions(db: PrismaClient, shopId: string) {
  const tickets = await db.ticket.findMany({
    where: { shopId, mergedIntoId: null },
    orderBy: { lastActivityAt: "desc" },
    take: 25,
    select: { id: true, number: true, subject: true },
  });
  return tickets;
}

// Resource route: POST renders a template (templateId) or an unsaved draft (body, language) against
// a ticket's real data. Answers the text, missing values, prompts and warnings (see preview.server.ts).
import { json, type ActionFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { adminRequestContext } from "../services/request-context.server";
import { previewTemplate } from "../services/templates/preview.server";
import { authenticate } from "../shopify.server";

const PROMPT_FIELD = /^prompt\.([a-z][a-z0-9_]{0,63})$/;

function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await request.formData();
  return withServiceErrors(async () => {
    const { shop, agent, admin } = await adminRequestContext(prisma, session);
    const ticketId = field(form, "ticketId");
    if (!ticketId) return json({ ok: false as const, error: "Choose a ticket to preview with" }, { status: 422 });
    const promptValues: Record<string, string> = {};
    for (const [name, value] of form.entries()) {
      const match = PROMPT_FIELD.exec(name);
      if (match?.[1] && typeof value === "string") promptValues[match[1]] = value;
    }
    const draftBody = form.has("body") ? field(form, "body") : null;
    const result = await previewTemplate({
      db: prisma,
      shop,
      agent,
      admin,
      ticketId,
      templateId: draftBody === null ? field(form, "templateId") || null : null,
      draft: draftBody === null ? null : { body: draftBody, subject: field(form, "subject") || null, language: field(form, "language") || "en" },
      language: field(form, "language") || null,
      orderId: field(form, "orderId") || null,
      promptValues,
    });
    if (!result.ok) return json({ ok: false as const, error: result.error }, { status: result.status });
    return json(result);
  });
};

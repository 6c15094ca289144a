// Renders a saved template (or an unsaved draft from the editor) against a ticket's real data through
// the sandboxed domain engine: the text the customer would receive, the values that are missing
// (they block sending unless the template gives a fallback), the prompts to fill, length warnings.
import type { Agent, PrismaClient, Shop } from "@prisma/client";
import { buildTemplateContext } from "../../domain/templates/context";
import { renderTemplate, type RenderResult } from "../../domain/templates/engine";
import { chooseVariantLanguage } from "../../domain/templates/language";
import type { PromptValues } from "../../domain/templates/prompts";
import { findTemplate, isApproved } from "../../models/templates.server";
import type { AdminClient } from "../../shopify/admin-client.server";
import { loadReplyContext, withSupportHours, type ReplyOrderChoice } from "./reply-context.server";

export interface PreviewRequest {
  db: PrismaClient;
  shop: Shop;
  agent: Pick<Agent, "name"> | null;
  ticketId: string;
  /** A saved template; its variant is chosen by the customer's language unless `language` is given. */
  templateId?: string | null;
  /** Unsaved text from the editor (used instead of the saved variant). */
  draft?: { body: string; subject?: string | null; language: string } | null;
  language?: string | null;
  orderId?: string | null;
  promptValues?: PromptValues;
  admin?: AdminClient | null;
  now?: Date;
}

export type PreviewResponse =
  | {
      ok: true;
      template: { id: string; name: string; sensitive: boolean; approved: boolean; status: string } | null;
      language: string;
      languages: string[];
      orders: ReplyOrderChoice[];
      orderId: string | null;
      orderDetailsMissing: boolean;
      body: RenderResult;
      /** Email subject, for the editor (replies keep the thread's subject, so it never blocks sending). */
      subject: RenderResult | null;
      /** What stops sending, in order: the render failed, a value is missing, a prompt is empty, approval. */
      canSend: boolean;
    }
  | { ok: false; status: 404 | 422; error: string };

export async function previewTemplate(request: PreviewRequest): Promise<PreviewResponse> {
  const { db, shop, templateId, draft } = request;
  if (!templateId && !draft) return { ok: false, status: 422, error: "Give a templateId or a draft body" };
  const templatePromise = templateId ? findTemplate(db, shop.id, templateId) : Promise.resolve(null);
  templatePromise.catch(() => undefined);
  const context = await loadReplyContext({
    db, shop, agent: request.agent, ticketId: request.ticketId, orderId: request.orderId, admin: request.admin, now: request.now,
  });
  const template = await templatePromise;
  if (templateId && !template) return { ok: false, status: 404, error: "Template not found" };
  const languages = draft ? [draft.language] : (template?.variants ?? []).map((variant) => variant.language);
  const wanted = request.language && languages.includes(request.language) ? request.language : null;
  const language = wanted ?? chooseVariantLanguage(languages, context.customerLanguage, shop.locale) ?? "en";
  const variant = draft ?? template?.variants.find((candidate) => candidate.language === language);
  if (!variant) return { ok: false, status: 422, error: "The template has no language variant" };

  const templateContext = buildTemplateContext(withSupportHours(context, language));
  const options = {
    channel: context.channel, locale: language, timezone: context.timezone, currency: shop.currencyCode,
    promptValues: request.promptValues, preview: true,
  };
  const body = renderTemplate(variant.body, templateContext, options);
  const subject = variant.subject ? renderTemplate(variant.subject, templateContext, { ...options, channel: undefined }) : null;
  const approved = template ? isApproved(template) : true;
  return {
    ok: true,
    template: template
      ? { id: template.id, name: template.name, sensitive: template.sensitive, approved, status: template.status }
      : null,
    language,
    languages,
    orders: context.orders,
    orderId: context.orderId,
    orderDetailsMissing: context.orderDetailsMissing,
    body,
    subject,
    canSend: body.ok && body.canSend && approved && (template?.status ?? "active") === "active",
  };
}

// Survey invitations and answers. A survey is a SurveyResponse row with an unguessable token; the
// customer answers through one-click links on the storefront (the app proxy page), so no login is
// needed and the token alone identifies the ticket. Scores can be changed while the link is valid.
import type { PrismaClient } from "@prisma/client";
import { randomBytes } from "node:crypto";
import { isLowScore, LOW_SCORE_REASONS, parseSurveyScore, SURVEY_COMMENT_MAX, surveyExpired, type SurveyKind } from "../../domain/surveys";
import { invalidateInboxCounts } from "../../models/inbox-counts-cache.server";

export class SurveyError extends Error {
  constructor(
    readonly status: 400 | 404 | 410,
    readonly code: "not_found" | "expired" | "invalid_score" | "invalid_reason" | "comment_too_long",
    message: string,
  ) {
    super(message);
    this.name = "SurveyError";
  }
}

/** An unguessable survey token: the one-click links carry it instead of a login. */
export function newSurveyToken(): string {
  return randomBytes(24).toString("base64url");
}

/** The storefront address of the survey page (Shopify proxies /apps/shopdesk/* to the app, signed). */
export function surveyUrl(shopDomain: string, token: string, score?: number): string {
  const params = new URLSearchParams({ token });
  if (score !== undefined) params.set("score", String(score));
  return `https://${shopDomain}/apps/shopdesk/survey?${params}`;
}

/** The survey behind a token, for the shop the proxy request came from (another shop's token is "not found"). */
export async function findSurvey(db: PrismaClient, shopDomain: string, token: string, now: Date) {
  if (!/^[\w-]{16,64}$/.test(token)) throw new SurveyError(404, "not_found", "This survey link is not valid.");
  const survey = await db.surveyResponse.findUnique({ where: { token } });
  const shop = survey ? await db.shop.findUnique({ where: { id: survey.shopId }, select: { domain: true, name: true } }) : null;
  if (!survey || !shop || shop.domain !== shopDomain) throw new SurveyError(404, "not_found", "This survey link is not valid.");
  if (surveyExpired(survey.sentAt, now)) throw new SurveyError(410, "expired", "This survey has expired.");
  return { survey, shop };
}

export async function recordSurveyScore(db: PrismaClient, input: { shopDomain: string; token: string; score: unknown; now: Date }) {
  const { survey, shop } = await findSurvey(db, input.shopDomain, input.token, input.now);
  const kind = survey.kind as SurveyKind;
  const score = parseSurveyScore(kind, input.score);
  if (score === null) throw new SurveyError(400, "invalid_score", kind === "csat" ? "Choose a score from 1 to 5." : "Choose a score from 0 to 10.");
  const updated = await db.$transaction(async (tx) => {
    const saved = await tx.surveyResponse.update({ where: { id: survey.id }, data: { score, respondedAt: input.now } });
    if (kind === "csat" && survey.ticketId) {
      await tx.ticket.updateMany({ where: { id: survey.ticketId, shopId: survey.shopId }, data: { csatScore: score, csatRespondedAt: input.now } });
      await tx.ticketEvent.create({ data: { shopId: survey.shopId, ticketId: survey.ticketId, type: "csat_rated", actorType: "customer", data: { score }, createdAt: input.now } });
    }
    return saved;
  });
  if (kind === "csat") invalidateInboxCounts(survey.shopId);
  return { survey: updated, shop, low: isLowScore(kind, score) };
}

export async function recordSurveyComment(db: PrismaClient, input: { shopDomain: string; token: string; comment: unknown; reason: unknown; now: Date }) {
  const { survey, shop } = await findSurvey(db, input.shopDomain, input.token, input.now);
  const comment = typeof input.comment === "string" ? input.comment.trim() : "";
  if (comment.length > SURVEY_COMMENT_MAX) throw new SurveyError(400, "comment_too_long", `The comment can be at most ${SURVEY_COMMENT_MAX} characters.`);
  const reason = typeof input.reason === "string" && input.reason !== "" ? input.reason : null;
  if (reason !== null && !(LOW_SCORE_REASONS as readonly string[]).includes(reason)) throw new SurveyError(400, "invalid_reason", "Unknown reason.");
  const updated = await db.$transaction(async (tx) => {
    const saved = await tx.surveyResponse.update({ where: { id: survey.id }, data: { comment: comment || null, reason, respondedAt: survey.respondedAt ?? input.now } });
    if (survey.kind === "csat" && survey.ticketId && comment) {
      await tx.ticket.updateMany({ where: { id: survey.ticketId, shopId: survey.shopId }, data: { csatComment: comment } });
    }
    return saved;
  });
  return { survey: updated, shop };
}

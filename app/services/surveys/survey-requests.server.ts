// The survey page's two requests, from the proxy's verified parameters to the rendered page.
import type { PrismaClient } from "@prisma/client";
import type { SurveyKind } from "../../domain/surveys";
import { renderSurveyPage } from "./survey-page";
import { surveyLanguage, surveyStrings, type SurveyLanguage } from "./survey-strings";
import { findSurvey, recordSurveyComment, recordSurveyScore, SurveyError } from "./surveys.server";

export interface SurveyPage {
  status: number;
  body: string;
}

async function languageOf(db: PrismaClient, ticketId: string | null, acceptLanguage: string | null): Promise<SurveyLanguage> {
  const ticket = ticketId ? await db.ticket.findUnique({ where: { id: ticketId }, select: { language: true, customer: { select: { language: true } } } }) : null;
  return surveyLanguage(ticket?.language, ticket?.customer?.language, acceptLanguage?.split(",")[0]);
}

function errorPage(error: unknown, language: SurveyLanguage): SurveyPage {
  if (!(error instanceof SurveyError)) throw error;
  return { status: error.status, body: renderSurveyPage({ kind: "error", message: surveyStrings(language).errors[error.code] }, surveyStrings(language)) };
}

export async function answerSurveyPage(db: PrismaClient, input: { params: URLSearchParams; acceptLanguage: string | null; now: Date }): Promise<SurveyPage> {
  const shopDomain = input.params.get("shop") ?? "";
  const token = input.params.get("token") ?? "";
  const score = input.params.get("score");
  let language = surveyLanguage(input.acceptLanguage?.split(",")[0]);
  try {
    const { survey, shop } = await findSurvey(db, shopDomain, token, input.now);
    language = await languageOf(db, survey.ticketId, input.acceptLanguage);
    const strings = surveyStrings(language);
    if (score === null) return { status: 200, body: renderSurveyPage({ kind: "ask", surveyKind: survey.kind as SurveyKind, token, shopName: shop.name }, strings) };
    const recorded = await recordSurveyScore(db, { shopDomain, token, score, now: input.now });
    return { status: 200, body: renderSurveyPage({ kind: "scored", surveyKind: survey.kind as SurveyKind, token, shopName: shop.name, score: recorded.survey.score! }, strings) };
  } catch (error) {
    return errorPage(error, language);
  }
}

export async function commentSurveyPage(
  db: PrismaClient,
  input: { params: URLSearchParams; form: FormData; acceptLanguage: string | null; now: Date },
): Promise<SurveyPage> {
  const shopDomain = input.params.get("shop") ?? "";
  const token = String(input.form.get("token") ?? "");
  let language = surveyLanguage(input.acceptLanguage?.split(",")[0]);
  try {
    const { survey, shop } = await findSurvey(db, shopDomain, token, input.now);
    language = await languageOf(db, survey.ticketId, input.acceptLanguage);
    await recordSurveyComment(db, { shopDomain, token, comment: input.form.get("comment"), reason: input.form.get("reason"), now: input.now });
    return { status: 200, body: renderSurveyPage({ kind: "saved", shopName: shop.name }, surveyStrings(language)) };
  } catch (error) {
    return errorPage(error, language);
  }
}

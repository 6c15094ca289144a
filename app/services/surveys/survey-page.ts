// The survey page Shopify renders inside the shop's theme (an application/liquid response). Every
// dynamic value is HTML-escaped and its braces neutralised, so nothing we print is run as Liquid.
import { isLowScore, LOW_SCORE_REASONS, SURVEY_SCALES, type SurveyKind } from "../../domain/surveys";
import type { SurveyStrings } from "./survey-strings";

const SURVEY_PATH = "/apps/shopdesk/survey";

export function escapeForLiquid(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;")
    .replaceAll("{", "&#123;")
    .replaceAll("}", "&#125;");
}

export type SurveyPageState =
  | { kind: "ask"; surveyKind: SurveyKind; token: string; shopName: string }
  | { kind: "scored"; surveyKind: SurveyKind; token: string; shopName: string; score: number }
  | { kind: "saved"; shopName: string }
  | { kind: "error"; message: string };

function scoreLinks(surveyKind: SurveyKind, token: string, strings: SurveyStrings, current?: number): string {
  const { min, max } = SURVEY_SCALES[surveyKind];
  const links = [];
  for (let score = min; score <= max; score += 1) {
    const href = `${SURVEY_PATH}?token=${encodeURIComponent(token)}&amp;score=${score}`;
    const pressed = score === current ? ' aria-current="true" style="font-weight:700;text-decoration:underline"' : "";
    links.push(`<a class="button" href="${href}"${pressed}>${score}</a>`);
  }
  return `<p class="shopdesk-survey__scale"><span>${escapeForLiquid(strings.scaleLow[surveyKind])}</span> ${links.join(" ")} <span>${escapeForLiquid(strings.scaleHigh[surveyKind])}</span></p>`;
}

export function renderSurveyPage(state: SurveyPageState, strings: SurveyStrings): string {
  const wrap = (body: string) => `<div class="page-width shopdesk-survey" style="max-width:40rem;margin:2rem auto">${body}</div>`;
  if (state.kind === "error") return wrap(`<p role="alert">${escapeForLiquid(state.message)}</p>`);
  if (state.kind === "saved") return wrap(`<h1>${escapeForLiquid(state.shopName)}</h1><p role="status">${escapeForLiquid(strings.saved)}</p>`);
  const title = `<h1>${escapeForLiquid(state.shopName)}</h1>`;
  if (state.kind === "ask") {
    return wrap(`${title}<h2>${escapeForLiquid(strings.question[state.surveyKind])}</h2>${scoreLinks(state.surveyKind, state.token, strings)}`);
  }
  const low = isLowScore(state.surveyKind, state.score);
  const reasons = low
    ? `<fieldset><legend>${escapeForLiquid(strings.whyLow)}</legend>${LOW_SCORE_REASONS.map(
        (reason) => `<label style="display:block"><input type="radio" name="reason" value="${reason}"> ${escapeForLiquid(strings.reasons[reason])}</label>`,
      ).join("")}</fieldset>`
    : "";
  return wrap(
    `${title}<p role="status">${escapeForLiquid(strings.thanks)}</p>` +
      `<form method="post" action="${SURVEY_PATH}">` +
      `<input type="hidden" name="token" value="${escapeForLiquid(state.token)}">` +
      reasons +
      `<label for="shopdesk-survey-comment">${escapeForLiquid(strings.tellMore)}</label>` +
      `<textarea id="shopdesk-survey-comment" name="comment" rows="4" maxlength="1000" style="width:100%"></textarea>` +
      `<button type="submit" class="button">${escapeForLiquid(strings.send)}</button></form>` +
      `<p>${escapeForLiquid(strings.changeScore)}</p>${scoreLinks(state.surveyKind, state.token, strings, state.score)}`,
  );
}

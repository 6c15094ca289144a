// Customer feedback surveys: CSAT (1–5, sent after resolution) and NPS (0–10, optional). The rules
// the survey page and the reports share: valid scores, what counts as a low score, the reasons asked
// for on a low score, and the shop's survey settings.
import { z } from "zod";

export const SURVEY_KINDS = ["csat", "nps"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_SCALES: Record<SurveyKind, { min: number; max: number; lowAtOrBelow: number }> = {
  csat: { min: 1, max: 5, lowAtOrBelow: 3 },
  nps: { min: 0, max: 10, lowAtOrBelow: 6 },
};

/** Asked after a low score: why it went wrong. */
export const LOW_SCORE_REASONS = ["slow_reply", "not_resolved", "unhelpful_answer", "agent_attitude", "product_issue", "delivery_issue", "other"] as const;
export type LowScoreReason = (typeof LOW_SCORE_REASONS)[number];

export const SURVEY_COMMENT_MAX = 1_000;
/** A survey link stays usable this long after it was sent (and a score can be changed meanwhile). */
export const SURVEY_VALID_DAYS = 30;

export const surveySettingsSchema = z
  .object({
    csatEnabled: z.boolean().default(true),
    /** Hours after resolution before the CSAT survey goes out (the customer has seen the fix work). */
    csatDelayHours: z.number().min(0).max(24 * 14).default(24),
    npsEnabled: z.boolean().default(false),
  })
  .default({});
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export function parseSurveyScore(kind: SurveyKind, raw: unknown): number | null {
  const text = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : "";
  if (!/^\d{1,2}$/.test(text)) return null;
  const score = Number(text);
  const scale = SURVEY_SCALES[kind];
  return score >= scale.min && score <= scale.max ? score : null;
}

export function isLowScore(kind: SurveyKind, score: number): boolean {
  return score <= SURVEY_SCALES[kind].lowAtOrBelow;
}

export function surveyExpired(sentAt: Date, now: Date): boolean {
  return now.getTime() - sentAt.getTime() > SURVEY_VALID_DAYS * 86_400_000;
}

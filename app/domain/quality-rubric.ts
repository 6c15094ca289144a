// The internal quality score (IQS): a supervisor rates a conversation on five rubric items, 1–5 each;
// the review's score is the mean as a percentage (5 on every item = 100, 1 on every item = 20).

export const QUALITY_RUBRIC = ["solution", "process", "empathy", "clarity", "efficiency"] as const;
export type QualityRubricItem = (typeof QUALITY_RUBRIC)[number];
export type QualityScores = Record<QualityRubricItem, number>;

export const QUALITY_COMMENT_MAX = 2_000;

export type QualityScoresResult = { ok: true; scores: QualityScores; totalScore: number } | { ok: false; errors: Partial<Record<QualityRubricItem, "invalid">> };

/** Reads the five 1–5 scores (form strings or numbers); every item is required. */
export function parseQualityScores(raw: Record<string, unknown>): QualityScoresResult {
  const scores: Partial<QualityScores> = {};
  const errors: Partial<Record<QualityRubricItem, "invalid">> = {};
  for (const item of QUALITY_RUBRIC) {
    const value = Number(raw[item]);
    if (Number.isInteger(value) && value >= 1 && value <= 5) scores[item] = value;
    else errors[item] = "invalid";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const complete = scores as QualityScores;
  const mean = QUALITY_RUBRIC.reduce((sum, item) => sum + complete[item], 0) / QUALITY_RUBRIC.length;
  return { ok: true, scores: complete, totalScore: Math.round((mean / 5) * 1000) / 10 };
}

/**
 * A stable sample of the period's resolved tickets for review: ordered by a hash of the ticket id,
 * so every supervisor sees the same sample and reloading does not reshuffle it.
 */
export function sampleOrder(ids: readonly string[]): string[] {
  const hash = (id: string) => {
    let value = 2166136261;
    for (let index = 0; index < id.length; index += 1) value = Math.imul(value ^ id.charCodeAt(index), 16777619) >>> 0;
    return value;
  };
  return [...ids].sort((a, b) => hash(a) - hash(b) || a.localeCompare(b));
}

// Internal quality reviews: supervisors score a stable sample of the period's resolved conversations
// against the rubric (app/domain/quality-rubric.ts); the reports show the average.
import type { Prisma, PrismaClient } from "@prisma/client";
import { parseQualityScores, QUALITY_COMMENT_MAX, sampleOrder, type QualityRubricItem } from "../../domain/quality-rubric";
import type { ReportPeriod } from "./period";

export const REVIEW_SAMPLE_SIZE = 10;
const REVIEWER_ROLES = ["supervisor", "admin"];

export class QualityReviewError extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly errors: Partial<Record<QualityRubricItem | "comment" | "ticket" | "reviewer", string>>,
  ) {
    super(Object.entries(errors).map(([field, problem]) => `${field}: ${problem}`).join("; "));
    this.name = "QualityReviewError";
  }
}

export function canReview(agent: { role: string } | null): boolean {
  return agent !== null && REVIEWER_ROLES.includes(agent.role);
}

/** The sample to review: resolved tickets of the period without a review yet, in a stable order. */
export async function reviewSample(db: PrismaClient, shopId: string, period: ReportPeriod, size = REVIEW_SAMPLE_SIZE) {
  const candidates = await db.ticket.findMany({
    where: { shopId, mergedIntoId: null, status: { in: ["resolved", "closed"] }, resolvedAt: { gte: period.from, lt: period.to } },
    select: { id: true },
    take: 5_000,
  });
  // Reviews are a small sample (hundreds), unlike the candidates: read them all rather than bind thousands of ids.
  const reviewed = new Set((await db.qualityReview.findMany({ where: { shopId }, select: { ticketId: true } })).map((review) => review.ticketId));
  const chosen = sampleOrder(candidates.map((ticket) => ticket.id).filter((id) => !reviewed.has(id))).slice(0, size);
  const tickets = await db.ticket.findMany({
    where: { shopId, id: { in: chosen } },
    select: { id: true, number: true, subject: true, category: true, resolvedAt: true, assignee: { select: { name: true } } },
  });
  const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
  return chosen.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

export async function recentReviews(db: PrismaClient, shopId: string, limit = 20) {
  const reviews = await db.qualityReview.findMany({ where: { shopId }, orderBy: { createdAt: "desc" }, take: limit });
  const [tickets, reviewers] = await Promise.all([
    db.ticket.findMany({ where: { shopId, id: { in: reviews.map((review) => review.ticketId) } }, select: { id: true, number: true, subject: true } }),
    db.agent.findMany({ where: { shopId, id: { in: reviews.map((review) => review.reviewerAgentId) } }, select: { id: true, name: true } }),
  ]);
  const ticketById = new Map(tickets.map((ticket) => [ticket.id, ticket]));
  const reviewerById = new Map(reviewers.map((agent) => [agent.id, agent.name]));
  return reviews.map((review) => ({
    id: review.id,
    ticket: ticketById.get(review.ticketId) ?? null,
    reviewer: reviewerById.get(review.reviewerAgentId) ?? null,
    totalScore: review.totalScore,
    scores: review.scores as Record<string, number>,
    comment: review.comment,
    createdAt: review.createdAt,
  }));
}

export async function saveQualityReview(
  db: PrismaClient,
  input: { shopId: string; reviewer: { id: string; role: string } | null; ticketId: string; form: Record<string, unknown>; now: Date },
) {
  if (!input.reviewer || !canReview(input.reviewer)) throw new QualityReviewError(403, { reviewer: "Only supervisors and admins review conversations." });
  const ticket = await db.ticket.findFirst({ where: { id: input.ticketId, shopId: input.shopId }, select: { id: true } });
  if (!ticket) throw new QualityReviewError(404, { ticket: "Ticket not found" });
  const parsed = parseQualityScores(input.form);
  const comment = typeof input.form.comment === "string" ? input.form.comment.trim() : "";
  const errors: QualityReviewError["errors"] = parsed.ok ? {} : Object.fromEntries(Object.keys(parsed.errors).map((item) => [item, "Choose a score from 1 to 5."]));
  if (comment.length > QUALITY_COMMENT_MAX) errors.comment = `At most ${QUALITY_COMMENT_MAX} characters.`;
  if (!parsed.ok || Object.keys(errors).length > 0) throw new QualityReviewError(400, errors);
  return db.qualityReview.create({
    data: { shopId: input.shopId, ticketId: ticket.id, reviewerAgentId: input.reviewer.id, scores: parsed.scores as unknown as Prisma.InputJsonObject, totalScore: parsed.totalScore, comment: comment || null, createdAt: input.now },
  });
}

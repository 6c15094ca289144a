// The starter library (app/domain/templates/library*.ts) as rows of a shop: one Template per entry and
// one TemplateVariant per language. Idempotent: an existing template (matched by name) is left as
// the merchant edited it, so running it again only adds what is missing.
import type { PrismaClient } from "@prisma/client";
import { SEEDED_TEMPLATES, type SeededTemplate } from "../domain/templates/library";
import { keywordsToColumn } from "./templates-input.server";

function variantRows(template: SeededTemplate) {
  return Object.entries(template.variants)
    .filter((entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== undefined)
    .map(([language, variant]) => ({ language, subject: variant.subject ?? null, body: variant.body }));
}

/** Adds the library's templates the shop does not have yet; returns how many were created. */
export async function seedTemplateLibrary(db: PrismaClient, shopId: string, now = new Date()): Promise<{ created: number }> {
  const existing = new Set((await db.template.findMany({ where: { shopId }, select: { name: true } })).map((row) => row.name));
  let created = 0;
  for (const template of SEEDED_TEMPLATES) {
    if (existing.has(template.name)) continue;
    // createMany has no nested variants; one create per template (28) keeps both databases simple.
    try {
      await db.template.create({
        data: {
          shopId,
          name: template.name,
          category: template.category,
          keywords: keywordsToColumn(template.keywords),
          sensitive: template.sensitive,
          // Sensitive ones start unapproved: a supervisor approves the shop's wording before first use.
          lastReviewedAt: now,
          variants: { create: variantRows(template) },
        },
      });
      created++;
    } catch (error) {
      // A concurrent first request created this one meanwhile (unique shopId + name): skip it.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return { created };
}

/**
 * First use by a shop (first install): seed the library when the shop has no template at all.
 * Templates are archived rather than deleted, so "none" means never seeded; a cheap indexed check.
 */
export async function ensureTemplateLibrary(db: PrismaClient, shopId: string, now = new Date()): Promise<void> {
  const any = await db.template.findFirst({ where: { shopId }, select: { id: true } });
  if (any) return;
  await seedTemplateLibrary(db, shopId, now);
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2002" || (error instanceof Error && /Unique constraint/i.test(error.message));
}

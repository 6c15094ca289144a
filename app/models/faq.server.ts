// The storefront FAQ: a question is a group (groupKey) with one row per language; category, position
// and status are kept equal across a group's languages. Always scoped by shop.
import type { FaqEntry, PrismaClient } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { FAQ_ANSWER_MAX, FAQ_CATEGORIES, FAQ_QUESTION_MAX, FAQ_STATUSES, STOREFRONT_LANGUAGES, type FaqCategory } from "../domain/storefront/storefront-data";

export { FAQ_ANSWER_MAX, FAQ_QUESTION_MAX, FAQ_STATUSES };

export interface FaqTranslation {
  id: string;
  language: string;
  question: string;
  answer: string;
}
export interface FaqGroup {
  groupKey: string;
  category: FaqCategory;
  position: number;
  status: (typeof FAQ_STATUSES)[number];
  translations: FaqTranslation[];
  updatedAt: string;
}

function toGroups(rows: FaqEntry[]): FaqGroup[] {
  const groups = new Map<string, FaqGroup>();
  for (const row of rows) {
    let group = groups.get(row.groupKey);
    if (!group) {
      group = {
        groupKey: row.groupKey,
        category: (FAQ_CATEGORIES as readonly string[]).includes(row.category) ? (row.category as FaqCategory) : "general",
        position: row.position,
        status: row.status === "published" ? "published" : "draft",
        translations: [],
        updatedAt: row.updatedAt.toISOString(),
      };
      groups.set(row.groupKey, group);
    }
    group.translations.push({ id: row.id, language: row.language, question: row.question, answer: row.answer });
    if (row.updatedAt.toISOString() > group.updatedAt) group.updatedAt = row.updatedAt.toISOString();
  }
  const languageOrder = (language: string) => (STOREFRONT_LANGUAGES as readonly string[]).indexOf(language);
  for (const group of groups.values()) group.translations.sort((a, b) => languageOrder(a.language) - languageOrder(b.language));
  return [...groups.values()].sort(
    (a, b) => FAQ_CATEGORIES.indexOf(a.category) - FAQ_CATEGORIES.indexOf(b.category) || a.position - b.position || a.groupKey.localeCompare(b.groupKey),
  );
}

export async function listFaqGroups(db: PrismaClient, shopId: string): Promise<FaqGroup[]> {
  return toGroups(await db.faqEntry.findMany({ where: { shopId } }));
}

export async function getFaqGroup(db: PrismaClient, shopId: string, groupKey: string): Promise<FaqGroup | null> {
  return toGroups(await db.faqEntry.findMany({ where: { shopId, groupKey } }))[0] ?? null;
}

const translationSchema = z.object({
  language: z.enum(STOREFRONT_LANGUAGES),
  question: z.string().trim().max(FAQ_QUESTION_MAX, "too_long"),
  answer: z.string().trim().max(FAQ_ANSWER_MAX, "too_long"),
});
export const faqGroupInputSchema = z.object({
  category: z.enum(FAQ_CATEGORIES),
  status: z.enum(FAQ_STATUSES),
  translations: z.array(translationSchema).max(STOREFRONT_LANGUAGES.length),
});
export type FaqGroupInput = z.infer<typeof faqGroupInputSchema>;

export type FaqSaveResult = { ok: true; groupKey: string } | { ok: false; errors: Record<string, string> };

/** Creates (groupKey null) or replaces a question in every language; a language left blank is removed. */
export async function saveFaqGroup(db: PrismaClient, shopId: string, groupKey: string | null, raw: unknown): Promise<FaqSaveResult> {
  const parsed = faqGroupInputSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])) };
  }
  const input = parsed.data;
  const errors: Record<string, string> = {};
  const kept = input.translations.filter((translation) => translation.question || translation.answer);
  kept.forEach((translation) => {
    const index = input.translations.indexOf(translation);
    if (!translation.question) errors[`translations.${index}.question`] = "required";
    if (!translation.answer) errors[`translations.${index}.answer`] = "required";
  });
  if (kept.length === 0) errors.translations = "required";
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const existing = groupKey ? await getFaqGroup(db, shopId, groupKey) : null;
  if (groupKey && !existing) return { ok: false, errors: { groupKey: "not_found" } };
  const key = existing?.groupKey ?? `faq-${randomUUID().slice(0, 12)}`;
  const position =
    existing && existing.category === input.category
      ? existing.position
      : ((await db.faqEntry.aggregate({ where: { shopId, category: input.category }, _max: { position: true } }))._max.position ?? -1) + 1;
  await db.$transaction([
    db.faqEntry.deleteMany({ where: { shopId, groupKey: key, language: { notIn: kept.map((translation) => translation.language) } } }),
    ...kept.map((translation) =>
      db.faqEntry.upsert({
        where: { shopId_groupKey_language: { shopId, groupKey: key, language: translation.language } },
        create: { shopId, groupKey: key, language: translation.language, category: input.category, question: translation.question, answer: translation.answer, position, status: input.status },
        update: { category: input.category, question: translation.question, answer: translation.answer, position, status: input.status },
      }),
    ),
    db.faqEntry.updateMany({ where: { shopId, groupKey: key }, data: { category: input.category, position, status: input.status } }),
  ]);
  return { ok: true, groupKey: key };
}

export async function deleteFaqGroup(db: PrismaClient, shopId: string, groupKey: string): Promise<number> {
  return (await db.faqEntry.deleteMany({ where: { shopId, groupKey } })).count;
}

export async function setFaqGroupStatus(db: PrismaClient, shopId: string, groupKey: string, status: (typeof FAQ_STATUSES)[number]): Promise<number> {
  return (await db.faqEntry.updateMany({ where: { shopId, groupKey }, data: { status } })).count;
}

/** Moves a question one place up or down within its category (positions renumbered 0…n-1). */
export async function moveFaqGroup(db: PrismaClient, shopId: string, groupKey: string, direction: "up" | "down"): Promise<boolean> {
  const group = await getFaqGroup(db, shopId, groupKey);
  if (!group) return false;
  const siblings = (await listFaqGroups(db, shopId)).filter((candidate) => candidate.category === group.category);
  const index = siblings.findIndex((candidate) => candidate.groupKey === groupKey);
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= siblings.length) return false;
  [siblings[index], siblings[target]] = [siblings[target]!, siblings[index]!];
  await db.$transaction(siblings.map((sibling, position) => db.faqEntry.updateMany({ where: { shopId, groupKey: sibling.groupKey }, data: { position } })));
  return true;
}

// Reply templates of a shop: CRUD, search, review dates, duplicate, archive and usage counts. Every
// query is scoped by shop. Content edits bump `version`, which is what a supervisor approves for a
// sensitive template (templates-approval.server.ts). Templates are archived, never deleted, so
// "a shop without templates" means the library was never seeded (templates-seed.server.ts).
import type { Prisma, PrismaClient, Template, TemplateVariant } from "@prisma/client";
import { chooseVariantLanguage } from "../domain/templates/language";
import type { TemplateCategory } from "../domain/templates/library";
import {
  TemplateInputError, keywordsFromColumn, keywordsToColumn, validateTemplateInput, type TemplateInput,
} from "./templates-input.server";

export const REVIEW_INTERVAL_DAYS = 90;
const DAY_MS = 86_400_000;

export type TemplateStatus = "active" | "archived";

export interface TemplateSummary {
  id: string;
  name: string;
  category: string;
  keywords: string[];
  sensitive: boolean;
  approved: boolean;
  status: string;
  usageCount: number;
  languages: string[];
  lastReviewedAt: string | null;
  needsReview: boolean;
  updatedAt: string;
}

export type TemplateWithVariants = Template & { variants: TemplateVariant[] };

/** Last reviewed more than 90 days ago (or never): the list shows a "needs review" badge. */
export function needsReview(lastReviewedAt: Date | null, now: Date): boolean {
  return lastReviewedAt === null || now.getTime() - lastReviewedAt.getTime() > REVIEW_INTERVAL_DAYS * DAY_MS;
}

/** A sensitive template may be used only in the version a supervisor approved. */
export function isApproved(template: Pick<Template, "sensitive" | "version" | "approvedVersion">): boolean {
  return !template.sensitive || template.approvedVersion === template.version;
}

export function summarizeTemplate(template: TemplateWithVariants, now: Date): TemplateSummary {
  return {
    id: template.id,
    name: template.name,
    category: template.category,
    keywords: keywordsFromColumn(template.keywords),
    sensitive: template.sensitive,
    approved: isApproved(template),
    status: template.status,
    usageCount: template.usageCount,
    languages: template.variants.map((variant) => variant.language).sort(),
    lastReviewedAt: template.lastReviewedAt?.toISOString() ?? null,
    needsReview: needsReview(template.lastReviewedAt, now),
    updatedAt: template.updatedAt.toISOString(),
  };
}

/** Case- and accent-insensitive text for matching (`Envío` ~ `envio`). */
export function searchText(value: string): string {
  return value.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Every word of the query appears in the name, a keyword or (optionally) a body. */
function matches(template: TemplateWithVariants, words: readonly string[], includeBodies: boolean): number {
  if (words.length === 0) return 1;
  const name = searchText(template.name);
  const keywords = searchText(template.keywords);
  const bodies = includeBodies ? searchText(template.variants.map((variant) => variant.body).join("\n")) : "";
  let score = 0;
  for (const word of words) {
    if (name.includes(word)) score += 3;
    else if (keywords.includes(word)) score += 2;
    else if (bodies.includes(word)) score += 1;
    else return 0;
  }
  return score;
}

function queryWords(query: string | null | undefined): string[] {
  return searchText(query ?? "").split(/[\s,]+/).filter(Boolean);
}

export interface ListTemplatesOptions {
  status?: TemplateStatus;
  category?: string | null;
  query?: string | null;
  now?: Date;
}

// A shop has tens of templates, not thousands: one indexed query, then filtering in memory keeps
// search identical on SQLite and PostgreSQL (case/accent folding, CJK substrings).
async function loadTemplates(db: PrismaClient, shopId: string, status: TemplateStatus, category?: string | null) {
  return db.template.findMany({
    where: { shopId, status, ...(category ? { category } : {}) },
    include: { variants: { orderBy: { language: "asc" } } },
    orderBy: [{ usageCount: "desc" }, { name: "asc" }],
  });
}

export async function listTemplates(db: PrismaClient, shopId: string, options: ListTemplatesOptions = {}): Promise<TemplateSummary[]> {
  const now = options.now ?? new Date();
  const templates = await loadTemplates(db, shopId, options.status ?? "active", options.category);
  const words = queryWords(options.query);
  return templates.filter((template) => matches(template, words, true) > 0).map((template) => summarizeTemplate(template, now));
}

export interface TemplateSearchHit {
  id: string;
  name: string;
  category: string;
  /** The variant the customer would get. */
  language: string;
  snippet: string;
  sensitive: boolean;
  approved: boolean;
}

/** The composer's "/" search: active templates by name/keyword (then body), best match first. */
export async function searchTemplatesForReply(
  db: PrismaClient,
  shopId: string,
  options: { query?: string | null; customerLanguage?: string | null; shopLanguage?: string | null; limit?: number },
): Promise<TemplateSearchHit[]> {
  const words = queryWords(options.query);
  const templates = await loadTemplates(db, shopId, "active");
  return templates
    .map((template) => ({ template, score: matches(template, words, true) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || b.template.usageCount - a.template.usageCount)
    .slice(0, options.limit ?? 10)
    .map(({ template }) => {
      const language = chooseVariantLanguage(template.variants.map((variant) => variant.language), options.customerLanguage, options.shopLanguage) ?? "en";
      const variant = template.variants.find((candidate) => candidate.language === language);
      return {
        id: template.id,
        name: template.name,
        category: template.category,
        language,
        snippet: snippetOf(variant?.body ?? ""),
        sensitive: template.sensitive,
        approved: isApproved(template),
      };
    });
}

/** The start of a body as an agent reads it: tags dropped, `{{ customer.first_name | … }}` → `[customer.first_name]`. */
function snippetOf(body: string): string {
  return body
    .replace(/\{%.*?%\}/gs, "")
    .replace(/\{\{-?\s*([\w.]+)[^}]*\}\}/g, "[$1]")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
}

/** Two saves with the same new name at once: the database's unique index answers, as a 422. */
async function withNameCheck<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === "P2002" || (error instanceof Error && /Unique constraint/i.test(error.message))) {
      throw new TemplateInputError(422, { name: `A template named "${name}" already exists` });
    }
    throw error;
  }
}

export async function findTemplate(db: PrismaClient, shopId: string, templateId: string): Promise<TemplateWithVariants | null> {
  return db.template.findFirst({ where: { id: templateId, shopId }, include: { variants: { orderBy: { language: "asc" } } } });
}

async function requireTemplate(db: PrismaClient | Prisma.TransactionClient, shopId: string, templateId: string): Promise<Template> {
  const template = await db.template.findFirst({ where: { id: templateId, shopId } });
  if (!template) throw new TemplateInputError(404, { template: "Template not found" });
  return template;
}

async function assertNameFree(db: PrismaClient | Prisma.TransactionClient, shopId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await db.template.findFirst({ where: { shopId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new TemplateInputError(422, { name: `A template named "${name}" already exists` });
}

function variantRows(input: TemplateInput) {
  return input.variants.map((variant) => ({ language: variant.language, subject: variant.subject ?? null, body: variant.body }));
}

export async function createTemplate(db: PrismaClient, shopId: string, raw: unknown, now = new Date()): Promise<TemplateWithVariants> {
  const input = validateTemplateInput(raw);
  await assertNameFree(db, shopId, input.name);
  return withNameCheck(input.name, () => db.template.create({
    data: {
      shopId,
      name: input.name,
      category: input.category,
      keywords: keywordsToColumn(input.keywords),
      sensitive: input.sensitive,
      lastReviewedAt: now,
      variants: { create: variantRows(input) },
    },
    include: { variants: { orderBy: { language: "asc" } } },
  }));
}

function sameContent(template: TemplateWithVariants, input: TemplateInput): boolean {
  const key = (rows: Array<{ language: string; subject?: string | null; body: string }>) =>
    JSON.stringify([...rows].map((row) => [row.language, row.subject ?? null, row.body]).sort());
  return template.sensitive === input.sensitive && key(template.variants) === key(input.variants);
}

/**
 * Saves an edit. Changing any text or the sensitive flag is a new version: a sensitive template then
 * needs approval again. `expectedVersion` guards against overwriting a colleague's newer edit (409).
 */
export async function updateTemplate(
  db: PrismaClient,
  shopId: string,
  templateId: string,
  raw: unknown,
  options: { expectedVersion?: number; now?: Date } = {},
): Promise<TemplateWithVariants> {
  const input = validateTemplateInput(raw);
  const now = options.now ?? new Date();
  const current = await findTemplate(db, shopId, templateId);
  if (!current) throw new TemplateInputError(404, { template: "Template not found" });
  if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
    throw new TemplateInputError(409, { version: "Someone else saved this template meanwhile; reload to see their changes" });
  }
  await assertNameFree(db, shopId, input.name, templateId);
  const contentChanged = !sameContent(current, input);
  return withNameCheck(input.name, () => db.$transaction(async (tx) => {
    if (contentChanged) {
      await tx.templateVariant.deleteMany({ where: { templateId } });
      await tx.templateVariant.createMany({ data: variantRows(input).map((row) => ({ ...row, templateId })) });
    }
    // Conditional on the version read above: two concurrent saves cannot both win.
    const { count } = await tx.template.updateMany({
      where: { id: templateId, shopId, version: current.version },
      data: {
        name: input.name,
        category: input.category,
        keywords: keywordsToColumn(input.keywords),
        sensitive: input.sensitive,
        ...(contentChanged ? { version: current.version + 1 } : {}),
        lastReviewedAt: now,
      },
    });
    if (count !== 1) throw new TemplateInputError(409, { version: "Someone else saved this template meanwhile; reload to see their changes" });
    return tx.template.findFirstOrThrow({ where: { id: templateId, shopId }, include: { variants: { orderBy: { language: "asc" } } } });
  }));
}

export async function markTemplateReviewed(db: PrismaClient, shopId: string, templateId: string, now = new Date()): Promise<void> {
  await requireTemplate(db, shopId, templateId);
  await db.template.updateMany({ where: { id: templateId, shopId }, data: { lastReviewedAt: now } });
}

export async function setTemplateStatus(db: PrismaClient, shopId: string, templateId: string, status: TemplateStatus): Promise<void> {
  await requireTemplate(db, shopId, templateId);
  await db.template.updateMany({ where: { id: templateId, shopId }, data: { status } });
}

/** "Name (copy)", "Name (copy 2)"…: the first free name of the shop. */
async function copyName(db: PrismaClient, shopId: string, name: string): Promise<string> {
  const base = name.replace(/ \(copy(?: \d+)?\)$/, "");
  const taken = new Set(
    (await db.template.findMany({ where: { shopId, name: { startsWith: base } }, select: { name: true } })).map((row) => row.name),
  );
  for (let n = 1; ; n++) {
    const candidate = `${base} (copy${n === 1 ? "" : ` ${n}`})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A new, unused, unapproved template with the same text, category and keywords. */
export async function duplicateTemplate(db: PrismaClient, shopId: string, templateId: string, now = new Date()): Promise<TemplateWithVariants> {
  const source = await findTemplate(db, shopId, templateId);
  if (!source) throw new TemplateInputError(404, { template: "Template not found" });
  return db.template.create({
    data: {
      shopId,
      name: await copyName(db, shopId, source.name),
      category: source.category as TemplateCategory,
      keywords: source.keywords,
      sensitive: source.sensitive,
      lastReviewedAt: now,
      variants: { create: source.variants.map((variant) => ({ language: variant.language, subject: variant.subject, body: variant.body })) },
    },
    include: { variants: { orderBy: { language: "asc" } } },
  });
}

/** Called once per reply sent with the template. */
export async function recordTemplateUse(db: PrismaClient | Prisma.TransactionClient, shopId: string, templateId: string): Promise<void> {
  await db.template.updateMany({ where: { id: templateId, shopId }, data: { usageCount: { increment: 1 } } });
}

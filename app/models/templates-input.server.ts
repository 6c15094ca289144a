// What the template editor may save: validated fields (422 with `{ errors }`) and Liquid that parses
// (400 with the message, line and column of the first syntax error per variant).
import { z } from "zod";
import { parseTemplate } from "../domain/templates/engine";
import { normalizeLanguageTag } from "../domain/templates/language";
import { TEMPLATE_CATEGORIES, type TemplateCategory } from "../domain/templates/library";

export const MAX_TEMPLATE_NAME = 120;
export const MAX_KEYWORDS = 30;
export const MAX_VARIANTS = 12;

export interface TemplateVariantInput {
  language: string;
  subject?: string | null;
  body: string;
}

export interface TemplateInput {
  name: string;
  category: TemplateCategory;
  keywords: string[];
  sensitive: boolean;
  variants: TemplateVariantInput[];
}

export interface TemplateSyntaxError {
  language: string;
  field: "body" | "subject";
  message: string;
  line: number;
  column: number;
}

/** Thrown by the model; routes answer `status` with `{ errors }` (and `syntaxErrors` for 400). */
export class TemplateInputError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 422 | 403,
    readonly errors: Record<string, string>,
    readonly syntaxErrors: TemplateSyntaxError[] = [],
  ) {
    super(Object.values(errors).join("; "));
    this.name = "TemplateInputError";
  }
}

/** Stored as one comma-separated column (Template.keywords): no commas inside a keyword. */
export function normalizeKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of keywords) {
    const keyword = raw.replace(/[,\s]+/g, " ").trim().slice(0, 60);
    const key = keyword.toLowerCase();
    if (keyword && !seen.has(key)) {
      seen.add(key);
      result.push(keyword);
    }
  }
  return result.slice(0, MAX_KEYWORDS);
}

export function keywordsToColumn(keywords: readonly string[]): string {
  return normalizeKeywords(keywords).join(",");
}

export function keywordsFromColumn(column: string): string[] {
  return column.split(",").map((keyword) => keyword.trim()).filter(Boolean);
}

const variantSchema = z.object({
  language: z.string().trim().min(1, "language is required"),
  subject: z.string().max(500, "subject is longer than 500 characters").nullish(),
  body: z.string().trim().min(1, "body is empty"),
});

const templateSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(MAX_TEMPLATE_NAME, `name is longer than ${MAX_TEMPLATE_NAME} characters`),
  category: z.enum(TEMPLATE_CATEGORIES, { errorMap: () => ({ message: `category must be one of ${TEMPLATE_CATEGORIES.join(", ")}` }) }),
  keywords: z.array(z.string()).default([]),
  sensitive: z.boolean().default(false),
  variants: z.array(variantSchema).min(1, "at least one language variant is required").max(MAX_VARIANTS),
});

/** Field errors keyed by path (`name`, `variants.0.body`), for the editor. */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Validates and normalises; throws TemplateInputError (422 fields, 400 syntax). */
export function validateTemplateInput(raw: unknown): TemplateInput {
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) throw new TemplateInputError(422, fieldErrors(parsed.error));
  const seen = new Set<string>();
  const variants: TemplateVariantInput[] = [];
  const errors: Record<string, string> = {};
  parsed.data.variants.forEach((variant, index) => {
    const language = normalizeLanguageTag(variant.language);
    if (!language) errors[`variants.${index}.language`] = `"${variant.language}" is not a language tag`;
    else if (seen.has(language.toLowerCase())) errors[`variants.${index}.language`] = `${language} appears twice`;
    else seen.add(language.toLowerCase());
    const subject = variant.subject?.trim() ? variant.subject.trim() : null;
    variants.push({ language: language ?? variant.language, subject, body: variant.body.replace(/\r\n/g, "\n") });
  });
  if (Object.keys(errors).length > 0) throw new TemplateInputError(422, errors);

  const syntaxErrors: TemplateSyntaxError[] = [];
  for (const variant of variants) {
    for (const field of ["subject", "body"] as const) {
      const source = variant[field];
      if (!source) continue;
      const result = parseTemplate(source);
      if (!result.ok) syntaxErrors.push({ language: variant.language, field, ...result.error });
    }
  }
  if (syntaxErrors.length > 0) {
    const first = syntaxErrors[0]!;
    const message = `${first.language} ${first.field}: ${first.message} (line ${first.line}, column ${first.column})`;
    throw new TemplateInputError(400, { syntax: message }, syntaxErrors);
  }
  return { ...parsed.data, keywords: normalizeKeywords(parsed.data.keywords), variants };
}

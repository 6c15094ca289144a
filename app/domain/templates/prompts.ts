// Prompted fields: values only the agent knows when replying (a discount code, a return address).
// A prompt is declared by use — `{{ prompt.discount_code }}` — and may be given a label for the
// send form with `{% prompt discount_code, "Discount code" %}` (the tag itself prints nothing).
// A prompt the rendered text prints without a value blocks sending, like any missing value.
import { Tag, evalQuotedToken } from "liquidjs";
import type { Liquid, TagToken, Template, TopLevelToken } from "liquidjs";
import { walkTemplates } from "./missing-values";

export const PROMPT_ROOT = "prompt";
export const PROMPT_TAG_NAME = "prompt";
const PROMPT_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_PROMPT_VALUE_LENGTH = 2_000;

export interface PromptDeclaration {
  name: string;
  label: string;
}

export interface PromptStatus extends PromptDeclaration {
  value: string | null;
  filled: boolean;
  /** Printed by this render without a value (and without a `default`). */
  blocking: boolean;
}

export type PromptValues = Readonly<Record<string, string | null | undefined>>;

/** `{% prompt name %}` / `{% prompt name, "Label" %}`: declares a label, renders nothing. */
export class PromptTag extends Tag {
  readonly promptName: string;
  readonly label: string | null;
  readonly line: number;
  readonly column: number;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    const tokenizer = this.tokenizer;
    tokenizer.skipBlank();
    const name = tokenizer.readIdentifier().content;
    if (!PROMPT_NAME.test(name)) {
      throw new Error(`prompt name must start with a lowercase letter and use only a-z, 0-9 and _: "${name}"`);
    }
    tokenizer.skipBlank();
    let label: string | null = null;
    if (tokenizer.peek() === ",") {
      tokenizer.advance();
      tokenizer.skipBlank();
      const quoted = tokenizer.readQuoted();
      if (!quoted) throw new Error(`expected a quoted label after "${name},"`);
      label = evalQuotedToken(quoted).trim() || null;
      tokenizer.skipBlank();
    }
    if (!tokenizer.end()) throw new Error(`unexpected text in prompt tag, expected {% prompt name, "Label" %}`);
    this.promptName = name;
    this.label = label;
    [this.line, this.column] = token.getPosition();
  }

  render(): void {
    // Declaration only.
  }
}

export function humanizePromptName(name: string): string {
  const words = name.replace(/_+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Prompts in order of first appearance; labels come from `{% prompt %}` tags when present. */
export function collectPromptDeclarations(templates: Template[], liquid: Liquid): PromptDeclaration[] {
  const labels = new Map<string, string>();
  const firstSeen = new Map<string, [number, number]>();
  const see = (name: string, line: number, column: number) => {
    const previous = firstSeen.get(name);
    if (!previous || line < previous[0] || (line === previous[0] && column < previous[1])) {
      firstSeen.set(name, [line, column]);
    }
  };
  walkTemplates(templates, (template) => {
    if (!(template instanceof PromptTag)) return;
    if (template.label && !labels.has(template.promptName)) labels.set(template.promptName, template.label);
    see(template.promptName, template.line, template.column);
  });
  const uses = liquid.analyzeSync(templates).globals[PROMPT_ROOT] ?? [];
  for (const use of uses) {
    const name = use.segments[1];
    if (typeof name === "string" && PROMPT_NAME.test(name)) see(name, use.location.row, use.location.col);
  }
  return [...firstSeen.entries()]
    .sort(([, a], [, b]) => a[0] - b[0] || a[1] - b[1])
    .map(([name]) => ({ name, label: labels.get(name) ?? humanizePromptName(name) }));
}

/** The `prompt` object templates see: only well-named, non-blank, bounded string values. */
export function buildPromptScope(values: PromptValues | undefined): Readonly<Record<string, string>> {
  const scope: Record<string, string> = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    if (!PROMPT_NAME.test(name) || typeof value !== "string") continue;
    const trimmed = value.trim().slice(0, MAX_PROMPT_VALUE_LENGTH);
    if (trimmed !== "") scope[name] = trimmed;
  }
  return Object.freeze(scope);
}

export function summarizePrompts(
  declarations: readonly PromptDeclaration[],
  scope: Readonly<Record<string, string>>,
  printedUnfilled: ReadonlySet<string>,
): PromptStatus[] {
  return declarations.map(({ name, label }) => {
    const value = Object.prototype.hasOwnProperty.call(scope, name) ? scope[name] : null;
    return { name, label, value, filled: value !== null, blocking: value === null && printedUnfilled.has(name) };
  });
}

// The sandboxed Liquid engine for reply templates: parse (cached), check, render with limits.
// Templates are written by shop staff and must not reach anything beyond the whitelisted context
// built by context.ts, nor hold the event loop: every render is synchronous and bounded in time,
// memory and output size, and fails with an error instead of throwing.
import { Context, Liquid, LiquidError } from "liquidjs";
import type { Template } from "liquidjs";
import { lengthWarning, type LengthWarning } from "./channel-limits";
import { CONTEXT_FIELDS, CONTEXT_ROOTS, type ContextRoot, type TemplateContext } from "./context";
import { FORMAT_SETTINGS_REGISTER, registerTemplateFilters, validTimezone, type FormatSettings } from "./filters";
import { normalizeLanguageTag } from "./language";
import {
  RENDER_TRACE_REGISTER, createRenderTrace, distinctLookups, instrumentMissingValues, toMissingValue,
  type MissingValue, type RenderTrace,
} from "./missing-values";
import {
  PROMPT_ROOT, PROMPT_TAG_NAME, PromptTag, buildPromptScope, collectPromptDeclarations, summarizePrompts,
  type PromptDeclaration, type PromptStatus, type PromptValues,
} from "./prompts";

export const TEMPLATE_LIMITS = Object.freeze({
  /** Characters of Liquid source (also liquidjs `parseLimit`). */
  sourceLength: 20_000,
  /**
   * Wall-clock milliseconds per render (liquidjs `renderLimit`). Typical renders take ~0.1 ms; the
   * margin absorbs GC pauses and CPU contention, and keeps a hostile render under 200 ms.
   */
  renderTimeMs: 100,
  /**
   * liquidjs `memoryLimit`: range sizes, string-filter output and printed values, summed per render.
   * It also caps loop iterations over ranges, so a hostile loop fails fast instead of on time.
   */
  memory: 100_000,
  /** Characters of rendered text. */
  outputLength: 50_000,
  parseCacheEntries: 1_000,
});

// Liquid's built-in properties on any value (`order.line_items.size`).
const SPECIAL_PROPERTIES: readonly string[] = ["size", "first", "last"];

// include/render/layout/block read other templates: none exist in this sandbox.
const DISABLED_TAGS = ["include", "render", "layout", "block"] as const;

export interface TemplateError {
  message: string;
  line: number;
  column: number;
}

export type TemplateWarning =
  | (LengthWarning & { blocking: false })
  | { code: "unknown_variable"; message: string; path: string; line: number; column: number; blocking: false }
  | { code: "liquid_in_output"; message: string; blocking: true };

export type ParseResult =
  | { ok: true; prompts: PromptDeclaration[]; warnings: TemplateWarning[] }
  | { ok: false; error: TemplateError };

export interface RenderOptions {
  /** Ticket channel of the reply, for length warnings (see channel-limits.ts). */
  channel?: string;
  promptValues?: PromptValues;
  /** Language of the text (the chosen variant), used by money and date filters. Default `en`. */
  locale?: string;
  /** IANA zone of the customer. Default `UTC`. */
  timezone?: string;
  /** Default currency for money filters; else the order's, else the shop's, else USD. */
  currency?: string;
  /** Print `[customer.first_name]` / `[Discount code]` where a value is missing (editor preview). */
  preview?: boolean;
}

export type RenderResult =
  | {
      ok: true;
      text: string;
      missing: MissingValue[];
      prompts: PromptStatus[];
      warnings: TemplateWarning[];
      /** No missing value, no unfilled printed prompt, no blocking warning. */
      canSend: boolean;
    }
  | { ok: false; error: TemplateError & { kind: "syntax" | "limit" | "render" } };

interface ParsedTemplate {
  templates: Template[];
  /** Set after the first render that finished within the limits (see isStall). */
  renderedWithinLimits: boolean;
  prompts: PromptDeclaration[];
  promptLabels: ReadonlyMap<string, string>;
  warnings: TemplateWarning[];
}

type ParseOutcome = { ok: true; parsed: ParsedTemplate } | { ok: false; error: TemplateError };

export function createSandboxedLiquid(): Liquid {
  const liquid = new Liquid({
    templates: {}, // in-memory file system with no files: nothing on disk is ever read
    dynamicPartials: false,
    relativeReference: false,
    strictFilters: true,
    strictVariables: false, // missing values are detected by instrumentation (missing-values.ts)
    ownPropertyOnly: true,
    globals: {},
    jsTruthy: false,
    cache: false, // our own cache below holds instrumented templates
    parseLimit: TEMPLATE_LIMITS.sourceLength,
    renderLimit: TEMPLATE_LIMITS.renderTimeMs,
    memoryLimit: TEMPLATE_LIMITS.memory,
    timezoneOffset: 0,
    locale: "en",
  });
  for (const tag of DISABLED_TAGS) delete liquid.tags[tag];
  liquid.registerTag(PROMPT_TAG_NAME, PromptTag);
  registerTemplateFilters(liquid);
  return liquid;
}

const sandbox = createSandboxedLiquid();

function positionOf(error: unknown): { line: number; column: number } {
  if (LiquidError.is(error) && error.token) {
    const [line, column] = error.token.getPosition();
    return { line, column };
  }
  return { line: 1, column: 1 };
}

/** liquidjs appends ", line:1, col:5" and a code frame; the editor shows position separately. */
function messageOf(error: unknown): string {
  const original = LiquidError.is(error) ? (error.originalError ?? error) : error;
  if (original instanceof RangeError && /call stack/i.test(original.message)) return "Template is nested too deeply";
  const message = original instanceof Error ? original.message : String(original);
  return message.split("\n")[0]?.replace(/, line:\d+, col:\d+$/, "") ?? message;
}

type UnknownVariableWarning = Extract<TemplateWarning, { code: "unknown_variable" }>;

function isContextRoot(name: string): name is ContextRoot {
  return (CONTEXT_ROOTS as readonly string[]).includes(name);
}

/** Editor hints: roots and fields the context never has (`custmer`, `customer.firstname`). */
function unknownVariableWarnings(templates: Template[]): UnknownVariableWarning[] {
  const warnings: UnknownVariableWarning[] = [];
  for (const [root, uses] of Object.entries(sandbox.analyzeSync(templates).globals)) {
    if (root === PROMPT_ROOT) continue;
    for (const use of uses) {
      const field = use.segments[1];
      let path: string | null = root;
      if (isContextRoot(root)) {
        const knownField = typeof field !== "string" || SPECIAL_PROPERTIES.includes(field)
          || CONTEXT_FIELDS[root].includes(field);
        path = knownField ? null : `${root}.${field}`;
      }
      if (path === null) continue;
      warnings.push({
        code: "unknown_variable", message: `Unknown variable "${path}"`, path,
        line: use.location.row, column: use.location.col, blocking: false,
      });
    }
  }
  return warnings.sort((a, b) => a.line - b.line || a.column - b.column);
}

function parseUncached(source: string): ParseOutcome {
  if (source.length > TEMPLATE_LIMITS.sourceLength) {
    const message = `Template is longer than ${TEMPLATE_LIMITS.sourceLength} characters`;
    return { ok: false, error: { message, line: 1, column: 1 } };
  }
  try {
    const templates = sandbox.parse(source);
    const prompts = collectPromptDeclarations(templates, sandbox);
    const warnings = unknownVariableWarnings(templates);
    instrumentMissingValues(templates, sandbox);
    const promptLabels = new Map(prompts.map((prompt) => [prompt.name, prompt.label]));
    return { ok: true, parsed: { templates, prompts, promptLabels, warnings, renderedWithinLimits: false } };
  } catch (error) {
    return { ok: false, error: { message: messageOf(error), ...positionOf(error) } };
  }
}

// LRU keyed by the source itself: Map hashes strings natively, and comparing the full key on a hit
// rules out the cross-shop mix-up a hash collision could cause. Failures are cached too.
const parseCache = new Map<string, ParseOutcome>();

function parseCached(source: string): ParseOutcome {
  const cached = parseCache.get(source);
  if (cached) {
    parseCache.delete(source);
    parseCache.set(source, cached);
    return cached;
  }
  const outcome = parseUncached(source);
  parseCache.set(source, outcome);
  if (parseCache.size > TEMPLATE_LIMITS.parseCacheEntries) {
    const oldest = parseCache.keys().next();
    if (!oldest.done) parseCache.delete(oldest.value);
  }
  return outcome;
}

/** For the editor: a template that does not parse cannot be saved. */
export function parseTemplate(source: string): ParseResult {
  const outcome = parseCached(source);
  if (!outcome.ok) return outcome;
  return { ok: true, prompts: outcome.parsed.prompts, warnings: outcome.parsed.warnings };
}

function formatSettings(context: TemplateContext, options: RenderOptions): FormatSettings {
  const currency = options.currency ?? context.order?.currency ?? context.shop.currency ?? "USD";
  return {
    locale: normalizeLanguageTag(options.locale) ?? "en",
    timezone: validTimezone(options.timezone),
    currency: /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : "USD",
  };
}

/** Blank lines left by `{% if %}` lines and trailing spaces are not part of the message. */
function tidy(text: string): string {
  return text.replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim();
}

const LIQUID_DELIMITERS = /\{\{|\{%/;

type RenderAttempt =
  | { ok: true; rendered: unknown; trace: RenderTrace }
  | { ok: false; error: Extract<RenderResult, { ok: false }>["error"]; cpuMs: number | null };

/** Process CPU milliseconds, or null where there is no `process` (a browser bundle). */
function cpuTimeMs(): number | null {
  if (typeof process === "undefined" || typeof process.cpuUsage !== "function") return null;
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
}

function renderWithLimits(
  templates: Template[],
  scope: object,
  settings: FormatSettings,
  trace: RenderTrace,
): RenderAttempt {
  const liquidContext = new Context(scope, sandbox.options, { sync: true }, { liquid: sandbox });
  liquidContext.setRegister(RENDER_TRACE_REGISTER, trace);
  liquidContext.setRegister(FORMAT_SETTINGS_REGISTER, settings);
  const cpuBefore = cpuTimeMs();
  try {
    return { ok: true, rendered: sandbox.renderSync(templates, liquidContext), trace };
  } catch (error) {
    const message = messageOf(error);
    const kind = /limit exceeded|Invalid string length|nested too deeply/.test(message) ? "limit" : "render";
    const cpuAfter = cpuTimeMs();
    const cpuMs = /render limit exceeded/.test(message) && cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
    return { ok: false, error: { message, kind, ...positionOf(error) }, cpuMs };
  }
}

/**
 * Whether a render that ran out of time was held up rather than busy. A render that used almost no
 * CPU was suspended (a GC pause, a stopped process). A template that has rendered within the limit
 * before and used under half its budget met a busy CPU. A template that never rendered is not given
 * a second go on a busy machine: hostile loops then stop after one time budget, not two.
 */
function isStall(cpuMs: number | null, parsed: ParsedTemplate): boolean {
  if (cpuMs === null) return false;
  if (cpuMs < TEMPLATE_LIMITS.renderTimeMs / 10) return true;
  return parsed.renderedWithinLimits && cpuMs < TEMPLATE_LIMITS.renderTimeMs / 2;
}

export function renderTemplate(source: string, context: TemplateContext, options: RenderOptions = {}): RenderResult {
  const outcome = parseCached(source);
  if (!outcome.ok) return { ok: false, error: { ...outcome.error, kind: "syntax" } };
  const { templates, prompts, promptLabels, warnings: staticWarningList } = outcome.parsed;

  const promptScope = buildPromptScope(options.promptValues);
  // Listed explicitly so nothing the caller attached to the context object leaks into templates.
  const { customer, order, ticket, agent, shop } = context;
  const scope = { customer, order, ticket, agent, shop, [PROMPT_ROOT]: promptScope };
  const settings = formatSettings(context, options);
  const preview = options.preview ?? false;

  let attempt = renderWithLimits(templates, scope, settings, createRenderTrace(preview, promptLabels));
  if (!attempt.ok && isStall(attempt.cpuMs, outcome.parsed)) {
    // The time limit is wall-clock; a GC pause or a busy CPU can use it up without the template
    // doing any work. One retry for that case only: a hostile template burns its own CPU time.
    attempt = renderWithLimits(templates, scope, settings, createRenderTrace(preview, promptLabels));
  }
  if (!attempt.ok) return { ok: false, error: attempt.error };
  outcome.parsed.renderedWithinLimits = true;
  const { rendered, trace } = attempt;
  const raw = String(rendered);
  // Check before touching the characters: a huge result may still be a cheap rope of one chunk.
  if (raw.length > TEMPLATE_LIMITS.outputLength) {
    const message = `Rendered text is longer than ${TEMPLATE_LIMITS.outputLength} characters`;
    return { ok: false, error: { message, kind: "limit", line: 1, column: 1 } };
  }
  const text = tidy(raw);

  const printedUnfilled = new Set<string>();
  const missing: MissingValue[] = [];
  for (const lookup of distinctLookups(trace.missing)) {
    if (lookup.root === PROMPT_ROOT && lookup.property) printedUnfilled.add(lookup.property);
    else missing.push(toMissingValue(lookup));
  }
  const promptStatuses = summarizePrompts(prompts, promptScope, printedUnfilled);

  const warnings: TemplateWarning[] = [...staticWarningList];
  const tooLong = lengthWarning(text, options.channel);
  if (tooLong) warnings.push({ ...tooLong, blocking: false });
  if (LIQUID_DELIMITERS.test(text)) {
    const message = "The text contains Liquid delimiters ({{ or {%); customers must not see them";
    warnings.push({ code: "liquid_in_output", message, blocking: true });
  }
  const canSend = missing.length === 0
    && !promptStatuses.some((prompt) => prompt.blocking)
    && !warnings.some((warning) => warning.blocking);
  return { ok: true, text, missing, prompts: promptStatuses, warnings, canSend };
}

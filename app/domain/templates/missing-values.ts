// Missing-value detection: a value a template prints must not come out blank unless the template
// says what to print instead (`| default:`). Static analysis alone cannot decide this (the answer
// depends on the data and on which `if` branch runs), so we instrument the parsed template once —
// every `{{ }}`/`echo` gets a tracking filter inserted right after its variable lookup — and each
// render records the lookups that resolved to nil/blank. The parse is cached, so the cost per render
// is one extra function call per printed value.
import { EchoTag, Filter, Output, Tokenizer, TypeGuards, Value, evalToken, toValueSync } from "liquidjs";
import type { Context, FilterImplOptions, Liquid, PropertyAccessToken, Template } from "liquidjs";

export interface MissingValue {
  /** Variable as written in the template, e.g. `customer.first_name`, `item.sku`. */
  path: string;
  line: number;
  column: number;
}

/** One `{{ }}` variable lookup that has no `default` after it. */
interface PrintedLookup extends MissingValue {
  /** First segment (`customer`, `prompt`, a loop variable…). */
  root: string;
  /** Second segment, used to name prompts (`prompt.discount_code` → `discount_code`). */
  property: string | null;
}

/** Per-render state, stored in a context register (the parse tree is shared between renders). */
export interface RenderTrace {
  readonly missing: PrintedLookup[];
  /** Preview mode prints `[customer.first_name]` / `[Discount code]` where a value is missing. */
  readonly preview: boolean;
  readonly promptLabels: ReadonlyMap<string, string>;
}

export const RENDER_TRACE_REGISTER = "shopdesk:render-trace";
const TRACKING_FILTER_NAME = "shopdesk_track_missing";
const DEFAULT_FILTER_NAME = "default";

type PropertyAccess = PropertyAccessToken;

/** Calls `visit` for every template node, depth first, using liquidjs's static-analysis API. */
export function walkTemplates(templates: readonly Template[], visit: (template: Template) => void): void {
  for (const template of templates) {
    visit(template);
    // partials=false: there are none (include/render are disabled); sync=true: no promises.
    if (template.children) walkTemplates(toValueSync(template.children(false, true)), visit);
  }
}

/** The value a node prints (`{{ x }}`, `{% echo x %}`), if any. */
function printedValue(template: Template): Value | null {
  if (template instanceof Output) return template.value;
  if (template instanceof EchoTag && template.arguments) {
    for (const argument of template.arguments()) if (argument instanceof Value) return argument;
  }
  return null;
}

export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function describeLookup(token: PropertyAccess): PrintedLookup {
  const [line, column] = token.getPosition();
  const [root, property] = token.props.map((prop) => ("content" in prop ? String(prop.content) : null));
  return {
    path: token.getText().replace(/\s+/g, ""),
    line,
    column,
    root: root ?? "",
    property: property ?? null,
  };
}

function asPropertyAccess(token: unknown): PropertyAccess | null {
  return TypeGuards.isPropertyAccessToken(token) && token.variable === undefined ? token : null;
}

/**
 * Inserts the tracking filter into every printed value of `templates`. Lookups followed by a
 * `default` filter are never reported; the initial value is checked as the filter receives it,
 * variables used as filter arguments (`append: customer.email`) are evaluated again (rare).
 */
export function instrumentMissingValues(templates: readonly Template[], liquid: Liquid): void {
  walkTemplates(templates, (template) => {
    const value = printedValue(template);
    if (!value) return;
    const filters = value.filters;
    const lastDefault = filters.map((filter) => filter.name).lastIndexOf(DEFAULT_FILTER_NAME);
    const initial = value.initial.postfix.length === 1 ? asPropertyAccess(value.initial.postfix[0]) : null;
    const initialLookup = initial && lastDefault === -1 ? describeLookup(initial) : null;
    const argumentLookups: Array<{ token: PropertyAccess; lookup: PrintedLookup }> = [];
    filters.forEach((filter, index) => {
      // Arguments before or of the last `default` are covered by it (`default: customer.name` is a
      // fallback: blank only matters if it is used, which we cannot tell apart here).
      if (index <= lastDefault) return;
      for (const arg of filter.args) {
        const token = asPropertyAccess(Array.isArray(arg) ? arg[1] : arg);
        if (token) argumentLookups.push({ token, lookup: describeLookup(token) });
      }
    });
    filters.unshift(trackingFilter(initialLookup, argumentLookups, liquid));
  });
}

function trackingFilter(
  initialLookup: PrintedLookup | null,
  argumentLookups: ReadonlyArray<{ token: PropertyAccess; lookup: PrintedLookup }>,
  liquid: Liquid,
): Filter {
  const handler: FilterImplOptions = function (this: { context: Context }, value: unknown): unknown {
    // Charge what is printed so a doubling `capture` loop hits the memory limit, not the heap.
    if (typeof value === "string") this.context.memoryLimit.use(value.length);
    const trace = this.context.getRegister<RenderTrace | undefined>(RENDER_TRACE_REGISTER);
    if (!trace) return value;
    for (const { token, lookup } of argumentLookups) {
      if (isBlank(toValueSync(evalToken(token, this.context)))) trace.missing.push(lookup);
    }
    if (initialLookup && isBlank(value)) {
      trace.missing.push(initialLookup);
      if (trace.preview) return placeholderFor(initialLookup, trace);
    }
    return value;
  };
  const token = new Tokenizer(`| ${TRACKING_FILTER_NAME}`).readFilter();
  if (!token) throw new Error("tracking filter token could not be built");
  return new Filter(token, handler, liquid);
}

function placeholderFor(lookup: PrintedLookup, trace: RenderTrace): string {
  if (lookup.root === "prompt" && lookup.property) {
    return `[${trace.promptLabels.get(lookup.property) ?? lookup.property}]`;
  }
  return `[${lookup.path}]`;
}

export function createRenderTrace(preview: boolean, promptLabels: ReadonlyMap<string, string>): RenderTrace {
  return { missing: [], preview, promptLabels };
}

/** Distinct lookups (a loop reports each place once), in template order. */
export function distinctLookups(lookups: readonly PrintedLookup[]): PrintedLookup[] {
  const seen = new Map<string, PrintedLookup>();
  for (const lookup of lookups) {
    const key = `${lookup.line}:${lookup.column}:${lookup.path}`;
    if (!seen.has(key)) seen.set(key, lookup);
  }
  return [...seen.values()].sort((a, b) => a.line - b.line || a.column - b.column);
}

export function toMissingValue(lookup: PrintedLookup): MissingValue {
  return { path: lookup.path, line: lookup.line, column: lookup.column };
}

export type { PrintedLookup };

// The triage keyword lists a merchant can edit, addressed by a path ("escalation",
// "categories.order_status.strong", "severityL1.fraud"), and the edits (add/remove) at a path.
import { DEFAULT_TRIAGE_KEYWORDS, L1_SIGNALS, L2_SIGNALS, type KeywordOverrides } from "../../domain/triage/keywords";

const FLAT_LISTS = ["escalation", "urgency", "greetings", "negations", "deliveredClaim", "notReceived"] as const;

export const KEYWORD_LIST_PATHS: readonly string[] = [
  ...FLAT_LISTS,
  ...Object.keys(DEFAULT_TRIAGE_KEYWORDS.categories).flatMap((category) => [`categories.${category}.strong`, `categories.${category}.weak`]),
  ...L1_SIGNALS.map((signal) => `severityL1.${signal}`),
  ...L2_SIGNALS.map((signal) => `severityL2.${signal}`),
];

function at(root: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), root);
}

export function defaultTerms(path: string): readonly string[] {
  const value = at(DEFAULT_TRIAGE_KEYWORDS, path);
  return Array.isArray(value) ? value : [];
}

export function editedTerms(overrides: KeywordOverrides, side: "add" | "remove", path: string): string[] {
  const value = at(overrides[side], path);
  return Array.isArray(value) ? value : [];
}

/** A copy of `overrides` with the terms at `path` replaced (empty lists are dropped). */
export function withEditedTerms(overrides: KeywordOverrides, side: "add" | "remove", path: string, terms: string[]): KeywordOverrides {
  const copy = JSON.parse(JSON.stringify(overrides ?? {})) as Record<string, Record<string, unknown>>;
  const keys = path.split(".");
  let node: Record<string, unknown> = (copy[side] ??= {});
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  const clean = [...new Set(terms.map((term) => term.trim()).filter(Boolean))];
  if (clean.length > 0) node[keys[keys.length - 1]] = clean;
  else delete node[keys[keys.length - 1]];
  return copy as KeywordOverrides;
}

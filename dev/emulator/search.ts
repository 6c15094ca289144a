/**
 * A small subset of Shopify's search syntax: `field:value`, `field:>value` (>, >=, <, <=),
 * quoted values, `-field:value` negation, trailing `*` prefix match, and bare terms. Terms are ANDed;
 * the words AND are ignored (OR is not supported — the emulator only needs what the app sends).
 */
export interface SearchTerm {
  field: string | null;
  comparator: "=" | ">" | ">=" | "<" | "<=";
  value: string;
  negated: boolean;
}

const TERM_PATTERN = /(-?)(?:([A-Za-z_]+):(>=|<=|>|<)?(?:"([^"]*)"|'([^']*)'|(\S+))|"([^"]*)"|(\S+))/g;

export function parseSearchQuery(query: string | null | undefined): SearchTerm[] {
  if (!query) return [];
  const terms: SearchTerm[] = [];
  for (const match of query.matchAll(TERM_PATTERN)) {
    const [, negation, field, comparator, doubleQuoted, singleQuoted, plain, bareQuoted, bare] = match;
    if (field) {
      terms.push({
        field: field.toLowerCase(),
        comparator: (comparator as SearchTerm["comparator"]) ?? "=",
        value: doubleQuoted ?? singleQuoted ?? plain ?? "",
        negated: negation === "-",
      });
    } else {
      const value = bareQuoted ?? bare ?? "";
      if (value === "AND") continue;
      terms.push({ field: null, comparator: "=", value, negated: negation === "-" });
    }
  }
  return terms;
}

/** Case-insensitive equality with `*` suffix as prefix match. */
export function textMatches(candidate: string | null | undefined, pattern: string): boolean {
  if (candidate == null) return false;
  const left = candidate.toLowerCase();
  const right = pattern.toLowerCase();
  return right.endsWith("*") ? left.startsWith(right.slice(0, -1)) : left === right;
}

export function dateMatches(candidateIso: string | null | undefined, term: SearchTerm): boolean {
  if (!candidateIso) return false;
  const candidate = Date.parse(candidateIso);
  const bound = Date.parse(term.value.replace(/^'|'$/g, ""));
  if (Number.isNaN(bound)) return false;
  switch (term.comparator) {
    case ">": return candidate > bound;
    case ">=": return candidate >= bound;
    case "<": return candidate < bound;
    case "<=": return candidate <= bound;
    default: return candidate === bound;
  }
}

/** Numeric tail of a GID or a bare numeric id. */
export function legacyId(gidOrNumber: string): string {
  return gidOrNumber.split("/").pop() ?? gidOrNumber;
}

/**
 * Applies terms with a per-field matcher. `matchField` returns undefined for fields it does not
 * know; Shopify ignores unknown filters, and so do we.
 */
export function filterBySearch<T>(
  items: readonly T[],
  query: string | null | undefined,
  matchField: (item: T, term: SearchTerm) => boolean | undefined,
  matchText: (item: T, text: string) => boolean,
): T[] {
  const terms = parseSearchQuery(query);
  if (terms.length === 0) return [...items];
  return items.filter((item) =>
    terms.every((term) => {
      const result = term.field === null ? matchText(item, term.value) : matchField(item, term);
      if (result === undefined) return true;
      return term.negated ? !result : result;
    }),
  );
}

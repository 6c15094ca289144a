// Keyword matching that is explainable and language-aware.
//
// Normalisation (text and terms alike): NFKC (full-width → ASCII, half-width kana → full-width),
// lower case, curly quotes → straight, Latin diacritics removed ("déçu" = "decu"). Kana voicing
// marks are kept (they change the word).
//
// Term syntax (plain strings, so merchants can edit them):
// - Latin terms match whole words: "refund" does not match "refunded"; "refund*" does.
// - CJK terms (Chinese, Japanese) match as substrings: those scripts have no word boundaries.
// - " ~ " allows a short gap: up to 3 words in Latin text, up to 6 characters in CJK text
//   ("change ~ address" matches "change the shipping address").
// - A match is negated when a negation word stands just before it ("not disappointed",
//   "不是很失望"), within the same clause.

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;
const LATIN_DIACRITICS = /[\u0300-\u036f]/g;
const NEGATION_WORD_WINDOW = 3;
const NEGATION_CJK_WINDOW = 4;
const CLAUSE_BREAK = /[.!?;,:。！？；，、\n]/u;

export function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .normalize("NFD")
    .replace(LATIN_DIACRITICS, "")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim();
}

export function isCjkTerm(term: string): boolean {
  return CJK.test(term);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function termPattern(term: string): RegExp {
  const normalized = normalizeText(term);
  const cjk = isCjkTerm(normalized);
  const parts = normalized.split(/\s*~\s*/).map((part) => {
    const prefix = !cjk && part.endsWith("*");
    const body = escapeRegExp(prefix ? part.slice(0, -1) : part).replace(/ /g, "\\s+");
    return prefix ? `${body}[\\p{L}\\p{N}]*` : body;
  });
  const gap = cjk ? "[^。！？.!?\\n]{0,6}?" : "(?:\\s+\\S+){0,3}?\\s+";
  const source = parts.join(gap);
  return cjk ? new RegExp(source, "gu") : new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, "gu");
}

export interface TermMatch {
  term: string;
  index: number;
  negatedBy: string | null;
}

export interface CompiledTermList {
  terms: readonly string[];
  patterns: readonly RegExp[];
}

export function compileTerms(terms: readonly string[]): CompiledTermList {
  return { terms, patterns: terms.map(termPattern) };
}

/** The negation word in the same clause just before `index`, if any. */
function negationBefore(text: string, index: number, negations: ReadonlySet<string>, cjkNegations: readonly string[]): string | null {
  let clauseStart = index;
  while (clauseStart > 0 && !CLAUSE_BREAK.test(text[clauseStart - 1])) clauseStart--;
  const before = text.slice(clauseStart, index);
  const cjkWindow = before.slice(-NEGATION_CJK_WINDOW);
  for (const negation of cjkNegations) if (cjkWindow.includes(negation)) return negation;
  const words = before.split(/[^\p{L}\p{N}']+/u).filter(Boolean).slice(-NEGATION_WORD_WINDOW);
  return words.find((word) => negations.has(word)) ?? null;
}

export interface NegationList {
  words: ReadonlySet<string>;
  cjk: readonly string[];
}

export function compileNegations(terms: readonly string[]): NegationList {
  const normalized = terms.map(normalizeText);
  return { words: new Set(normalized.filter((t) => !isCjkTerm(t))), cjk: normalized.filter(isCjkTerm) };
}

/** Every term of the list found in the (normalised) text, first occurrence each. */
export function findTerms(normalizedText: string, list: CompiledTermList, negations?: NegationList): TermMatch[] {
  const matches: TermMatch[] = [];
  list.patterns.forEach((pattern, i) => {
    pattern.lastIndex = 0;
    const found = pattern.exec(normalizedText);
    if (!found) return;
    const negatedBy = negations ? negationBefore(normalizedText, found.index, negations.words, negations.cjk) : null;
    matches.push({ term: list.terms[i], index: found.index, negatedBy });
  });
  return matches;
}

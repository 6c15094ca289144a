// Keyword lists compiled to matchers once per list object (defaults once; each merchant's merged
// lists once per overrides object).

import { compileNegations, compileTerms, type CompiledTermList, type NegationList } from "./matcher";
import type { KeywordCategory, L1Signal, L2Signal, TriageKeywords } from "./keywords";

export interface CompiledKeywords {
  categories: Record<KeywordCategory, { strong: CompiledTermList; weak: CompiledTermList }>;
  greetings: CompiledTermList;
  severityL1: Record<L1Signal, CompiledTermList>;
  severityL2: Record<L2Signal, CompiledTermList>;
  escalation: CompiledTermList;
  urgency: CompiledTermList;
  deliveredClaim: CompiledTermList;
  notReceived: CompiledTermList;
  negations: NegationList;
}

const cache = new WeakMap<TriageKeywords, CompiledKeywords>();

function compileRecord<K extends string>(lists: Record<K, readonly string[]>): Record<K, CompiledTermList> {
  const entries = (Object.keys(lists) as K[]).map((key) => [key, compileTerms(lists[key])] as const);
  return Object.fromEntries(entries) as Record<K, CompiledTermList>;
}

export function compileKeywords(keywords: TriageKeywords): CompiledKeywords {
  const cached = cache.get(keywords);
  if (cached) return cached;
  const categoryKeys = Object.keys(keywords.categories) as KeywordCategory[];
  const compiled: CompiledKeywords = {
    categories: Object.fromEntries(
      categoryKeys.map((c) => [c, { strong: compileTerms(keywords.categories[c].strong), weak: compileTerms(keywords.categories[c].weak) }]),
    ) as CompiledKeywords["categories"],
    greetings: compileTerms(keywords.greetings),
    severityL1: compileRecord(keywords.severityL1),
    severityL2: compileRecord(keywords.severityL2),
    escalation: compileTerms(keywords.escalation),
    urgency: compileTerms(keywords.urgency),
    deliveredClaim: compileTerms(keywords.deliveredClaim),
    notReceived: compileTerms(keywords.notReceived),
    negations: compileNegations(keywords.negations),
  };
  cache.set(keywords, compiled);
  return compiled;
}

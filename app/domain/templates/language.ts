// Picks the template variant a customer reads: their exact language, else the same language in
// another region (`zh` → `zh-CN`, `es-MX` → `es`), else the shop's default language, else English.

export const FALLBACK_LANGUAGE = "en";

// Called on every render; Intl canonicalization is comparatively slow.
const canonicalTags = new Map<string, string | null>();

/** Canonical BCP 47 form (`zh_cn` → `zh-CN`), or null for anything that is not a language tag. */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (typeof tag !== "string") return null;
  const known = canonicalTags.get(tag);
  if (known !== undefined) return known;
  const cleaned = tag.trim().replace(/_/g, "-");
  let canonical: string | null = null;
  try {
    canonical = cleaned === "" ? null : (Intl.getCanonicalLocales(cleaned)[0] ?? null);
  } catch {
    canonical = null;
  }
  if (canonicalTags.size > 1_000) canonicalTags.clear();
  canonicalTags.set(tag, canonical);
  return canonical;
}


function primarySubtag(tag: string): string {
  return tag.split("-")[0]?.toLowerCase() ?? tag.toLowerCase();
}

/** Best available tag for one wanted language: exact, then same primary language. */
function matchLanguage(wanted: string, available: readonly string[]): string | null {
  const canonical = available.map((tag) => ({ tag, canonical: normalizeLanguageTag(tag) }));
  const exact = canonical.find((entry) => entry.canonical?.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact.tag;
  const primary = primarySubtag(wanted);
  // A bare-language variant (`es`) is the intended catch-all for its regions; prefer it.
  const bare = canonical.find((entry) => entry.canonical?.toLowerCase() === primary);
  if (bare) return bare.tag;
  const sameLanguage = canonical.find((entry) => entry.canonical && primarySubtag(entry.canonical) === primary);
  return sameLanguage ? sameLanguage.tag : null;
}

/**
 * Returns the variant language to use from `available`, or null if there are no variants.
 * Chinese in any region falls back to `zh-CN` when it is the only Chinese variant: Simplified
 * Chinese is read by Traditional readers, unlike an English fallback.
 */
export function chooseVariantLanguage(
  available: readonly string[],
  customerLanguage: string | null | undefined,
  shopDefaultLanguage?: string | null,
): string | null {
  if (available.length === 0) return null;
  for (const wanted of [customerLanguage, shopDefaultLanguage, FALLBACK_LANGUAGE]) {
    const normalized = normalizeLanguageTag(wanted);
    if (!normalized) continue;
    const match = matchLanguage(normalized, available);
    if (match) return match;
  }
  return available[0] ?? null;
}

export function chooseVariant<Variant>(
  variants: Readonly<Record<string, Variant>>,
  customerLanguage: string | null | undefined,
  shopDefaultLanguage?: string | null,
): { language: string; variant: Variant } | null {
  const language = chooseVariantLanguage(Object.keys(variants), customerLanguage, shopDefaultLanguage);
  if (language === null) return null;
  const variant = variants[language];
  return variant === undefined ? null : { language, variant };
}

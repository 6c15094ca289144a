// Which text is a customer's personal data, for redaction (and for the test that proves it is gone).
export const REDACTION_MARKER = "[redacted]";

export interface CustomerIdentifiers {
  /** Replaced wherever they occur inside text: distinctive enough never to hit other words. */
  substrings: string[];
  /** Replaced only where a whole value equals them (a first name alone could be part of any word). */
  exactValues: string[];
}

const clean = (values: (string | null | undefined)[]) => [...new Set(values.map((value) => value?.trim() ?? "").filter(Boolean))];

export function customerIdentifiers(people: { email?: string | null; phone?: string | null; firstName?: string | null; lastName?: string | null; displayName?: string | null }[]): CustomerIdentifiers {
  const substrings: string[] = [];
  const exactValues: string[] = [];
  for (const person of people) {
    const fullName = [person.firstName, person.lastName].filter(Boolean).join(" ");
    substrings.push(...clean([person.email, person.email?.toLowerCase(), person.phone, fullName.includes(" ") ? fullName : null]));
    if (person.displayName && person.displayName.includes(" ")) substrings.push(person.displayName.trim());
    exactValues.push(...clean([person.firstName, person.lastName, person.displayName, fullName]));
  }
  // Longest first, so "Alex Kim" goes before "Alex".
  return { substrings: clean(substrings).sort((a, b) => b.length - a.length), exactValues: clean(exactValues) };
}

export function redactText(text: string, identifiers: CustomerIdentifiers): string {
  if (identifiers.exactValues.includes(text.trim())) return REDACTION_MARKER;
  let result = text;
  for (const value of identifiers.substrings) {
    if (value.length < 3) continue;
    const lower = result.toLowerCase();
    if (!lower.includes(value.toLowerCase())) continue;
    result = result.replace(new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), REDACTION_MARKER);
  }
  return result;
}

/** Every string inside a JSON value, redacted. */
export function redactJson(value: unknown, identifiers: CustomerIdentifiers): unknown {
  if (typeof value === "string") return redactText(value, identifiers);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, identifiers));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, redactJson(item, identifiers)]));
  }
  return value;
}

export function containsIdentifier(text: string, identifiers: CustomerIdentifiers): boolean {
  const lower = text.toLowerCase();
  return identifiers.substrings.some((value) => value.length >= 3 && lower.includes(value.toLowerCase()));
}

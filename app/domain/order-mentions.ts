/**
 * Finds the Shopify order numbers a customer mentions in a message, in the languages Shopdesk
 * supports. Two kinds of mention:
 * - explicit: after a `#` or an order keyword ("order", "订单号", "注文番号", "pedido", "Bestellung", …);
 * - bare: a plain number, accepted only inside the shop's order-number range, and never when it looks
 *   like a price, a quantity, a year or date, a phone number or part of a tracking number.
 */

export interface OrderMention {
  number: number;
  /** Shopify's default order name for the number, e.g. "#1001". */
  name: string;
  explicit: boolean;
  /** Position in the (NFKC-normalised) text, for stable ordering. */
  index: number;
}

export interface OrderNumberRange {
  min: number;
  max: number;
}

export interface OrderMentionOptions {
  /** The shop's order numbers (first to latest). Without it, bare numbers are never mentions. */
  range?: OrderNumberRange | null;
}

const MIN_DIGITS = 3;
const MAX_DIGITS = 9;

// Order words per language; the number may follow after a little filler ("number", "Nr.", "是", "は", ":").
const ORDER_KEYWORDS = [
  String.raw`\borders?(?:\s*(?:number|num|no|nr|id)\b\.?)?`, // en
  String.raw`订单(?:编号|号码|号)?`, // zh-CN
  String.raw`訂單(?:編號|號碼|號)?`, // zh-TW
  String.raw`单号`,
  String.raw`ご?注文(?:番号|No\.?)?`, // ja
  String.raw`オーダー(?:番号)?`,
  String.raw`\bpedidos?\b`, // es, pt
  String.raw`\b[oó]rden(?:es)?\b`,
  String.raw`\bencomenda\b`,
  String.raw`\bbestell(?:ung(?:en)?|nummer|nr)\b\.?`, // de
  String.raw`\bauftrag(?:snummer)?\b`,
  String.raw`\bcommandes?\b`, // fr
  String.raw`\bordine\b`, // it
  String.raw`\bbestelling(?:snummer)?\b`, // nl
  String.raw`주문(?:\s*번호)?`, // ko
];

const FILLER = String.raw`(?:\s*(?:number|n[uú]m(?:ber|[eé]ro)?|no\b\.?|nr\b\.?|n\.?\s*[º°o]\b\.?|n[º°]|is|was|ist|lautet|es|est|é|番号|号码|号|是|为|は|が|：|:|-|#)\s*){0,4}`;

const EXPLICIT_PATTERN = new RegExp(
  String.raw`(?:#\s?|(?:${ORDER_KEYWORDS.join("|")})${FILLER})#?\s?(\d{${MIN_DIGITS},${MAX_DIGITS}})(?!\d)`,
  "giu",
);

// A plain number not glued to Latin letters, digits, currency symbols or number punctuation.
const BARE_PATTERN = /(?<![0-9A-Za-z\u00C0-\u024F#$€£¥￥.,:/\-+])(\d{3,9})(?![0-9A-Za-z\u00C0-\u024F]|[.,:/-]\d)/gu;

// Units, currencies and time words after a number: it is an amount, not an order.
const AMOUNT_AFTER = new RegExp(
  String.raw`^\s?(?:%|€|\$|£|¥|元|円|块|塊|美元|日元|欧元|件|个|個|点|枚|本|台|天|日|年|月|小时|分钟|時間|ヶ月|号(?!码)|` +
    String.raw`(?:usd|eur|cny|rmb|jpy|gbp|dollars?|euros?|yuan|yen|pcs|pieces?|units?|items?|x|st(?:ü|u)ck|stk|unidades|kg|g|mg|ml|l|cm|mm|km|m|lbs?|oz|days?|hours?|hrs?|min(?:ute)?s?|points?|pts|years?|jahre?|años?|ans?)\b)`,
  "iu",
);
const CURRENCY_BEFORE = /(?:[$€£¥￥]|\b(?:usd|eur|cny|rmb|jpy|gbp|us\$)|\bx)\s?$/iu;
const YEAR_CONTEXT_BEFORE =
  /(?:\b(?:in|since|until|from|of|year|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|im|seit|jahr|en|desde|año|depuis|année|de|dal|nel)\.?|年)\s*$/iu;

function isAmount(text: string, start: number, end: number): boolean {
  return AMOUNT_AFTER.test(text.slice(end, end + 12)) || CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 5), start));
}

function isYear(text: string, start: number, value: string): boolean {
  const year = Number(value);
  return value.length === 4 && year >= 1900 && year <= 2100 && YEAR_CONTEXT_BEFORE.test(text.slice(Math.max(0, start - 14), start));
}

/** Part of a longer run of digit groups ("555 1234", "+86 138 0013 8000"): a phone or an id, not an order. */
function isInDigitRun(text: string, start: number, end: number): boolean {
  const groupChar = /[\d\s\-().+]/;
  let left = start;
  while (left > 0 && groupChar.test(text[left - 1]!) && text[left - 1] !== "\n") left -= 1;
  let right = end;
  while (right < text.length && groupChar.test(text[right]!) && text[right] !== "\n") right += 1;
  const span = text.slice(left, right);
  const digits = span.replace(/\D/g, "").length;
  return digits > end - start && /\d[\s\-().]+\d/.test(span.trim());
}

function inRange(value: number, range: OrderNumberRange | null | undefined): boolean {
  return !!range && value >= range.min && value <= range.max;
}

/** Every order mention in `text`, first occurrence of each number, in text order. */
export function findOrderMentions(text: string, options: OrderMentionOptions = {}): OrderMention[] {
  const normalised = text.normalize("NFKC"); // full-width digits and ＃ (common in Chinese and Japanese) become ASCII
  const found = new Map<number, OrderMention>();
  const explicitSpans: [number, number][] = [];

  for (const match of normalised.matchAll(EXPLICIT_PATTERN)) {
    const digits = match[1]!;
    const end = match.index + match[0].length;
    const start = end - digits.length;
    explicitSpans.push([match.index, end]);
    if (digits.startsWith("0") || isAmount(normalised, start, end)) continue;
    const value = Number(digits);
    if (!found.has(value)) found.set(value, { number: value, name: `#${value}`, explicit: true, index: start });
  }

  if (options.range) {
    for (const match of normalised.matchAll(BARE_PATTERN)) {
      const digits = match[1]!;
      const start = match.index;
      const end = start + digits.length;
      if (explicitSpans.some(([from, to]) => start >= from && end <= to)) continue;
      const value = Number(digits);
      if (found.has(value) || digits.startsWith("0") || !inRange(value, options.range)) continue;
      if (isAmount(normalised, start, end) || isYear(normalised, start, digits) || isInDigitRun(normalised, start, end)) continue;
      found.set(value, { number: value, name: `#${value}`, explicit: false, index: start });
    }
  }

  return [...found.values()].sort((a, b) => a.index - b.index);
}

/** "#1001" → 1001; null for names that are not Shopify's default `#<number>` form. */
export function orderNumberOf(name: string): number | null {
  const match = /^#?(\d+)$/.exec(name.trim());
  return match ? Number(match[1]) : null;
}

// A storefront contact-form submission, after the app proxy signature is verified: validate every
// field (the body is not signed), stop bots (honeypot, minimum fill time) and floods (per client
// address and per email), fold duplicates into one ticket, store the submission, ask for a contact.drain
// job, and answer with the promised reply time. The job links only orders the visitor provably owns and
// hands the message to intake — the path every channel takes (triage, SLA, auto-acknowledgement) —
// so a burst of visitors is answered at the speed of a few queries each.
import type { ContactSubmission, Prisma, PrismaClient, Shop } from "@prisma/client";
import { createHash } from "node:crypto";
import {
  contactFormValues,
  DUPLICATE_WINDOW_SECONDS,
  fillSeconds,
  MESSAGE_MAX_CHARS,
  MIN_FILL_SECONDS,
  NAME_MAX_CHARS,
  EMAIL_MAX_CHARS,
  RATE_LIMITS,
  validateContactForm,
  type ContactField,
  type ContactForm,
  type ContactFormValues,
} from "../../domain/storefront/contact-form";
import { contactText } from "../../domain/storefront/contact-messages";
import { resolveStorefrontLanguage, type StorefrontLanguage } from "../../domain/storefront/storefront-data";
import { requestContactDrainOnce } from "../../jobs/definitions/contact-intake.server";
import type { JobQueue } from "../../jobs/types";
import { expectedReplyOf } from "../intake.server";
import type { SubmissionPayload } from "./contact-delivery.server";
import { estimatedReplyBy } from "./reply-estimate.server";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface ContactRequest {
  shopDomain: string;
  /** The visitor's address as Shopify forwarded it; hashed before it is stored. */
  clientIp: string;
  /** `logged_in_customer_id` from the signed proxy query; empty for guests. */
  loggedInCustomerId: string | null;
  form: { get(name: string): FormDataEntryValue | string | null };
  acceptLanguage?: string | null;
  now?: Date;
  /** Where the contact.drain job is asked for. */
  queue: JobQueue;
}

interface OutcomeBase {
  language: StorefrontLanguage;
  values: ContactFormValues;
}
export type ContactOutcome =
  | (OutcomeBase & { kind: "accepted"; status: 200; message: string; ticketNumber: number | null; expectedReplyBy: Date | null; duplicate: boolean })
  | (OutcomeBase & { kind: "invalid"; status: 422; errors: Partial<Record<ContactField, string>>; formError: string })
  | (OutcomeBase & { kind: "rate_limited"; status: 429; formError: string; retryAfterSeconds: number })
  | (OutcomeBase & { kind: "retry"; status: 503; formError: string })
  | (OutcomeBase & { kind: "unknown_shop"; status: 404; formError: string });

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function clientKeyOf(shopId: string, clientIp: string): string {
  return sha256(`${shopId}\u0000${clientIp}`).slice(0, 40);
}

export function contentHashOf(shopId: string, form: ContactForm): string {
  return sha256(JSON.stringify([shopId, form.email, form.name, form.orderName, form.topic, form.message]));
}

// Building an Intl.DateTimeFormat costs more than the rest of an answer: one per language and zone.
const replyByFormats = new Map<string, Intl.DateTimeFormat>();

function formatReplyBy(at: Date, language: StorefrontLanguage, timezone: string): string {
  const key = `${language}\u0000${timezone}`;
  let format = replyByFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { weekday: "short", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: timezone, timeZoneName: "short" });
    if (replyByFormats.size > 500) replyByFormats.clear();
    replyByFormats.set(key, format);
  }
  return format.format(at);
}

function acceptedMessage(language: StorefrontLanguage, ticketNumber: number | null, expectedReplyBy: Date | null, timezone: string): string {
  const parts = [contactText(language, "received")];
  if (ticketNumber !== null) parts.push(contactText(language, "received_ticket", { number: ticketNumber }));
  if (expectedReplyBy) parts.push(contactText(language, "reply_by", { time: formatReplyBy(expectedReplyBy, language, timezone) }));
  return parts.join(" ");
}

// Visitors' requests read the shop row a few seconds old at most: a burst of them costs one read. An
// uninstall or a settings change (time zone, reply promise) reaches the form within SHOP_CACHE_TTL_MS.
const SHOP_CACHE_TTL_MS = 5_000;
const shopCache = new Map<string, { shop: Shop | null; until: number }>();

async function storefrontShop(db: PrismaClient, domain: string): Promise<Shop | null> {
  const cached = shopCache.get(domain);
  if (cached && cached.until > Date.now()) return cached.shop;
  const shop = await db.shop.findUnique({ where: { domain } });
  if (shopCache.size > 10_000) shopCache.clear();
  // Only an installed shop is kept: a shop that installs now is seen at once.
  if (shop?.installState === "installed") shopCache.set(domain, { shop, until: Date.now() + SHOP_CACHE_TTL_MS });
  return shop;
}

const FIELD_LIMITS: Partial<Record<ContactField, number>> = { name: NAME_MAX_CHARS, email: EMAIL_MAX_CHARS, message: MESSAGE_MAX_CHARS };

export async function submitContactForm(db: PrismaClient, request: ContactRequest): Promise<ContactOutcome> {
  const now = request.now ?? new Date();
  const values = contactFormValues(request.form);
  const language = resolveStorefrontLanguage(String(request.form.get("locale") ?? ""), request.acceptLanguage);
  const base = { language, values };

  const shop = await storefrontShop(db, request.shopDomain);
  if (!shop || shop.installState !== "installed") {
    return { ...base, kind: "unknown_shop", status: 404, formError: contactText(language, "retry") };
  }
  // A bot filled the hidden field: answer like a success, store nothing.
  if (String(request.form.get("website") ?? "").trim() !== "") {
    return { ...base, kind: "accepted", status: 200, message: contactText(language, "received"), ticketNumber: null, expectedReplyBy: null, duplicate: false };
  }
  const validation = validateContactForm(values);
  if (!validation.ok) {
    const errors = Object.fromEntries(
      Object.entries(validation.errors).map(([field, code]) => [field, contactText(language, code, { max: FIELD_LIMITS[field as ContactField] ?? 0 })]),
    );
    return { ...base, kind: "invalid", status: 422, errors, formError: contactText(language, "fix_errors") };
  }
  const seconds = fillSeconds(String(request.form.get("started_at") ?? ""), now);
  if (seconds === null || seconds < MIN_FILL_SECONDS) {
    return { ...base, kind: "invalid", status: 422, errors: {}, formError: contactText(language, "too_fast") };
  }
  const { form } = validation;
  const clientKey = clientKeyOf(shop.id, request.clientIp);
  const contentHash = contentHashOf(shop.id, form);

  // One query for both checks: today's submissions from this address or email. (A duplicate has the
  // same email, since the email is part of the content hash, so it is among them.)
  const recent = await recentSubmissions(db, shop.id, clientKey, form.email, now);
  // The same content within the window: one ticket (a double click, a resend after a timeout).
  const windowStart = now.getTime() - DUPLICATE_WINDOW_SECONDS * 1000;
  const earlier = recent.filter((row) => row.contentHash === contentHash && row.createdAt.getTime() >= windowStart).at(-1) ?? null;
  if (earlier?.status === "ticketed" && earlier.ticketId) {
    const ticket = await db.ticket.findFirst({ where: { id: earlier.ticketId, shopId: shop.id } });
    const expectedReplyBy = ticket ? expectedReplyOf(ticket) : null;
    const ticketNumber = ticket?.number ?? null;
    return { ...base, kind: "accepted", status: 200, message: acceptedMessage(language, ticketNumber, expectedReplyBy, shop.ianaTimezone), ticketNumber, expectedReplyBy, duplicate: true };
  }

  if (!earlier) {
    const limited = secondsUntilAllowed(recent, clientKey, form.email, now);
    if (limited) {
      const minutes = Math.max(1, Math.ceil(limited / 60));
      return { ...base, kind: "rate_limited", status: 429, formError: contactText(language, "rate_limited", { minutes }), retryAfterSeconds: limited };
    }
  }

  // Store first: from here on the visitor's words survive any failure below.
  const payload: SubmissionPayload = { ...form, language, loggedInCustomerId: request.loggedInCustomerId || null };
  try {
    if (earlier) {
      await db.contactSubmission.update({ where: { id: earlier.id }, data: { status: "received", payload: payload as unknown as Prisma.InputJsonObject, error: null } });
    } else {
      await db.contactSubmission.create({ data: { shopId: shop.id, clientKey, email: form.email, contentHash, payload: payload as unknown as Prisma.InputJsonObject, status: "received", createdAt: now } });
    }
  } catch {
    return { ...base, kind: "retry", status: 503, formError: contactText(language, "retry") };
  }
  // Stored: from here the message is safe. A failed enqueue only delays the ticket (the stale sweep finds
  // the row). The drain's second is taken from the clock after storing, so the drain runs after this row exists.
  await requestContactDrainOnce(request.queue, shop.id).catch((error: Error) => console.warn(`[shopdesk] contact drain not enqueued: ${error.message}`));
  const expectedReplyBy = await estimatedReplyBy(db, shop, now).catch(() => null);
  return { ...base, kind: "accepted", status: 200, message: acceptedMessage(language, null, expectedReplyBy, shop.ianaTimezone), ticketNumber: null, expectedReplyBy, duplicate: earlier !== null };
}

type RecentSubmission = Pick<ContactSubmission, "id" | "clientKey" | "email" | "contentHash" | "status" | "ticketId" | "createdAt">;

/** Today's submissions of this address or email, newest first; enough rows to decide every limit. */
function recentSubmissions(db: PrismaClient, shopId: string, clientKey: string, email: string, now: Date): Promise<RecentSubmission[]> {
  return db.contactSubmission.findMany({
    where: { shopId, createdAt: { gte: new Date(now.getTime() - DAY_MS) }, OR: [{ clientKey }, { email }] },
    select: { id: true, clientKey: true, email: true, contentHash: true, status: true, ticketId: true, createdAt: true },
    take: RATE_LIMITS.perClientDay + RATE_LIMITS.perEmailDay + 1,
    orderBy: { createdAt: "desc" },
  });
}

/** Seconds until the visitor may send again, or 0 when within every limit. */
function secondsUntilAllowed(rows: RecentSubmission[], clientKey: string, email: string, now: Date): number {
  const minuteAgo = now.getTime() - MINUTE_MS;
  const count = (match: (row: RecentSubmission) => boolean, since = 0) => rows.filter((row) => match(row) && row.createdAt.getTime() >= since).length;
  const byClient = (row: RecentSubmission) => row.clientKey === clientKey;
  const byEmail = (row: RecentSubmission) => row.email === email;
  if (count(byClient) >= RATE_LIMITS.perClientDay || count(byEmail) >= RATE_LIMITS.perEmailDay) return 3600;
  if (count(byClient, minuteAgo) >= RATE_LIMITS.perClientMinute || count(byEmail, minuteAgo) >= RATE_LIMITS.perEmailMinute) return 60;
  return 0;
}

// Turning stored contact submissions into tickets through intake, on the job runner (the contact.drain
// job, app/jobs/definitions/contact-intake.server.ts): the visitor's request only validates and stores,
// so a burst of visitors never waits on intake's work (triage, SLA, auto-acknowledgement) and a worker
// process can take it off the web processes entirely. Submissions whose intake failed, or whose drain
// was never run (a crash between storing and enqueueing), are picked up by retryStaleContactSubmissions.
import type { ContactSubmission, PrismaClient } from "@prisma/client";
import type { ContactForm } from "../../domain/storefront/contact-form";
import type { StorefrontLanguage } from "../../domain/storefront/storefront-data";
import type { AdminClient } from "../../shopify/admin-client.server";
import { receiveInboundMessage, type InboundMessageResult } from "../intake.server";
import { widgetStrings } from "./extension-locales.server";
import { verifiedOrders, type VerifiedOrder } from "./verify-order.server";

const MINUTE_MS = 60_000;
/** Submissions one drain takes; a longer backlog continues in the next job so other shops get a turn. */
export const CONTACT_DRAIN_SLICE = 25;
/** A submission not ticketed after this long is retried by the stale sweep. */
export const STALE_AFTER_MS = 2 * MINUTE_MS;
/** Failed intakes after which the sweep stops retrying (the row and its message stay for an agent). */
export const MAX_DELIVERY_ATTEMPTS = 8;

/** What a submission row's `payload` holds: the validated form and who sent it. */
export interface SubmissionPayload extends ContactForm {
  language: StorefrontLanguage;
  loggedInCustomerId: string | null;
  /** Set once the order number was checked against the Admin API, so a retry does not ask again. */
  orders?: VerifiedOrder[];
}

export interface DeliveryDeps {
  db: PrismaClient;
  /** The shop's offline Admin API client for order verification; null when it has none. */
  adminFor(shopId: string): Promise<AdminClient | null>;
  /** Injectable for tests of the failure path. */
  intake?: typeof receiveInboundMessage;
}

function subjectOf(form: ContactForm, language: StorefrontLanguage): string {
  const topic = widgetStrings(language).form.topics[form.topic];
  return form.orderName ? `${topic} (${form.orderName})` : topic;
}

function payloadOf(row: ContactSubmission): SubmissionPayload | null {
  const payload = row.payload as unknown as SubmissionPayload | null;
  return payload?.message ? payload : null;
}

/** Intake for one stored submission; marks the row ticketed, or failed (and rethrows). */
export async function deliverSubmission(deps: DeliveryDeps, row: ContactSubmission): Promise<InboundMessageResult | null> {
  const { db } = deps;
  const payload = payloadOf(row);
  if (!payload) {
    await db.contactSubmission.update({ where: { id: row.id }, data: { status: "rejected", error: "no stored form" } });
    return null;
  }
  const shopifyCustomerId = payload.loggedInCustomerId ? `gid://shopify/Customer/${payload.loggedInCustomerId}` : null;
  try {
    const orders = payload.orders ?? (payload.orderName ? await verifiedOrders(await deps.adminFor(row.shopId), payload.orderName, payload.email, shopifyCustomerId) : []);
    const intake = deps.intake ?? receiveInboundMessage;
    const result = await intake(db, {
      shopId: row.shopId,
      channel: "contact_form",
      from: { email: payload.email, name: payload.name, shopifyCustomerId },
      subject: subjectOf(payload, payload.language),
      bodyText: payload.message,
      // Identical content in the same minute carries the same id, so duplicates and retries meet in intake's unique key.
      channelMessageId: `contact:${row.contentHash.slice(0, 40)}:${Math.floor(row.createdAt.getTime() / MINUTE_MS)}`,
      language: payload.language,
      orders,
      receivedAt: row.createdAt,
    });
    await db.contactSubmission.update({ where: { id: row.id }, data: { status: "ticketed", ticketId: result.ticketId, error: null } });
    return result;
  } catch (error) {
    await db.contactSubmission
      .update({ where: { id: row.id }, data: { status: "failed", error: (error as Error).message.slice(0, 1000), attempts: { increment: 1 } } })
      .catch(() => undefined); // the row stays "received": still not lost, still retried
    throw error;
  }
}

async function deliverEach(deps: DeliveryDeps, rows: ContactSubmission[]): Promise<{ ticketed: number; failed: number }> {
  let failed = 0;
  for (const row of rows) {
    try {
      await deliverSubmission(deps, row);
    } catch {
      failed++;
    }
  }
  return { ticketed: rows.length - failed, failed };
}

/**
 * One shop's newly stored submissions, oldest first. A failed one is marked `failed` and left to the
 * stale sweep (with its backoff), so one poisoned message never blocks the others.
 */
export async function drainContactSubmissions(deps: DeliveryDeps, shopId: string, limit = CONTACT_DRAIN_SLICE): Promise<{ ticketed: number; failed: number; more: boolean }> {
  const rows = await deps.db.contactSubmission.findMany({ where: { shopId, status: "received" }, orderBy: { createdAt: "asc" }, take: limit });
  return { ...(await deliverEach(deps, rows)), more: rows.length === limit };
}

/** Whether any submission is waiting longer than it should (the scheduler's cheap check). */
export async function hasStaleContactSubmissions(db: PrismaClient, now: Date): Promise<boolean> {
  const row = await db.contactSubmission.findFirst({ where: { status: { in: ["received", "failed"] }, attempts: { lt: MAX_DELIVERY_ATTEMPTS }, createdAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } }, select: { id: true } });
  return row !== null;
}

/**
 * Retries submissions stored but not ticketed (intake failed, or the process stopped before it ran)
 * that are older than `olderThanMs`. Safe to run anywhere, any number of times: intake de-duplicates.
 */
export async function retryStaleContactSubmissions(deps: DeliveryDeps, options: { now?: Date; olderThanMs?: number; limit?: number; shopId?: string } = {}): Promise<{ retried: number; failed: number; more: boolean }> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 50;
  const rows = await deps.db.contactSubmission.findMany({
    where: { status: { in: ["received", "failed"] }, attempts: { lt: MAX_DELIVERY_ATTEMPTS }, createdAt: { lt: new Date(now.getTime() - (options.olderThanMs ?? STALE_AFTER_MS)) }, ...(options.shopId ? { shopId: options.shopId } : {}) },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  const { ticketed, failed } = await deliverEach(deps, rows);
  return { retried: ticketed, failed, more: rows.length === limit };
}

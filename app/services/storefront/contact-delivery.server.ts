// Turning a stored contact submission into a ticket through intake. Intakes run one at a time per
// process (in arrival order): on SQLite every intake transaction takes the one write lock anyway, and
// a queue keeps a burst of visitors from stacking transactions in front of each other's quick writes.
// The visitor's answer may be given before its intake finishes (see submitContactForm's
// answerWithinMs); the submission row is stored first and is retried by retryStaleContactSubmissions.
import type { PrismaClient } from "@prisma/client";
import type { ContactForm } from "../../domain/storefront/contact-form";
import type { StorefrontLanguage } from "../../domain/storefront/storefront-data";
import { receiveInboundMessage, type InboundMessageResult } from "../intake.server";
import { widgetStrings } from "./extension-locales.server";
import type { VerifiedOrder } from "./verify-order.server";

const MINUTE_MS = 60_000;

/** What a submission row's `payload` holds: the validated form and who sent it. */
export interface SubmissionPayload extends ContactForm {
  language: StorefrontLanguage;
  loggedInCustomerId: string | null;
  orders?: VerifiedOrder[];
}

export interface DeliveryInput {
  submissionId: string;
  shopId: string;
  contentHash: string;
  payload: SubmissionPayload;
  /** When the same content was first seen: the de-duplication key's minute. */
  firstSeen: Date;
  receivedAt: Date;
  orders: VerifiedOrder[];
  intake?: typeof receiveInboundMessage;
}

let tail: Promise<unknown> = Promise.resolve();
let acceptingRequests = 0;
/** Under a continuous burst an intake still runs after this long. */
const MAX_QUIET_WAIT_MS = 2000;

/**
 * Marks a visitor's request as being accepted (validated, limited, stored); returns the release.
 * Intakes wait while any request is in that phase: during a burst the process first takes every
 * visitor's message safely into the database, then makes the tickets.
 */
export function beginAccepting(): () => void {
  acceptingRequests++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    acceptingRequests--;
  };
}

async function whenQuiet(): Promise<void> {
  const until = Date.now() + MAX_QUIET_WAIT_MS;
  while (acceptingRequests > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 2));
}

/** Runs `task` after every task queued before it in this process, when no visitor is being accepted. */
export function enqueueIntake<T>(task: () => Promise<T>): Promise<T> {
  const result = tail.then(async () => {
    await whenQuiet();
    return task();
  });
  tail = result.catch(() => undefined);
  return result;
}

function subjectOf(form: ContactForm, language: StorefrontLanguage): string {
  const topic = widgetStrings(language).form.topics[form.topic];
  return form.orderName ? `${topic} (${form.orderName})` : topic;
}

/** Intake for one stored submission; marks the row ticketed, or failed (and rethrows). */
export async function deliverSubmission(db: PrismaClient, input: DeliveryInput): Promise<InboundMessageResult> {
  const { payload } = input;
  const shopifyCustomerId = payload.loggedInCustomerId ? `gid://shopify/Customer/${payload.loggedInCustomerId}` : null;
  try {
    const intake = input.intake ?? receiveInboundMessage;
    const result = await intake(db, {
      shopId: input.shopId,
      channel: "contact_form",
      from: { email: payload.email, name: payload.name, shopifyCustomerId },
      subject: subjectOf(payload, payload.language),
      bodyText: payload.message,
      // Identical content in the same minute carries the same id, so concurrent duplicates and retries meet in intake's unique key.
      channelMessageId: `contact:${input.contentHash.slice(0, 40)}:${Math.floor(input.firstSeen.getTime() / MINUTE_MS)}`,
      language: payload.language,
      orders: input.orders,
      receivedAt: input.receivedAt,
    });
    await db.contactSubmission.update({ where: { id: input.submissionId }, data: { status: "ticketed", ticketId: result.ticketId, error: null } });
    return result;
  } catch (error) {
    await db.contactSubmission
      .update({ where: { id: input.submissionId }, data: { status: "failed", error: (error as Error).message.slice(0, 1000) } })
      .catch(() => undefined); // the row stays "received": still not lost, still retried
    throw error;
  }
}

/**
 * Retries submissions stored but not ticketed (intake failed, or the process stopped before it ran)
 * that are older than `olderThanMs`. Safe to run anywhere, any number of times: intake de-duplicates.
 * Called opportunistically by the contact route; a periodic job can call it too.
 */
export async function retryStaleContactSubmissions(db: PrismaClient, options: { now?: Date; olderThanMs?: number; limit?: number; shopId?: string } = {}): Promise<{ retried: number; failed: number }> {
  const now = options.now ?? new Date();
  const rows = await db.contactSubmission.findMany({
    where: { status: { in: ["received", "failed"] }, createdAt: { lt: new Date(now.getTime() - (options.olderThanMs ?? 2 * MINUTE_MS)) }, ...(options.shopId ? { shopId: options.shopId } : {}) },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 20,
  });
  let failed = 0;
  for (const row of rows) {
    const payload = row.payload as unknown as SubmissionPayload | null;
    if (!payload?.message) continue;
    try {
      await enqueueIntake(() =>
        deliverSubmission(db, { submissionId: row.id, shopId: row.shopId, contentHash: row.contentHash, payload, firstSeen: row.createdAt, receivedAt: row.createdAt, orders: payload.orders ?? [] }),
      );
    } catch {
      failed++;
    }
  }
  return { retried: rows.length - failed, failed };
}

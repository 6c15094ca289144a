// Sends one outbound Message by SMTP, at most once, from the email.send job.
// The Message row is the sent marker: queued → sending (a compare-and-set claim) → sent. A retry that
// finds "sending" knows an earlier attempt handed the mail to SMTP and may have been accepted (the
// worker died, or recording failed): it records the message as sent, unconfirmed, and never resends.
// Errors that prove nothing was accepted (connection refused, a 4xx/5xx reply) release the claim.
import type { PrismaClient } from "@prisma/client";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { normalizeMessageId } from "./addresses.server";
import { composeOutboundEmail } from "./compose-outbound.server";
import { appEmailConfig, type EmailConfig } from "./config.server";

export type EmailTransport = { sendMail(mail: Mail.Options): Promise<{ messageId?: string; response?: string }> };

export const EMAIL_SEND_MAX_ATTEMPTS = 8;
const DONE_STATUSES = ["sent", "delivered", "bounced"];
export const UNCONFIRMED_NOTE = "handed to SMTP by an attempt that did not finish; not sent again so the customer gets no duplicate";

export interface DeliverEmailDeps {
  config: EmailConfig;
  transport: EmailTransport;
  now: Date;
  attempt: number;
  maxAttempts?: number;
  /** Test seam: runs after SMTP accepted the mail, before it is recorded (a crash there must not resend). */
  afterAccepted?: () => Promise<void>;
}

export type DeliverOutcome =
  | { kind: "sent"; channelMessageId: string }
  | { kind: "already_done"; status: string }
  | { kind: "sent_unconfirmed" }
  | { kind: "gone" };

/** A failure the job must not retry (the message is marked failed already). */
export class PermanentEmailError extends Error {
  override name = "PermanentEmailError";
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  /** The system error under nodemailer's ESOCKET (ECONNREFUSED, ENOTFOUND…) and its syscall. */
  originalCode?: string;
  syscall?: string;
  message?: string;
}

const NOT_CONNECTED = ["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"];

/** True when the error proves the server did not take the mail (so sending again cannot duplicate it). */
export function provesNotAccepted(error: unknown): boolean {
  const { code, responseCode, originalCode, syscall, message } = (error ?? {}) as SmtpError;
  if (typeof responseCode === "number" && responseCode >= 400) return true;
  if (syscall === "connect" || (originalCode && NOT_CONNECTED.includes(originalCode))) return true;
  if (code === "ETIMEDOUT" && /^(?:Connection timeout|Greeting never received)/i.test(message ?? "")) return true;
  // Could not log in or hand over an envelope. (A connection dropped right after the body was
  // accepted also reports ECONNECTION: the rare resend then carries the same Message-ID.)
  // Other socket errors and timeouts can happen after acceptance: not proof.
  return Boolean(code && ["ECONNECTION", "EDNS", "EAUTH", "ENOAUTH", "ETLS", "EENVELOPE", "EMESSAGE"].includes(code));
}

function isPermanent(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as SmtpError;
  if (typeof responseCode === "number") return responseCode >= 500;
  return code === "EENVELOPE" || code === "EMESSAGE";
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

export function createSmtpTransport(smtpUrl: string): EmailTransport {
  return nodemailer.createTransport(smtpUrl);
}

let appTransport: EmailTransport | undefined;

/** The process's SMTP transport from SMTP_URL (throws when the email channel is off). */
export function appSmtpTransport(): EmailTransport {
  const { smtpUrl } = appEmailConfig();
  if (!smtpUrl) throw new Error("SMTP_URL is not set: the email channel is off");
  appTransport ??= createSmtpTransport(smtpUrl);
  return appTransport;
}

export async function deliverEmailMessage(db: PrismaClient, target: { shopId: string; messageId: string; subject?: string }, deps: DeliverEmailDeps): Promise<DeliverOutcome> {
  const message = await db.message.findFirst({
    where: { id: target.messageId, shopId: target.shopId, direction: "outbound" },
    include: { ticket: { include: { customer: { select: { email: true, displayName: true } }, shop: { select: { name: true, settings: true } } } } },
  });
  if (!message) return { kind: "gone" };
  if (DONE_STATUSES.includes(message.deliveryStatus)) return { kind: "already_done", status: message.deliveryStatus };
  if (message.deliveryStatus === "sending") {
    await db.message.updateMany({ where: { id: message.id, deliveryStatus: "sending" }, data: { deliveryStatus: "sent", sentAt: deps.now, deliveryError: UNCONFIRMED_NOTE } });
    return { kind: "sent_unconfirmed" };
  }
  const failPermanently = async (reason: string) => {
    await markFailed(db, message, reason, deps.now);
    return new PermanentEmailError(reason);
  };
  if (message.deliveryStatus !== "queued") throw await failPermanently(`cannot send a message in state ${message.deliveryStatus}`);
  const customerEmail = message.ticket.customer?.email;
  if (!customerEmail) throw await failPermanently("the customer has no email address");

  const earlier = await db.message.findMany({
    where: { ticketId: message.ticketId, shopId: message.shopId, channelMessageId: { not: null }, createdAt: { lte: message.createdAt }, id: { not: message.id }, direction: { in: ["inbound", "outbound"] } },
    orderBy: { createdAt: "asc" },
    select: { channelMessageId: true },
  });
  const mail = composeOutboundEmail(deps.config, {
    message,
    ticket: message.ticket,
    customer: { email: customerEmail, displayName: message.ticket.customer?.displayName ?? null },
    shop: message.ticket.shop,
    subject: target.subject,
    threadMessageIds: earlier.map((row) => normalizeMessageId(row.channelMessageId)).filter((id): id is string => id !== null && id.includes("@")),
  });

  // The claim: only one attempt at a time gets past this point for a message.
  const claim = await db.message.updateMany({ where: { id: message.id, deliveryStatus: "queued" }, data: { deliveryStatus: "sending", channelMessageId: mail.messageId } });
  if (claim.count === 0) {
    const now = await db.message.findUnique({ where: { id: message.id }, select: { deliveryStatus: true } });
    return { kind: "already_done", status: now?.deliveryStatus ?? "gone" };
  }

  try {
    await deps.transport.sendMail(mail);
  } catch (error) {
    // Not proven unaccepted: keep the claim; the retry records it as sent (unconfirmed) instead of resending.
    if (!provesNotAccepted(error)) throw error;
    const lastAttempt = deps.attempt >= (deps.maxAttempts ?? EMAIL_SEND_MAX_ATTEMPTS);
    if (isPermanent(error) || lastAttempt) throw await failPermanently(reasonOf(error));
    await db.message.updateMany({ where: { id: message.id, deliveryStatus: "sending" }, data: { deliveryStatus: "queued", deliveryError: reasonOf(error) } });
    throw error;
  }
  await deps.afterAccepted?.();
  await db.message.updateMany({
    where: { id: message.id, deliveryStatus: "sending" },
    data: { deliveryStatus: "sent", sentAt: deps.now, deliveryError: null, channelMessageId: mail.messageId },
  });
  return { kind: "sent", channelMessageId: mail.messageId };
}

async function markFailed(db: PrismaClient, message: { id: string; shopId: string; ticketId: string }, reason: string, now: Date): Promise<void> {
  await db.message.update({ where: { id: message.id }, data: { deliveryStatus: "failed", deliveryError: reason } });
  // One timeline entry per message, however often the job runs.
  await db.ticketEvent.upsert({
    where: { ticketId_dedupeKey: { ticketId: message.ticketId, dedupeKey: `message_failed:${message.id}` } },
    create: { shopId: message.shopId, ticketId: message.ticketId, type: "message_failed", actorType: "system", data: { messageId: message.id, adapter: "email", error: reason }, dedupeKey: `message_failed:${message.id}`, createdAt: now },
    update: {},
  });
}

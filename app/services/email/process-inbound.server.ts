// An inbound email from receipt to ticket. The provider's payload is kept first (a file under
// EMAIL_STORAGE_DIR and an InboundEmail row), then converted, parsed, checked, threaded and handed to
// intake (app/services/intake.server.ts: triage, SLA, auto-acknowledgement). Whatever goes wrong after
// the payload is kept can be retried from it (retryInboundEmail); nothing that arrived is lost.
import type { PrismaClient } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { receiveInboundMessage, IntakeValidationError, type InboundMessageInput, type InboundMessageResult } from "../intake.server";
import { checkAttachments } from "./attachment-policy";
import { readDeliveryReport, recordBounce } from "./bounces.server";
import { appEmailConfig, type EmailConfig } from "./config.server";
import { parseEmailSettings } from "./email-settings";
import { foldQuotedText } from "./fold-quotes";
import { autoSubmittedReason } from "./loop-detection";
import { MalformedEmailError, parseInboundEmail, type ParsedInboundEmail } from "./parse-inbound.server";
import { convertToMime, InboundPayloadError, syntheticMessageId, type InboundPayload, type InboundProvider } from "./providers.server";
import { textToHtml } from "./render-html.server";
import { sanitizeEmailHtml } from "./sanitize-html.server";
import { blobStoreFor, safeFileName, type BlobStore } from "./storage.server";
import { resolveThread, type ThreadVia } from "./threading.server";

export interface InboundDeps {
  db: PrismaClient;
  config: EmailConfig;
  /** Raw payloads (raw/…) and attachments (attachments/…). */
  store: BlobStore;
  intake: (db: PrismaClient, input: InboundMessageInput) => Promise<InboundMessageResult>;
  now: () => Date;
  /** Schedules another attempt for a kept email whose processing failed (the email.inbound-retry job). */
  scheduleRetry?: (inboundEmailId: string) => Promise<void>;
}

export function appInboundDeps(db: PrismaClient): InboundDeps {
  const config = appEmailConfig();
  return { db, config, store: blobStoreFor(config), intake: (client, input) => receiveInboundMessage(client, input), now: () => new Date() };
}

export type InboundOutcome =
  | {
      status: 200;
      body: {
        status: "processed";
        inboundEmailId: string;
        ticketId: string;
        ticketNumber: number;
        messageId: string;
        created: boolean;
        duplicate: boolean;
        threadedBy: ThreadVia;
        /** Why nothing will answer it (auto-reply, bounce, list mail), or null. */
        autoSubmitted: string | null;
      };
    }
  | { status: 413 | 415 | 422; body: { status: "rejected"; inboundEmailId: string; error: string } };

class Rejection extends Error {
  constructor(readonly status: 413 | 415 | 422, message: string, readonly shopId: string | null = null) {
    super(message);
  }
}

function rawKeyFor(id: string, provider: InboundProvider, now: Date): string {
  const extension = provider === "raw" ? "eml" : provider === "postmark" ? "json" : "form";
  return `raw/${now.toISOString().slice(0, 10)}/${id}.${extension}`;
}

/** Step one, before any parsing: the payload on disk and a row that points at it. */
export async function keepInboundPayload(deps: InboundDeps, payload: InboundPayload): Promise<string> {
  const now = deps.now();
  const rawKey = rawKeyFor(randomUUID(), payload.provider, now);
  await deps.store.put(rawKey, payload.body);
  await deps.store.put(`${rawKey}.meta.json`, JSON.stringify({ provider: payload.provider, contentType: payload.contentType, receivedAt: now.toISOString() }));
  const row = await deps.db.inboundEmail.create({ data: { provider: payload.provider, rawKey, status: "received", receivedAt: now }, select: { id: true } });
  return row.id;
}

async function loadPayload(deps: InboundDeps, row: { provider: string; rawKey: string }): Promise<InboundPayload> {
  const [body, meta] = await Promise.all([deps.store.get(row.rawKey), deps.store.get(`${row.rawKey}.meta.json`)]);
  const { contentType } = JSON.parse(meta.toString("utf8")) as { contentType: string };
  return { provider: row.provider as InboundProvider, contentType, body };
}

/** Attachments go under the inbound email's id: the Message does not exist yet when they are stored. */
async function storeAttachments(deps: InboundDeps, shopId: string, inboundEmailId: string, parsed: ParsedInboundEmail) {
  const stored: NonNullable<InboundMessageInput["attachments"]> = [];
  for (const [index, attachment] of parsed.attachments.entries()) {
    const name = safeFileName(attachment.filename, `attachment-${index + 1}`);
    const storageKey = `attachments/${shopId}/${inboundEmailId}/${index + 1}-${name}`;
    await deps.store.put(storageKey, attachment.content);
    stored.push({ filename: (attachment.filename ?? name).slice(0, 255), contentType: attachment.contentType, sizeBytes: attachment.size, storageKey });
  }
  return stored;
}

/** The shown text (quotes and signature folded away) and the HTML kept in full, sanitised. */
export function messageBodies(parsed: ParsedInboundEmail): { bodyText: string; bodyHtml: string | null } {
  const { shown, folded } = foldQuotedText(parsed.text);
  const bodyHtml = parsed.html ? sanitizeEmailHtml(parsed.html) : folded ? textToHtml(parsed.text) : null;
  return { bodyText: shown, bodyHtml };
}

async function process(deps: InboundDeps, inboundEmailId: string, row: { provider: string; rawKey: string }): Promise<InboundOutcome> {
  const { db, config } = deps;
  const payload = await loadPayload(deps, row);
  let parsed: ParsedInboundEmail;
  let envelopeRecipients: string[];
  try {
    const converted = await convertToMime(payload);
    envelopeRecipients = converted.envelopeRecipients;
    if (converted.mime.length > config.limits.messageBytes) throw new Rejection(413, `the message is ${converted.mime.length} bytes, over the ${config.limits.messageBytes} byte limit`);
    parsed = await parseInboundEmail(converted.mime);
    parsed.messageId ??= syntheticMessageId(converted.mime);
  } catch (error) {
    if (error instanceof InboundPayloadError || error instanceof MalformedEmailError) throw new Rejection(422, error.message);
    throw error;
  }
  if (!parsed.from) throw new Rejection(422, "the message has no sender address (From)");

  const now = deps.now();
  // A delivery report about our mail threads to the mail it reports on.
  const report = readDeliveryReport(parsed);
  const target = await resolveThread(db, config, {
    recipients: [...new Set([...envelopeRecipients, ...parsed.recipients])],
    from: parsed.from.email,
    subject: parsed.subject,
    inReplyTo: parsed.inReplyTo,
    references: [...parsed.references, ...(report?.messageIds ?? [])],
  }, now);
  if (!target) {
    throw new Rejection(422, `no shop for the recipients ${[...envelopeRecipients, ...parsed.recipients].join(", ") || "(none)"}: mail a reply address or <shop-handle>@${config.inboundDomain}`);
  }

  const shop = await db.shop.findUniqueOrThrow({ where: { id: target.shopId }, select: { settings: true } });
  const ownAddresses = [config.from.address, parseEmailSettings(shop.settings).emailFromAddress].filter((address): address is string => Boolean(address));
  const fromUs = parsed.from.email.endsWith(`@${config.inboundDomain}`);
  const autoSubmitted = fromUs ? "sent from the inbound domain itself" : autoSubmittedReason({ headers: parsed.headers, fromAddress: parsed.from.email, contentType: parsed.contentType, ownAddresses });

  // Reports and auto-replies carry the bounced mail and such: recorded without their attachments.
  const attachments = autoSubmitted ? [] : parsed.attachments;
  const problem = checkAttachments(attachments, config.limits);
  if (problem) throw new Rejection(problem.status, problem.message, target.shopId);
  const storedAttachments = await storeAttachments(deps, target.shopId, inboundEmailId, { ...parsed, attachments });

  const { bodyText, bodyHtml } = messageBodies(parsed);
  let result: InboundMessageResult;
  try {
    result = await deps.intake(db, {
      shopId: target.shopId,
      channel: "email",
      from: { email: parsed.from.email, name: parsed.from.name },
      subject: parsed.subject.slice(0, 998),
      bodyText,
      bodyHtml,
      ticketId: target.ticketId,
      channelMessageId: parsed.messageId,
      inReplyTo: parsed.inReplyTo,
      language: parsed.language,
      autoSubmitted: autoSubmitted !== null,
      attachments: storedAttachments,
      receivedAt: now,
    });
  } catch (error) {
    if (error instanceof IntakeValidationError) throw new Rejection(422, error.message, target.shopId);
    throw error;
  }
  if (report && !result.duplicate) await recordBounce(db, target.shopId, report);
  await db.inboundEmail.update({ where: { id: inboundEmailId }, data: { status: "processed", shopId: target.shopId, messageId: result.messageId, error: autoSubmitted ? `not answered: ${autoSubmitted}` : null } });
  return {
    status: 200,
    body: {
      status: "processed",
      inboundEmailId,
      ticketId: result.ticketId,
      ticketNumber: result.ticketNumber,
      messageId: result.messageId,
      created: result.created,
      duplicate: result.duplicate,
      threadedBy: target.via,
      autoSubmitted,
    },
  };
}

/** Processes a kept payload; a rejection (bad input) is recorded on the row and answered with its 4xx. */
export async function processInboundEmail(deps: InboundDeps, inboundEmailId: string): Promise<InboundOutcome> {
  const row = await deps.db.inboundEmail.findUniqueOrThrow({ where: { id: inboundEmailId } });
  try {
    return await process(deps, inboundEmailId, row);
  } catch (error) {
    if (error instanceof Rejection) {
      await deps.db.inboundEmail.update({ where: { id: inboundEmailId }, data: { status: "rejected", error: error.message.slice(0, 1000), shopId: error.shopId } });
      return { status: error.status, body: { status: "rejected", inboundEmailId, error: error.message } };
    }
    const reason = error instanceof Error ? error.message : String(error);
    await deps.db.inboundEmail.update({ where: { id: inboundEmailId }, data: { status: "failed", error: reason.slice(0, 1000) } }).catch(() => {});
    throw error;
  }
}

/** Runs a kept email through again (after a failure, or a rejection whose cause was fixed). */
export async function retryInboundEmail(deps: InboundDeps, inboundEmailId: string): Promise<InboundOutcome> {
  return processInboundEmail(deps, inboundEmailId);
}

// The addresses and ids that carry a conversation through mail clients:
// - reply+<ticketId>.<signature>@<inbound domain>: the per-ticket Reply-To. The HMAC signature makes it
//   unguessable (80 bits) without storing anything; the ticket row names the shop.
// - <shop-handle>@<inbound domain>: where a shop forwards its support mailbox (new conversations).
// - <shopdesk.<messageId>@<inbound domain>>: our Message-ID, derived from the Message row, so a retried
//   send carries the same id and a reply's In-Reply-To leads back to the message even without a lookup.
import { createHmac, timingSafeEqual } from "node:crypto";

const SIGNATURE_HEX = 20;
const REPLY_LOCAL = /^reply\+([a-z0-9_-]+)\.([a-f0-9]+)$/;
const OUR_MESSAGE_ID = /^<?shopdesk\.([a-z0-9_-]+)@([^>]+)>?$/i;

function signature(secret: string, shopId: string, ticketId: string): string {
  return createHmac("sha256", secret).update(`reply:${shopId}:${ticketId}`).digest("hex").slice(0, SIGNATURE_HEX);
}

export function replyAddress(secret: string, inboundDomain: string, ticket: { id: string; shopId: string }): string {
  return `reply+${ticket.id}.${signature(secret, ticket.shopId, ticket.id)}@${inboundDomain}`;
}

export interface ReplyTokenCandidate {
  ticketId: string;
  signature: string;
}

/** The token of a reply+…@<inbound domain> address (not yet verified: see verifyReplyToken). */
export function parseReplyAddress(address: string, inboundDomain: string): ReplyTokenCandidate | null {
  const at = address.lastIndexOf("@");
  if (at < 0 || address.slice(at + 1).toLowerCase() !== inboundDomain.toLowerCase()) return null;
  const match = REPLY_LOCAL.exec(address.slice(0, at).toLowerCase());
  return match ? { ticketId: match[1], signature: match[2] } : null;
}

export function verifyReplyToken(secret: string, candidate: ReplyTokenCandidate, ticket: { id: string; shopId: string }): boolean {
  const expected = Buffer.from(signature(secret, ticket.shopId, ticket.id));
  const given = Buffer.from(candidate.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** x.myshopify.com → x@<inbound domain>. */
export function shopInboundAddress(shopDomain: string, inboundDomain: string): string {
  return `${shopDomain.replace(/\.myshopify\.com$/i, "").toLowerCase()}@${inboundDomain}`;
}

/** x@<inbound domain> → x.myshopify.com (reply+… addresses are not shop addresses). */
export function shopDomainOfInboundAddress(address: string, inboundDomain: string): string | null {
  const at = address.lastIndexOf("@");
  if (at < 0 || address.slice(at + 1).toLowerCase() !== inboundDomain.toLowerCase()) return null;
  const local = address.slice(0, at).toLowerCase().replace(/\+.*$/, "");
  if (!local || local === "reply" || !/^[a-z0-9][a-z0-9-]*$/.test(local)) return null;
  return `${local}.myshopify.com`;
}

export function outboundMessageId(messageId: string, domain: string): string {
  return `<shopdesk.${messageId}@${domain}>`;
}

/** Our Message row id inside a Message-ID we generated, if it is one of ours. */
export function messageIdOfOurs(headerValue: string): string | null {
  return OUR_MESSAGE_ID.exec(headerValue.trim())?.[1] ?? null;
}

/** Message-IDs as stored: one "<…>" each, whitespace gone. */
export function normalizeMessageId(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim().replace(/\s+/g, "");
  if (!trimmed) return null;
  return trimmed.startsWith("<") ? trimmed : `<${trimmed}>`;
}

/** "Re: AW: Fwd: [#1042] Where is my order?" → "where is my order?" (for subject + sender threading). */
export function normalizeSubject(subject: string | null | undefined): string {
  let value = (subject ?? "").trim();
  const prefix = /^(?:re|fw|fwd|aw|wg|sv|vs|antw|tr|rv|回复|回覆|答复|转发|轉寄|返信|転送)\s*(?:\[\d+\])?\s*[:：]\s*/i;
  for (let round = 0; round < 10 && prefix.test(value); round++) value = value.replace(prefix, "");
  return value
    .replace(/\[#\d+\]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

// One outbound Message row → the mail nodemailer sends: sender, per-ticket Reply-To, threading
// headers, a text part (the message as written or rendered from its template) and an HTML part.
import type Mail from "nodemailer/lib/mailer";
import { normalizeSubject, outboundMessageId, replyAddress } from "./addresses.server";
import type { EmailConfig } from "./config.server";
import { parseEmailSettings } from "./email-settings";
import { renderEmailHtml } from "./render-html.server";

/** Mail clients thread on References; the first and the latest ids matter, the middle can go. */
const MAX_REFERENCES = 20;

export interface OutboundEmailInput {
  message: { id: string; bodyText: string; bodyHtml: string | null; inReplyTo: string | null; isAutomated: boolean };
  ticket: { id: string; shopId: string; number: number; subject: string };
  customer: { email: string; displayName: string | null };
  shop: { name: string; settings: unknown };
  /** The subject the sender gave (an automated message's own); the ticket's subject makes it a plain reply. */
  subject?: string;
  /** Message-IDs of the ticket's earlier email messages, oldest first. */
  threadMessageIds: string[];
}

export function senderOf(config: EmailConfig, shop: { name: string; settings: unknown }): { name: string; address: string } {
  const settings = parseEmailSettings(shop.settings);
  // A shop's own address only once it is set up with the SMTP provider (SPF/DKIM), else the app-wide one.
  if (settings.emailFromAddress) return { name: settings.emailFromName ?? shop.name, address: settings.emailFromAddress };
  return { name: `${shop.name} (${config.from.name})`, address: config.from.address };
}

export function threadReferences(threadMessageIds: string[], inReplyTo: string | null): string[] {
  const ids = [...new Set([...threadMessageIds, ...(inReplyTo ? [inReplyTo] : [])])];
  if (ids.length <= MAX_REFERENCES) return ids;
  return [ids[0], ...ids.slice(ids.length - (MAX_REFERENCES - 1))];
}

/** "Re: <subject> [#1042]": the tag lets subject threading and the customer find the ticket. */
export function replySubject(ticket: { number: number; subject: string }, ownSubject?: string): string {
  const tag = `[#${ticket.number}]`;
  const own = ownSubject?.trim() && normalizeSubject(ownSubject) !== normalizeSubject(ticket.subject) ? ownSubject.trim() : null;
  const text = own ?? ticket.subject;
  const base = text.includes(tag) ? text : `${text} ${tag}`;
  return own || /^re:/i.test(base) ? base : `Re: ${base}`;
}

export function composeOutboundEmail(config: EmailConfig, input: OutboundEmailInput): Mail.Options & { messageId: string } {
  const { message, ticket, customer, shop } = input;
  const from = senderOf(config, shop);
  const references = threadReferences(input.threadMessageIds, message.inReplyTo);
  const headers: Record<string, string> = {
    // Out-of-office and autoresponders should stay quiet about support replies (mail loops).
    "X-Auto-Response-Suppress": "OOF, AutoReply",
    "X-Shopdesk-Ticket": String(ticket.number),
  };
  if (message.isAutomated) headers["Auto-Submitted"] = "auto-replied";
  return {
    from,
    replyTo: { name: from.name, address: replyAddress(config.replyTokenSecret, config.inboundDomain, ticket) },
    to: { name: customer.displayName ?? "", address: customer.email },
    subject: replySubject(ticket, input.subject),
    messageId: outboundMessageId(message.id, config.inboundDomain),
    inReplyTo: message.inReplyTo ?? references.at(-1) ?? undefined,
    references: references.length > 0 ? references : undefined,
    text: message.bodyText,
    html: renderEmailHtml({ bodyText: message.bodyText, bodyHtml: message.bodyHtml, shopName: shop.name, ticketNumber: ticket.number }),
    headers,
  };
}

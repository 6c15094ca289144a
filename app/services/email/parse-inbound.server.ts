// Raw MIME → what Shopdesk needs of an inbound email, with mailparser (RFC 2047 words, charsets such
// as GB2312, Shift_JIS and ISO-2022-JP, quoted-printable, base64, nested multiparts).
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { normalizeMessageId } from "./addresses.server";

export interface ParsedAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  content: Buffer;
  inline: boolean;
}

export interface ParsedInboundEmail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: { email: string; name: string | null } | null;
  /** To, Cc and the delivery headers (Delivered-To, X-Original-To, X-Forwarded-To), lower-cased. */
  recipients: string[];
  subject: string;
  text: string;
  html: string | null;
  date: Date | null;
  language: string | null;
  contentType: string | null;
  /** Lower-cased header name → its first value, unfolded text. */
  headers: Map<string, string>;
  attachments: ParsedAttachment[];
}

export class MalformedEmailError extends Error {
  override name = "MalformedEmailError";
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const out: string[] = [];
  const walk = (entries: AddressObject["value"]) => {
    for (const entry of entries) {
      if (entry.address) out.push(entry.address.toLowerCase());
      if (entry.group) walk(entry.group);
    }
  };
  for (const object of list) walk(object.value);
  return out;
}

function headerText(parsed: ParsedMail): Map<string, string> {
  const map = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    if (map.has(key)) continue;
    map.set(key, line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim());
  }
  return map;
}

function referencesOf(parsed: ParsedMail): string[] {
  const raw = parsed.references ? (Array.isArray(parsed.references) ? parsed.references : [parsed.references]) : [];
  return raw.flatMap((value) => value.split(/\s+/)).map(normalizeMessageId).filter((id): id is string => id !== null);
}

export async function parseInboundEmail(raw: Buffer): Promise<ParsedInboundEmail> {
  // A message starts with header lines ("Name: value"); anything else is not MIME at all.
  const head = raw.subarray(0, 2000).toString("latin1");
  if (!/^[\x21-\x39\x3b-\x7e]+:/.test(head)) throw new MalformedEmailError("not a MIME message: it does not start with a header line");
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { keepCidLinks: true, skipImageLinks: true });
  } catch (error) {
    throw new MalformedEmailError(`the message could not be parsed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const headers = headerText(parsed);
  const fromEntry = parsed.from?.value.find((entry) => entry.address);
  const deliveryHeaders = ["delivered-to", "x-original-to", "x-forwarded-to", "envelope-to", "x-envelope-to"]
    .flatMap((name) => parsed.headerLines.filter((line) => line.key === name).map((line) => line.line.slice(line.line.indexOf(":") + 1).trim().toLowerCase()))
    .flatMap((value) => value.match(/[^\s<>,;"]+@[^\s<>,;"]+/g) ?? []);
  const contentType = headers.get("content-type")?.split(";")[0].trim().toLowerCase() ?? null;
  return {
    messageId: normalizeMessageId(parsed.messageId),
    inReplyTo: normalizeMessageId(parsed.inReplyTo?.split(/\s+/).find((part) => part.includes("@")) ?? parsed.inReplyTo),
    references: referencesOf(parsed),
    from: fromEntry?.address ? { email: fromEntry.address.toLowerCase(), name: fromEntry.name || null } : null,
    recipients: [...new Set([...addresses(parsed.to), ...addresses(parsed.cc), ...deliveryHeaders])],
    subject: parsed.subject?.trim() ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : null,
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    language: headers.get("content-language")?.split(",")[0].trim() || null,
    contentType,
    headers,
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? null,
      contentType: attachment.contentType.toLowerCase(),
      size: attachment.size ?? attachment.content.length,
      content: attachment.content,
      inline: attachment.contentDisposition === "inline" || Boolean(attachment.related),
    })),
  };
}

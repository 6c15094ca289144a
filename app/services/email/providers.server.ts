// Every provider's inbound format turned into one raw MIME message, so one parser and one pipeline
// handle them all. The provider's payload is what is stored; this conversion runs again on a retry.
// - raw: the message itself (message/rfc822), e.g. from an MTA pipe or Postfix.
// - Postmark inbound JSON (RawEmail when "include raw email" is on, else the parsed fields).
// - SendGrid Inbound Parse, multipart ("Send Raw" gives `email`; else the parsed fields and files).
// - Mailgun routes forward(), multipart or urlencoded (`body-mime` for the …/mime URL; else fields).
import { createHash } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import { z } from "zod";

export const INBOUND_PROVIDERS = ["raw", "postmark", "sendgrid", "mailgun"] as const;
export type InboundProvider = (typeof INBOUND_PROVIDERS)[number];

export interface InboundPayload {
  provider: InboundProvider;
  contentType: string;
  body: Buffer;
}

export interface ConvertedInbound {
  mime: Buffer;
  /** Recipients the provider saw on the envelope (where a forwarded mail was really delivered). */
  envelopeRecipients: string[];
}

export class InboundPayloadError extends Error {
  override name = "InboundPayloadError";
}

/** Headers kept when a message has to be rebuilt from a provider's fields (threading and loop checks). */
const KEPT_HEADERS = new Set([
  "message-id", "in-reply-to", "references", "date", "subject", "auto-submitted", "precedence", "x-autoreply", "x-autorespond",
  "x-auto-response-suppress", "return-path", "list-id", "list-unsubscribe", "content-language", "delivered-to", "x-original-to", "x-forwarded-to", "reply-to",
]);

type HeaderPair = [name: string, value: string];

/**
 * For mail without a Message-ID: derived from the bytes as received, so a provider's retry of the
 * same delivery is still recognised as a repeat (a generated one would differ every time).
 */
export function syntheticMessageId(bytes: Buffer): string {
  return `<${createHash("sha256").update(bytes).digest("hex").slice(0, 40)}@no-message-id.shopdesk>`;
}

async function compose(input: {
  /** What identifies the delivery (the message's own fields, not the request's envelope): names it when it has no Message-ID. */
  source: Buffer;
  from: string | null;
  to: string | null;
  cc: string | null;
  headers: HeaderPair[];
  text: string | null;
  html: string | null;
  attachments: Mail.Attachment[];
}): Promise<Buffer> {
  const headers = input.headers
    .filter(([name]) => KEPT_HEADERS.has(name.toLowerCase()))
    // Header values from providers are raw (encoded words intact): passed on untouched.
    .map(([key, value]) => ({ key, value: { prepared: true, value: value.replace(/\r?\n(?![ \t])/g, " ") } as unknown as string }));
  const hasMessageId = input.headers.some(([name]) => name.toLowerCase() === "message-id");
  const composer = new MailComposer({
    ...(hasMessageId ? {} : { messageId: syntheticMessageId(input.source) }),
    from: input.from ?? undefined,
    to: input.to ?? undefined,
    cc: input.cc ?? undefined,
    text: input.text ?? undefined,
    html: input.html ?? undefined,
    headers,
    attachments: input.attachments,
  });
  return composer.compile().build();
}

async function formOf(payload: InboundPayload): Promise<FormData> {
  try {
    return await new Request("http://inbound.local/", { method: "POST", body: new Uint8Array(payload.body) as unknown as BodyInit, headers: { "content-type": payload.contentType } }).formData();
  } catch (error) {
    throw new InboundPayloadError(`the form body could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function readForm(payload: InboundPayload): Promise<FormData> {
  return formOf(payload);
}

function field(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === "string" ? value : null;
}

async function fileAttachment(value: FormDataEntryValue | null, info?: { filename?: string; type?: string; "content-id"?: string }): Promise<Mail.Attachment | null> {
  if (!value || typeof value === "string") return null;
  return {
    filename: info?.filename ?? value.name,
    contentType: info?.type ?? (value.type || "application/octet-stream"),
    content: Buffer.from(await value.arrayBuffer()),
    ...(info?.["content-id"] ? { cid: info["content-id"] } : {}),
  };
}

function headerBlockPairs(block: string | null): HeaderPair[] {
  if (!block) return [];
  return block
    .replace(/\r\n/g, "\n")
    .replace(/\n[ \t]+/g, " ")
    .split("\n")
    .map((line) => {
      const colon = line.indexOf(":");
      return colon > 0 ? ([line.slice(0, colon).trim(), line.slice(colon + 1).trim()] as HeaderPair) : null;
    })
    .filter((pair): pair is HeaderPair => pair !== null);
}

function emailsIn(value: string | null | undefined): string[] {
  return (value ?? "").toLowerCase().match(/[^\s<>,;"]+@[^\s<>,;"]+/g) ?? [];
}

const postmarkSchema = z.object({
  RawEmail: z.string().optional(),
  From: z.string().optional(),
  FromFull: z.object({ Email: z.string(), Name: z.string().optional() }).optional(),
  To: z.string().optional(),
  Cc: z.string().optional(),
  OriginalRecipient: z.string().optional(),
  Subject: z.string().optional(),
  Date: z.string().optional(),
  TextBody: z.string().optional(),
  HtmlBody: z.string().optional(),
  Headers: z.array(z.object({ Name: z.string(), Value: z.string() })).optional(),
  Attachments: z.array(z.object({ Name: z.string(), Content: z.string(), ContentType: z.string(), ContentID: z.string().optional() })).optional(),
});

async function fromPostmark(payload: InboundPayload): Promise<ConvertedInbound> {
  let json: unknown;
  try {
    json = JSON.parse(payload.body.toString("utf8"));
  } catch {
    throw new InboundPayloadError("the Postmark payload is not JSON");
  }
  const parsed = postmarkSchema.safeParse(json);
  if (!parsed.success) throw new InboundPayloadError(`not a Postmark inbound payload: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`);
  const data = parsed.data;
  const envelopeRecipients = [...emailsIn(data.OriginalRecipient), ...emailsIn(data.To)];
  if (data.RawEmail) return { mime: Buffer.from(data.RawEmail, "utf8"), envelopeRecipients };
  const headers: HeaderPair[] = (data.Headers ?? []).map((header) => [header.Name, header.Value]);
  if (data.Subject !== undefined && !headers.some(([name]) => name.toLowerCase() === "subject")) headers.push(["Subject", data.Subject]);
  if (data.Date && !headers.some(([name]) => name.toLowerCase() === "date")) headers.push(["Date", data.Date]);
  const from = data.FromFull ? (data.FromFull.Name ? `"${data.FromFull.Name.replace(/"/g, "'")}" <${data.FromFull.Email}>` : data.FromFull.Email) : (data.From ?? null);
  const mime = await compose({
    source: Buffer.from(JSON.stringify([data.From, data.To, data.Subject, data.Date, data.TextBody, data.HtmlBody])),
    from,
    to: data.To ?? null,
    cc: data.Cc ?? null,
    headers,
    text: data.TextBody ?? null,
    html: data.HtmlBody ?? null,
    attachments: (data.Attachments ?? []).map((attachment) => ({
      filename: attachment.Name,
      contentType: attachment.ContentType,
      content: Buffer.from(attachment.Content, "base64"),
      ...(attachment.ContentID ? { cid: attachment.ContentID.replace(/^<|>$/g, "") } : {}),
    })),
  });
  return { mime, envelopeRecipients };
}

async function fromSendgrid(payload: InboundPayload): Promise<ConvertedInbound> {
  const form = await formOf(payload);
  let envelopeRecipients: string[] = [];
  try {
    const envelope = JSON.parse(field(form, "envelope") ?? "{}") as { to?: unknown };
    if (Array.isArray(envelope.to)) envelopeRecipients = envelope.to.filter((to): to is string => typeof to === "string").map((to) => to.toLowerCase());
  } catch {
    // A missing or odd envelope only loses the envelope recipients; the headers still name them.
  }
  const raw = field(form, "email");
  if (raw) return { mime: Buffer.from(raw, "utf8"), envelopeRecipients };
  if (!field(form, "from") && !field(form, "headers")) throw new InboundPayloadError("not a SendGrid Inbound Parse post: no `email`, `from` or `headers` field");
  let info: Record<string, { filename?: string; type?: string; "content-id"?: string }> = {};
  try {
    info = JSON.parse(field(form, "attachment-info") ?? "{}");
  } catch {
    info = {};
  }
  const count = Number(field(form, "attachments") ?? "0") || 0;
  const attachments: Mail.Attachment[] = [];
  for (let index = 1; index <= count; index++) {
    const attachment = await fileAttachment(form.get(`attachment${index}`), info[`attachment${index}`]);
    if (attachment) attachments.push(attachment);
  }
  const mime = await compose({
    source: Buffer.from(JSON.stringify(["from", "to", "subject", "headers", "text", "html"].map((name) => field(form, name)))),
    from: field(form, "from"),
    to: field(form, "to"),
    cc: field(form, "cc"),
    headers: [...headerBlockPairs(field(form, "headers")), ...(field(form, "subject") && !/^subject:/im.test(field(form, "headers") ?? "") ? [["Subject", field(form, "subject")!] as HeaderPair] : [])],
    text: field(form, "text"),
    html: field(form, "html"),
    attachments,
  });
  return { mime, envelopeRecipients };
}

export async function mailgunForm(payload: InboundPayload): Promise<FormData> {
  return formOf(payload);
}

async function fromMailgun(payload: InboundPayload): Promise<ConvertedInbound> {
  const form = await formOf(payload);
  const envelopeRecipients = emailsIn(field(form, "recipient"));
  const raw = field(form, "body-mime");
  if (raw) return { mime: Buffer.from(raw, "utf8"), envelopeRecipients };
  if (!field(form, "from") && !field(form, "sender")) throw new InboundPayloadError("not a Mailgun route post: no `body-mime`, `from` or `sender` field");
  let headers: HeaderPair[] = [];
  try {
    const list = JSON.parse(field(form, "message-headers") ?? "[]") as unknown;
    if (Array.isArray(list)) headers = list.filter((pair): pair is HeaderPair => Array.isArray(pair) && pair.length === 2 && pair.every((part) => typeof part === "string"));
  } catch {
    headers = [];
  }
  if (!headers.some(([name]) => name.toLowerCase() === "subject") && field(form, "subject")) headers.push(["Subject", field(form, "subject")!]);
  const count = Number(field(form, "attachment-count") ?? "0") || 0;
  const attachments: Mail.Attachment[] = [];
  for (let index = 1; index <= count; index++) {
    const attachment = await fileAttachment(form.get(`attachment-${index}`));
    if (attachment) attachments.push(attachment);
  }
  const mime = await compose({
    source: Buffer.from(JSON.stringify(["from", "sender", "recipient", "subject", "message-headers", "body-plain", "body-html"].map((name) => field(form, name)))),
    from: field(form, "from") ?? field(form, "sender"),
    to: field(form, "To") ?? field(form, "recipient"),
    cc: field(form, "Cc"),
    headers,
    text: field(form, "body-plain"),
    html: field(form, "body-html"),
    attachments,
  });
  return { mime, envelopeRecipients };
}

export async function convertToMime(payload: InboundPayload): Promise<ConvertedInbound> {
  switch (payload.provider) {
    case "raw":
      return { mime: payload.body, envelopeRecipients: [] };
    case "postmark":
      return fromPostmark(payload);
    case "sendgrid":
      return fromSendgrid(payload);
    case "mailgun":
      return fromMailgun(payload);
  }
}

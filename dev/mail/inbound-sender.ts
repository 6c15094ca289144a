// Realistic customer email for the demo and the dev script: a multipart message as a phone mail
// client writes it (text + HTML, a signature, a photo), or a customer's answer to a captured mail
// (Reply-To, In-Reply-To, References, the quoted original). Posted to the app's raw MIME endpoint.
import type { ParsedMail } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer";
import { randomUUID } from "node:crypto";

export interface InboundTarget {
  appUrl: string;
  user: string;
  password: string;
}

export const DEMO_INBOUND = { user: "demo-inbound", password: "demo-inbound-password", domain: "inbound.shopdesk.localhost" };

/** The demo shop's alias: its support mailbox forwards here. */
export function demoShopAddress(shopDomain: string): string {
  return `${shopDomain.replace(/\.myshopify\.com$/, "")}@${DEMO_INBOUND.domain}`;
}

// A 1×1 PNG: the "photo of the damage".
const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

export async function composeNewCustomerEmail(options: { to: string; from?: string; subject?: string; text?: string }): Promise<Buffer> {
  const text = options.text ?? "Hello,\n\nmy order #1001 arrived today but the ceramic mug is cracked (photo attached).\nCould you send a replacement?\n\nThanks,\nLéa\n\n-- \nLéa Martin\nSent from my iPhone";
  return new MailComposer({
    from: options.from ?? "Léa Martin <lea.martin@example.com>",
    to: options.to,
    subject: options.subject ?? "Cracked mug in order #1001 😢",
    date: new Date(),
    messageId: `<${randomUUID()}@mail.example.com>`,
    text,
    html: `<div dir="ltr">${text.split("\n\n").map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\n/g, "<br>")}</p>`).join("")}<img src="https://tracker.example.com/open.gif" width="1" height="1"></div>`,
    attachments: [{ filename: "mug.png", content: PHOTO, contentType: "image/png" }],
  }).compile().build();
}

/** The customer answers a mail the app sent: to its Reply-To, quoting it. */
export async function composeCustomerAnswer(original: ParsedMail, text: string): Promise<Buffer> {
  const replyTo = original.replyTo?.value[0]?.address ?? original.from?.value[0]?.address;
  const customer = (Array.isArray(original.to) ? original.to[0] : original.to)?.value[0];
  if (!replyTo || !customer?.address) throw new Error("the captured mail has no Reply-To/From or no recipient");
  const references = [...(Array.isArray(original.references) ? original.references : original.references ? [original.references] : []), original.messageId].filter((id): id is string => Boolean(id));
  const quoted = (original.text ?? "").split("\n").map((line) => `> ${line}`).join("\n");
  const when = (original.date ?? new Date()).toUTCString();
  return new MailComposer({
    from: { name: customer.name, address: customer.address },
    to: replyTo,
    subject: /^re:/i.test(original.subject ?? "") ? original.subject : `Re: ${original.subject ?? ""}`,
    date: new Date(),
    messageId: `<${randomUUID()}@mail.example.com>`,
    inReplyTo: original.messageId,
    references,
    text: `${text}\n\nOn ${when}, ${original.from?.text ?? "Support"} wrote:\n${quoted}\n`,
  }).compile().build();
}

export async function postInboundEmail(target: InboundTarget, mime: Buffer): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL("/email/inbound", target.appUrl), {
    method: "POST",
    headers: { "content-type": "message/rfc822", authorization: `Basic ${Buffer.from(`${target.user}:${target.password}`).toString("base64")}` },
    body: new Uint8Array(mime),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: shown as text
  }
  return { status: response.status, body };
}

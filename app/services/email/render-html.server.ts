// The HTML part of an outbound email and the stored HTML of a text-only inbound one: escaped text
// in paragraphs, inside a small layout. Message HTML that exists already is sanitised again here
// (an automated message rendered from a template is still customer-facing markup).
import { sanitizeEmailHtml } from "./sanitize-html.server";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/** Blank lines separate paragraphs; single line breaks stay line breaks. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>\n")}</p>`)
    .join("\n");
}

export function renderEmailHtml(input: { bodyText: string; bodyHtml: string | null; shopName: string; ticketNumber: number }): string {
  const body = input.bodyHtml ? sanitizeEmailHtml(input.bodyHtml) : textToHtml(input.bodyText);
  return [
    "<!doctype html>",
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    '<body style="font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Roboto,\'PingFang SC\',\'Hiragino Sans\',sans-serif;font-size:15px;line-height:1.5;color:#202223">',
    `<div>${body}</div>`,
    `<p style="color:#6d7175;font-size:12px;margin-top:24px">${escapeHtml(input.shopName)} · #${input.ticketNumber}</p>`,
    "</body></html>",
  ].join("\n");
}

// The demo's mail viewer: what the app sent through the local SMTP sink, newest first. A message page
// shows the threading headers, the text part and the HTML part (in a sandboxed frame), and lets you
// answer as the customer (posted to the app's inbound endpoint) to see the reply land on the ticket.
import { simpleParser } from "mailparser";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { composeCustomerAnswer, composeNewCustomerEmail, postInboundEmail, type InboundTarget } from "./inbound-sender";
import type { CapturedMail, MailSink } from "./sink";

export interface MailViewerOptions {
  sink: MailSink;
  port: number;
  inbound: InboundTarget;
  /** Where "send a new customer email" goes (the demo shop's alias). */
  shopAddress: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>*{box-sizing:border-box}body{font:14px/1.5 system-ui,sans-serif;max-width:960px;margin:24px auto;padding:0 16px;color:#303030}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e3e3;vertical-align:top}
th{width:140px;color:#616161;font-weight:500}pre{background:#f6f6f6;padding:12px;border-radius:8px;white-space:pre-wrap}
iframe{width:100%;min-height:320px;border:1px solid #e3e3e3;border-radius:8px}textarea{width:100%;min-height:100px;font:inherit;padding:8px}
button{margin-top:8px;padding:8px 16px;border-radius:8px;border:0;background:#303030;color:#fff;font:inherit;cursor:pointer}.note{background:#eef6ff;padding:8px 12px;border-radius:8px}</style>
</head><body>${body}</body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

async function listPage(sink: MailSink, note = ""): Promise<string> {
  const rows = await Promise.all(
    [...sink.messages].reverse().map(async (mail) => {
      const parsed = await simpleParser(mail.raw);
      return `<tr><td><a href="/messages/${mail.id}">${escapeHtml(parsed.subject ?? "(no subject)")}</a></td><td>${escapeHtml(mail.envelope.to.join(", "))}</td><td>${escapeHtml(parsed.from?.text ?? "")}</td><td>${mail.receivedAt.toISOString().slice(11, 19)}</td></tr>`;
    }),
  );
  return page("Sent mail", `${note}<h1>Mail sent by Shopdesk</h1>
<p>Everything the app sends by SMTP in this demo lands here (${escapeHtml(sink.smtpUrl)}), nothing leaves the machine.</p>
<form method="post" action="/send-new"><button type="submit">Send a new customer email to the shop</button></form>
<table><tr><th>Subject</th><th>To</th><th>From</th><th>Time (UTC)</th></tr>${rows.join("") || '<tr><td colspan="4">Nothing sent yet: answer a ticket in the admin.</td></tr>'}</table>`);
}

async function messagePage(mail: CapturedMail, note = ""): Promise<string> {
  const parsed = await simpleParser(mail.raw);
  const header = (name: string, value: string | undefined) => (value ? `<tr><th>${name}</th><td>${escapeHtml(value)}</td></tr>` : "");
  const references = Array.isArray(parsed.references) ? parsed.references.join(" ") : parsed.references;
  // The HTML part in a frame that may run nothing and load nothing from the web.
  const htmlFrame = parsed.html
    ? `<h2>HTML part</h2><iframe sandbox="" csp="default-src 'none'; img-src data:; style-src 'unsafe-inline'" srcdoc="${escapeHtml(parsed.html)}"></iframe>`
    : "";
  return page(parsed.subject ?? "Mail", `${note}<p><a href="/">← all mail</a> · <a href="/messages/${mail.id}.eml">raw</a></p><h1>${escapeHtml(parsed.subject ?? "(no subject)")}</h1>
<table>${header("From", parsed.from?.text)}${header("Reply-To", parsed.replyTo?.text)}${header("To", (Array.isArray(parsed.to) ? parsed.to[0] : parsed.to)?.text)}${header("Envelope", `${mail.envelope.from ?? "<>"} → ${mail.envelope.to.join(", ")}`)}
${header("Message-ID", parsed.messageId)}${header("In-Reply-To", parsed.inReplyTo)}${header("References", references)}${header("Date", parsed.date?.toISOString())}</table>
<h2>Text part</h2><pre>${escapeHtml(parsed.text ?? "")}</pre>${htmlFrame}
<h2>Answer as the customer</h2><form method="post" action="/messages/${mail.id}/reply"><textarea name="text">Thanks! When will the replacement ship?</textarea><button type="submit">Send the answer to Shopdesk</button></form>`);
}

export async function startMailViewer(options: MailViewerOptions): Promise<{ origin: string; close(): Promise<void> }> {
  const { sink } = options;
  let origin = "";
  const send = (res: ServerResponse, status: number, html: string, type = "text/html; charset=utf-8") => {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store", "content-security-policy": "frame-src 'self' about:; img-src data:" });
    res.end(html);
  };
  const result = (outcome: { status: number; body: unknown }) =>
    `<p class="note">Shopdesk answered ${outcome.status}: <code>${escapeHtml(JSON.stringify(outcome.body))}</code></p>`;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", origin || "http://localhost");
      // The page posts only to itself: another site must not drive it from a browser.
      if (req.method === "POST" && req.headers.origin && req.headers.origin !== origin) return send(res, 403, "cross-site post refused", "text/plain");
      const match = /^\/messages\/(\d+)(\.eml|\/reply)?$/.exec(url.pathname);
      const mail = match ? sink.messages.find((item) => item.id === Number(match[1])) : undefined;
      if (req.method === "GET" && url.pathname === "/") return send(res, 200, await listPage(sink));
      if (req.method === "GET" && url.pathname === "/latest.eml") {
        const latest = sink.messages.at(-1);
        return latest ? send(res, 200, latest.raw.toString("utf8"), "message/rfc822") : send(res, 404, "no mail yet", "text/plain");
      }
      if (req.method === "POST" && url.pathname === "/send-new") {
        const outcome = await postInboundEmail(options.inbound, await composeNewCustomerEmail({ to: options.shopAddress }));
        return send(res, 200, await listPage(sink, result(outcome)));
      }
      if (!mail) return send(res, 404, page("Not found", "<p>No such mail. <a href=\"/\">All mail</a></p>"));
      if (req.method === "GET" && match?.[2] === ".eml") return send(res, 200, mail.raw.toString("utf8"), "message/rfc822");
      if (req.method === "GET" && !match?.[2]) return send(res, 200, await messagePage(mail));
      if (req.method === "POST" && match?.[2] === "/reply") {
        const form = await readForm(req);
        const answer = await composeCustomerAnswer(await simpleParser(mail.raw), form.get("text")?.trim() || "Thanks!");
        return send(res, 200, await messagePage(mail, result(await postInboundEmail(options.inbound, answer))));
      }
      return send(res, 405, "method not allowed", "text/plain");
    })().catch((error: Error) => send(res, 500, page("Error", `<pre>${escapeHtml(error.message)}</pre>`)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

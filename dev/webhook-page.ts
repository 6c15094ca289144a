/**
 * GET /webhooks on the Shopify stand-in: a small form that sends a signed sample delivery to the
 * app; POST /webhooks sends it and shows the app's answer. Development only.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { escapeHtml } from "./admin-frame/frame-page";
import { SAMPLE_WEBHOOK_TOPICS, sampleWebhookPayload } from "./webhook-samples";
import { sendWebhook, signWebhook } from "./webhook-sender";

export interface WebhookPageOptions {
  appUrl: string;
  apiSecret: string;
  shop: string;
  standinOrigin: string;
  apiVersion?: string;
}

const MAX_FORM_BYTES = 256 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>*{box-sizing:border-box}body{font:14px/1.5 system-ui,sans-serif;max-width:760px;margin:32px auto;padding:0 16px;color:#303030}
label{display:block;margin:12px 0 4px;font-weight:600}input,select,textarea{width:100%;font:inherit;padding:6px;border:1px solid #c9c9c9;border-radius:8px}
textarea{font-family:ui-monospace,monospace;min-height:160px}button{margin-top:16px;padding:8px 16px;border-radius:8px;border:0;background:#303030;color:#fff;font:inherit}
pre{background:#f6f6f6;padding:12px;border-radius:8px;overflow:auto}.check{display:flex;gap:8px;align-items:center;font-weight:400}.check input{width:auto}</style>
</head><body>${body}</body></html>`;
}

export function createWebhookPageHandler(options: WebhookPageOptions) {
  const appOrigin = new URL(options.appUrl).origin;
  const standinOrigin = new URL(options.standinOrigin).origin;

  function formHtml(topic: string, message = ""): string {
    const topicOptions = SAMPLE_WEBHOOK_TOPICS.map((name) =>
      `<option${name === topic ? " selected" : ""}>${escapeHtml(name)}</option>`).join("");
    return page("Send a test webhook", `${message}<h1>Send a test webhook</h1>
<p>Signs a sample delivery for <strong>${escapeHtml(options.shop)}</strong> with the app secret and POSTs it to the app.</p>
<form method="post" action="/webhooks">
<label for="topic">Topic</label><select id="topic" name="topic">${topicOptions}</select>
<label for="url">App endpoint (leave empty for ${escapeHtml(appOrigin)}/webhooks/&lt;topic&gt;)</label>
<input id="url" name="url" placeholder="${escapeHtml(`${appOrigin}/webhooks/${topic}`)}">
<label for="payload">Payload JSON (leave empty for the topic's sample)</label><textarea id="payload" name="payload"></textarea>
<label class="check"><input type="checkbox" name="badSignature" value="1"> Sign with a wrong secret (the app must answer 401)</label>
<button type="submit">Send</button>
</form>`);
  }

  async function sendFromForm(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The page only posts to itself; refuse other sites driving the signer from a browser.
    const origin = req.headers.origin;
    if (origin && origin !== standinOrigin) {
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("Cross-origin form posts are refused");
      return;
    }
    let form: URLSearchParams;
    try {
      form = new URLSearchParams(await readBody(req));
    } catch {
      res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8" }).end("Form too large");
      return;
    }
    const topic = form.get("topic") ?? "";
    const url = form.get("url")?.trim() || `${appOrigin}/webhooks/${topic}`;
    const payloadText = form.get("payload")?.trim() || JSON.stringify(sampleWebhookPayload(topic, options.shop));
    const problems: string[] = [];
    if (!(SAMPLE_WEBHOOK_TOPICS as readonly string[]).includes(topic)) problems.push("Unknown topic.");
    // Only the app is a valid target, so this page cannot be used to sign requests for anything else.
    if (!URL.canParse(url) || new URL(url).origin !== appOrigin) problems.push(`The endpoint must be on ${appOrigin}.`);
    try { JSON.parse(payloadText); } catch { problems.push("The payload is not valid JSON."); }
    if (problems.length > 0) {
      res.writeHead(400, { "Content-Type": "text/html; charset=utf-8" });
      res.end(formHtml(topic, `<p role="alert" style="color:#8e1f0b">${problems.map(escapeHtml).join(" ")}</p>`));
      return;
    }
    const secret = form.get("badSignature") === "1" ? `${options.apiSecret}-wrong` : options.apiSecret;
    const delivery = { topic, shop: options.shop, body: payloadText, secret, apiVersion: options.apiVersion };
    const { headers } = signWebhook(delivery);
    let outcome: string;
    try {
      const response = await sendWebhook({ url, ...delivery, webhookId: headers["X-Shopify-Webhook-Id"], eventId: headers["X-Shopify-Event-Id"], triggeredAt: headers["X-Shopify-Triggered-At"] });
      const text = await response.text();
      outcome = `<p>App answered <strong data-status="${response.status}">${response.status} ${escapeHtml(response.statusText)}</strong></p>` +
        (text ? `<pre>${escapeHtml(text.slice(0, 4000))}</pre>` : "");
    } catch (error) {
      outcome = `<p role="alert">Delivery failed: ${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`;
    }
    const sentHeaders = Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join("\n");
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(page("Webhook sent", `<h1>Webhook sent</h1><p>POST ${escapeHtml(url)}</p>${outcome}
<h2>Headers</h2><pre>${escapeHtml(sentHeaders)}</pre><h2>Body</h2><pre>${escapeHtml(payloadText)}</pre>
<p><a href="/webhooks?topic=${encodeURIComponent(topic)}">Send another</a></p>`));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", standinOrigin);
    if (url.pathname !== "/webhooks") return false;
    if (req.method === "GET") {
      const topic = url.searchParams.get("topic") ?? "app/uninstalled";
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      res.end(formHtml(topic));
      return true;
    }
    if (req.method === "POST") {
      await sendFromForm(req, res);
      return true;
    }
    return false;
  }

  return { handle };
}

// The inbound HTTP endpoints' shared handler: size cap, the provider's authentication, keep the
// payload, process it. Routes (app/routes/email.inbound*.tsx) only name their provider.
import { json as jsonResponse } from "@remix-run/node";
import { checkBasicAuth, checkMailgunSignature, checkSendgridAuth, type AuthResult } from "./inbound-auth.server";
import { keepInboundPayload, processInboundEmail, type InboundDeps } from "./process-inbound.server";
import { readForm, type InboundProvider } from "./providers.server";

/** Providers wrap the message (base64 in JSON, form fields): room for that on top of the message limit. */
const ENVELOPE_OVERHEAD = 1.5;
const RAW_CONTENT_TYPES = ["message/rfc822", "text/plain", "application/octet-stream"];

function json(body: object, status: number, headers: Record<string, string> = {}): Response {
  return jsonResponse(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

class BodyTooLarge extends Error {}

async function readBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLarge();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function authenticate(provider: InboundProvider, request: Request, body: Buffer, contentType: string, deps: InboundDeps): Promise<AuthResult> {
  switch (provider) {
    case "raw":
    case "postmark":
      return checkBasicAuth(request, deps.config);
    case "sendgrid":
      return checkSendgridAuth(request, deps.config);
    case "mailgun": {
      // Mailgun signs inside the form: read it (in memory) to check before anything is kept.
      let form: FormData;
      try {
        form = await readForm({ provider, contentType, body });
      } catch {
        return { ok: false, status: 401, reason: "the Mailgun signature fields could not be read from the body" };
      }
      const text = (name: string) => {
        const value = form.get(name);
        return typeof value === "string" ? value : null;
      };
      return checkMailgunSignature({ timestamp: text("timestamp"), token: text("token"), signature: text("signature") }, deps.config, deps.now());
    }
  }
}

export async function handleInboundRequest(request: Request, provider: InboundProvider, deps: InboundDeps): Promise<Response> {
  if (request.method !== "POST") return json({ error: "POST an email here" }, 405, { Allow: "POST" });
  const contentType = request.headers.get("content-type") ?? "";
  let body: Buffer;
  try {
    body = await readBody(request, Math.ceil(deps.config.limits.messageBytes * ENVELOPE_OVERHEAD));
  } catch (error) {
    if (error instanceof BodyTooLarge) return json({ error: `the request is over the ${deps.config.limits.messageBytes} byte message limit` }, 413);
    throw error;
  }
  const auth = await authenticate(provider, request, body, contentType, deps);
  if (!auth.ok) {
    const challenge: Record<string, string> = auth.status === 401 && provider !== "mailgun" ? { "WWW-Authenticate": 'Basic realm="Shopdesk inbound email"' } : {};
    return json({ error: auth.reason }, auth.status, challenge);
  }
  if (body.length === 0) return json({ error: "the request body is empty" }, 422);
  if (provider === "raw" && contentType && !RAW_CONTENT_TYPES.some((type) => contentType.toLowerCase().startsWith(type))) {
    return json({ error: `send the message as message/rfc822, not ${contentType}` }, 415);
  }
  let inboundEmailId: string;
  try {
    inboundEmailId = await keepInboundPayload(deps, { provider, contentType, body });
  } catch (error) {
    // Not kept (disk full, database down): the provider must deliver it again.
    console.warn(`[shopdesk] inbound email not kept: ${error instanceof Error ? error.message : String(error)}`);
    return json({ status: "failed", error: "the email could not be stored; deliver it again later" }, 503, { "Retry-After": "60" });
  }
  try {
    const outcome = await processInboundEmail(deps, inboundEmailId);
    return json(outcome.body, outcome.status);
  } catch (error) {
    // Kept and marked failed: the provider retries (a repeat is de-duplicated by Message-ID), or an operator does.
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[shopdesk] inbound email ${inboundEmailId} failed: ${reason}`);
    await deps.scheduleRetry?.(inboundEmailId).catch((retryError: Error) => console.warn(`[shopdesk] inbound email ${inboundEmailId}: retry not scheduled: ${retryError.message}`));
    return json({ status: "failed", inboundEmailId, error: "the email was kept but could not be processed; it will be retried" }, 503);
  }
}

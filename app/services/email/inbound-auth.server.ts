// Each inbound provider's own proof that a post comes from it. A failure answers 401/403 before
// anything is stored or parsed.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { EmailConfig } from "./config.server";

export type AuthResult = { ok: true } | { ok: false; status: 401 | 403 | 503; reason: string };

/** Mailgun signs timestamp + token; a signature older than this is refused (replays). */
export const MAILGUN_MAX_AGE_SECONDS = 15 * 60;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function checkBasicAuth(request: Request, config: EmailConfig): AuthResult {
  const { basicUser, basicPassword } = config.inboundAuth;
  if (!basicUser || !basicPassword) return { ok: false, status: 503, reason: "inbound email is not configured (EMAIL_INBOUND_USER and EMAIL_INBOUND_PASSWORD)" };
  const header = request.headers.get("authorization") ?? "";
  if (!/^basic\s+/i.test(header)) return { ok: false, status: 401, reason: "HTTP Basic credentials are required" };
  const decoded = Buffer.from(header.replace(/^basic\s+/i, ""), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const user = colon >= 0 ? decoded.slice(0, colon) : decoded;
  const password = colon >= 0 ? decoded.slice(colon + 1) : "";
  // Both compared, always: the time taken does not tell which one was wrong.
  const userOk = sameSecret(user, basicUser);
  const passwordOk = sameSecret(password, basicPassword);
  return userOk && passwordOk ? { ok: true } : { ok: false, status: 401, reason: "wrong HTTP Basic credentials" };
}

/** SendGrid Inbound Parse: Basic credentials in the URL, or ?key=<EMAIL_SENDGRID_URL_SECRET>. */
export function checkSendgridAuth(request: Request, config: EmailConfig): AuthResult {
  const key = new URL(request.url).searchParams.get("key");
  const secret = config.inboundAuth.sendgridUrlSecret;
  if (key !== null) {
    if (!secret) return { ok: false, status: 403, reason: "a URL key was given but EMAIL_SENDGRID_URL_SECRET is not set" };
    return sameSecret(key, secret) ? { ok: true } : { ok: false, status: 403, reason: "wrong URL key" };
  }
  if (!request.headers.get("authorization") && secret) return { ok: false, status: 401, reason: "the URL key (?key=…) or HTTP Basic credentials are required" };
  return checkBasicAuth(request, config);
}

export function checkMailgunSignature(fields: { timestamp?: string | null; token?: string | null; signature?: string | null }, config: EmailConfig, now: Date): AuthResult {
  const key = config.inboundAuth.mailgunSigningKey;
  if (!key) return { ok: false, status: 503, reason: "inbound email from Mailgun is not configured (MAILGUN_SIGNING_KEY)" };
  const { timestamp, token, signature } = fields;
  if (!timestamp || !token || !signature) return { ok: false, status: 401, reason: "the Mailgun signature fields (timestamp, token, signature) are missing" };
  const seconds = Number(timestamp);
  if (!Number.isFinite(seconds) || Math.abs(now.getTime() / 1000 - seconds) > MAILGUN_MAX_AGE_SECONDS) {
    return { ok: false, status: 403, reason: "the Mailgun signature is too old (or from the future)" };
  }
  const expected = createHmac("sha256", key).update(`${timestamp}${token}`).digest("hex");
  return sameSecret(signature.toLowerCase(), expected) ? { ok: true } : { ok: false, status: 403, reason: "wrong Mailgun signature" };
}

/** What a test or the dev script needs to post as Mailgun does. */
export function signMailgun(key: string, timestamp: string, token: string): string {
  return createHmac("sha256", key).update(`${timestamp}${token}`).digest("hex");
}

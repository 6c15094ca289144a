/**
 * Mints Shopify session tokens (App Bridge "ID tokens") for the local admin stand-in.
 * Development only: a real token is signed by Shopify; here we hold the app secret ourselves.
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";

export interface MintSessionTokenOptions {
  shop: string;
  apiKey: string;
  apiSecret: string;
  userId: string | number;
  /** Shopify's tokens live one minute. */
  ttlSeconds?: number;
  /** Injectable clock (Date or epoch milliseconds) for tests. */
  now?: Date | number;
}

export interface SessionTokenClaims {
  iss: string;
  dest: string;
  aud: string;
  sub: string;
  exp: number;
  nbf: number;
  iat: number;
  jti: string;
  sid: string;
}

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString("base64url");
}

export function sessionTokenClaims(options: MintSessionTokenOptions): SessionTokenClaims {
  const { shop, apiKey, userId, ttlSeconds = 60, now = Date.now() } = options;
  const issuedAt = Math.floor((now instanceof Date ? now.getTime() : now) / 1000);
  return {
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: apiKey,
    sub: String(userId),
    exp: issuedAt + ttlSeconds,
    // A few seconds of slack, as Shopify does, so small clock skew does not reject a fresh token.
    nbf: issuedAt - 5,
    iat: issuedAt,
    jti: randomUUID(),
    sid: randomBytes(16).toString("hex"),
  };
}

/** HS256 JWT signed with the app's API secret, shaped like the tokens App Bridge hands out. */
export function mintSessionToken(options: MintSessionTokenOptions): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify(sessionTokenClaims(options)));
  const signingInput = `${header}.${payload}`;
  const signature = createHmac("sha256", options.apiSecret).update(signingInput).digest("base64url");
  return `${signingInput}.${signature}`;
}

/** The `host` query param Shopify passes to embedded apps: base64 of "admin.shopify.com/store/<name>". */
export function adminHostParam(shop: string): string {
  const storeName = shop.replace(/\.myshopify\.com$/, "");
  return Buffer.from(`admin.shopify.com/store/${storeName}`).toString("base64");
}

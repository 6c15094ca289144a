// The email channel's configuration, taken from the environment once (app/env.server.ts) and passed
// down as a plain object, so tests build their own without touching process.env.
import path from "node:path";
import { env, type Env } from "../../env.server";

export interface EmailConfig {
  /** smtp://user:pass@host:587 (STARTTLS) or smtps://…:465; null = the email channel is off (demo adapter). */
  smtpUrl: string | null;
  /** The app-wide sender for shops without a verified support address of their own. */
  from: { name: string; address: string };
  /** reply+<token>@ and <shop-handle>@ live here (MX → the inbound provider or this app). */
  inboundDomain: string;
  /** Signs reply tokens (reply+<ticket>.<signature>@…): whoever knows it can post into any ticket. */
  replyTokenSecret: string;
  inboundAuth: {
    /** HTTP Basic credentials for raw MIME, Postmark and SendGrid posts. */
    basicUser: string | null;
    basicPassword: string | null;
    /** SendGrid Inbound Parse cannot sign: a secret in the URL (?key=…) instead of Basic auth. */
    sendgridUrlSecret: string | null;
    /** Mailgun's HTTP webhook signing key (HMAC-SHA256 of timestamp + token). */
    mailgunSigningKey: string | null;
  };
  /** Raw messages (raw/) and attachments (attachments/) on local disk… */
  storageDir: string;
  /** …or in an S3-compatible bucket when one is configured. */
  s3?: S3StorageConfig | null;
  limits: {
    messageBytes: number;
    attachmentBytes: number;
    attachmentsPerMessage: number;
  };
}

export interface S3StorageConfig {
  bucket: string;
  region: string;
  /** For S3-compatible services (R2, MinIO, …); AWS when absent. */
  endpoint: string | null;
  prefix: string;
  forcePathStyle: boolean;
}

export const DEFAULT_LIMITS = { messageBytes: 25 * 1024 * 1024, attachmentBytes: 10 * 1024 * 1024, attachmentsPerMessage: 20 };

type EmailEnv = Pick<
  Env,
  | "SHOPIFY_API_SECRET"
  | "SMTP_URL"
  | "EMAIL_FROM"
  | "EMAIL_INBOUND_DOMAIN"
  | "EMAIL_REPLY_TOKEN_SECRET"
  | "EMAIL_INBOUND_USER"
  | "EMAIL_INBOUND_PASSWORD"
  | "EMAIL_SENDGRID_URL_SECRET"
  | "MAILGUN_SIGNING_KEY"
  | "EMAIL_STORAGE_DIR"
  | "EMAIL_S3_BUCKET"
  | "EMAIL_S3_ENDPOINT"
  | "EMAIL_S3_REGION"
  | "EMAIL_S3_PREFIX"
  | "EMAIL_S3_FORCE_PATH_STYLE"
  | "EMAIL_ATTACHMENT_MAX_BYTES"
  | "EMAIL_MESSAGE_MAX_BYTES"
>;

/** "Name <address>" or a bare address. */
export function parseSender(value: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
  if (match) return { name: match[1].replace(/^"|"$/g, ""), address: match[2] };
  return { name: "Shopdesk", address: value.trim() };
}

export function emailConfigFromEnv(env: EmailEnv): EmailConfig {
  return {
    smtpUrl: env.SMTP_URL ?? null,
    from: parseSender(env.EMAIL_FROM),
    inboundDomain: env.EMAIL_INBOUND_DOMAIN.toLowerCase(),
    replyTokenSecret: env.EMAIL_REPLY_TOKEN_SECRET ?? env.SHOPIFY_API_SECRET,
    inboundAuth: {
      basicUser: env.EMAIL_INBOUND_USER ?? null,
      basicPassword: env.EMAIL_INBOUND_PASSWORD ?? null,
      sendgridUrlSecret: env.EMAIL_SENDGRID_URL_SECRET ?? null,
      mailgunSigningKey: env.MAILGUN_SIGNING_KEY ?? null,
    },
    storageDir: path.resolve(env.EMAIL_STORAGE_DIR),
    s3: env.EMAIL_S3_BUCKET
      ? { bucket: env.EMAIL_S3_BUCKET, region: env.EMAIL_S3_REGION, endpoint: env.EMAIL_S3_ENDPOINT ?? null, prefix: env.EMAIL_S3_PREFIX, forcePathStyle: env.EMAIL_S3_FORCE_PATH_STYLE === "true" }
      : null,
    limits: { ...DEFAULT_LIMITS, messageBytes: env.EMAIL_MESSAGE_MAX_BYTES, attachmentBytes: env.EMAIL_ATTACHMENT_MAX_BYTES },
  };
}

let cached: EmailConfig | undefined;

/** The app's email configuration, from app/env.server.ts. */
export function appEmailConfig(): EmailConfig {
  cached ??= emailConfigFromEnv(env);
  return cached;
}

// Shared by the email tests: a configuration per test, inbound posts through the real handler, and
// customer mail composed the way mail clients write it.
import type { PrismaClient } from "@prisma/client";
import { randomUUID } from "node:crypto";
import path from "node:path";
import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import { DEFAULT_LIMITS, type EmailConfig } from "../../app/services/email/config.server";
import { handleInboundRequest } from "../../app/services/email/inbound-request.server";
import { appInboundDeps, type InboundDeps, type InboundOutcome } from "../../app/services/email/process-inbound.server";
import type { InboundProvider } from "../../app/services/email/providers.server";
import { LocalBlobStore } from "../../app/services/email/storage.server";
import { createShop } from "../factories";
import { testDataDir } from "../setup/databases";

export const INBOUND_DOMAIN = "inbound.shopdesk.test";
export const BASIC = { user: "inbound", password: "inbound-password-123" };
export const SENDGRID_KEY = "sendgrid-url-secret-0123456789";
export const MAILGUN_KEY = "mailgun-signing-key-abc";

export function testEmailConfig(overrides: Partial<EmailConfig> = {}): EmailConfig {
  return {
    smtpUrl: null,
    from: { name: "Shopdesk", address: "support@mail.shopdesk.test" },
    inboundDomain: INBOUND_DOMAIN,
    replyTokenSecret: "reply-token-secret-for-tests",
    inboundAuth: { basicUser: BASIC.user, basicPassword: BASIC.password, sendgridUrlSecret: SENDGRID_KEY, mailgunSigningKey: MAILGUN_KEY },
    // Under this run's test data: the global teardown removes it.
    storageDir: path.join(testDataDir, "email", randomUUID()),
    limits: { ...DEFAULT_LIMITS },
    ...overrides,
  };
}

export function testInboundDeps(db: PrismaClient, config: EmailConfig = testEmailConfig()): InboundDeps {
  return { ...appInboundDeps(db), config, store: new LocalBlobStore(config.storageDir) };
}

export async function emailShop(db: PrismaClient, settings: object | null = null) {
  const shop = await createShop(db);
  if (settings) await db.shop.update({ where: { id: shop.id }, data: { settings } });
  const alias = `${shop.domain.replace(/\.myshopify\.com$/, "")}@${INBOUND_DOMAIN}`;
  return { shop, alias };
}

export function basicAuth(user = BASIC.user, password = BASIC.password): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

export async function composeMail(options: Mail.Options): Promise<Buffer> {
  return new MailComposer({ date: new Date(), ...options }).compile().build();
}

export function inboundRequest(provider: InboundProvider, init: { body: BodyInit; headers?: Record<string, string>; query?: string }): Request {
  const suffix = provider === "raw" ? "" : `/${provider}`;
  return new Request(`http://localhost/email/inbound${suffix}${init.query ?? ""}`, { method: "POST", body: init.body, headers: init.headers });
}

export async function postRaw(deps: InboundDeps, mime: Buffer, authorization = basicAuth()): Promise<{ status: number; body: InboundOutcome["body"] & Record<string, unknown> }> {
  const response = await handleInboundRequest(
    inboundRequest("raw", { body: new Uint8Array(mime) as unknown as BodyInit, headers: { "content-type": "message/rfc822", authorization } }),
    "raw",
    deps,
  );
  return { status: response.status, body: await response.json() };
}

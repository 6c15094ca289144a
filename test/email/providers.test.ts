// Each inbound provider's format and authentication: a valid post becomes a ticket message; a wrong
// credential, key or signature answers 401/403 and keeps nothing.
import type { PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { signMailgun } from "../../app/services/email/inbound-auth.server";
import { handleInboundRequest } from "../../app/services/email/inbound-request.server";
import type { InboundDeps } from "../../app/services/email/process-inbound.server";
import { basicAuth, composeMail, emailShop, inboundRequest, MAILGUN_KEY, SENDGRID_KEY, testInboundDeps } from "./support";

async function countRows(db: PrismaClient) {
  return db.inboundEmail.count();
}

async function send(deps: InboundDeps, request: Request, provider: Parameters<typeof handleInboundRequest>[1]) {
  const response = await handleInboundRequest(request, provider, deps);
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

function postmarkPayload(alias: string, messageId: string) {
  return {
    FromName: "Maria Rossi",
    From: "maria@example.it",
    FromFull: { Email: "maria@example.it", Name: "Maria Rossi" },
    To: alias,
    ToFull: [{ Email: alias, Name: "" }],
    OriginalRecipient: alias,
    Subject: "Ordine danneggiato",
    MessageID: "7d5b1b5e-0000-4000-8000-000000000000",
    Date: "Mon, 23 Nov 2026 09:00:00 +0100",
    TextBody: "Il vaso è arrivato rotto.",
    HtmlBody: "<p>Il vaso è arrivato <b>rotto</b>.</p><img src=\"https://tracker.example/p.gif\">",
    StrippedTextReply: "",
    Headers: [
      { Name: "Message-ID", Value: messageId },
      { Name: "X-Spam-Status", Value: "No" },
    ],
    Attachments: [{ Name: "vaso.jpg", Content: Buffer.from("fake-jpeg").toString("base64"), ContentType: "image/jpeg", ContentLength: 9 }],
  };
}

describe("raw MIME endpoint (HTTP Basic)", () => {
  it("accepts the right credentials and refuses wrong or missing ones with 401, keeping nothing", async () => {
    const { alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma);
    const mime = await composeMail({ from: "a@example.com", to: alias, subject: "Hello", text: "Hi", messageId: "<raw1@example.com>" });
    const body = () => new Uint8Array(mime) as unknown as BodyInit;

    const before = await countRows(prisma);
    for (const authorization of [basicAuth("inbound", "wrong"), basicAuth("intruder", "inbound-password-123"), "Bearer abc", undefined]) {
      const headers: Record<string, string> = { "content-type": "message/rfc822", ...(authorization ? { authorization } : {}) };
      const refused = await send(deps, inboundRequest("raw", { body: body(), headers }), "raw");
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toMatch(/^Basic/);
      expect(String(refused.body.error)).toMatch(/credentials/);
    }
    expect(await countRows(prisma)).toBe(before);

    const accepted = await send(deps, inboundRequest("raw", { body: body(), headers: { "content-type": "message/rfc822", authorization: basicAuth() } }), "raw");
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: "processed", created: true });
    expect(await countRows(prisma)).toBe(before + 1);
  });

  it("answers 503 when inbound credentials are not configured (nothing kept)", async () => {
    const deps = testInboundDeps(prisma);
    deps.config = { ...deps.config, inboundAuth: { ...deps.config.inboundAuth, basicUser: null, basicPassword: null } };
    const before = await countRows(prisma);
    const response = await send(deps, inboundRequest("raw", { body: "From: a@b.c\r\n\r\nhi", headers: { "content-type": "message/rfc822", authorization: basicAuth() } }), "raw");
    expect(response.status).toBe(503);
    expect(String(response.body.error)).toMatch(/EMAIL_INBOUND_USER/);
    expect(await countRows(prisma)).toBe(before);
  });
});

describe("Postmark inbound JSON (HTTP Basic in the webhook URL)", () => {
  it("turns the parsed fields into a ticket message with its Message-ID, HTML sanitised, attachment kept", async () => {
    const { alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma);
    const payload = JSON.stringify(postmarkPayload(alias, "<pm1@example.it>"));

    const refused = await send(deps, inboundRequest("postmark", { body: payload, headers: { "content-type": "application/json", authorization: basicAuth("inbound", "nope") } }), "postmark");
    expect(refused.status).toBe(401);

    const accepted = await send(deps, inboundRequest("postmark", { body: payload, headers: { "content-type": "application/json", authorization: basicAuth() } }), "postmark");
    expect(accepted.status).toBe(200);
    const message = await prisma.message.findUniqueOrThrow({ where: { id: accepted.body.messageId as string }, include: { attachments: true } });
    expect(message).toMatchObject({ channelMessageId: "<pm1@example.it>", bodyText: "Il vaso è arrivato rotto.", authorName: "Maria Rossi" });
    expect(message.bodyHtml).toContain('data-src="https://tracker.example/p.gif"');
    expect(message.bodyHtml).not.toMatch(/\ssrc="https:/);
    expect(message.attachments).toMatchObject([{ filename: "vaso.jpg", contentType: "image/jpeg", sizeBytes: 9 }]);

    // The same delivery again (Postmark retries): de-duplicated by Message-ID
    const repeat = await send(deps, inboundRequest("postmark", { body: payload, headers: { "content-type": "application/json", authorization: basicAuth() } }), "postmark");
    expect(repeat.body).toMatchObject({ duplicate: true, messageId: message.id });
  });

  it("rejects a body that is not a Postmark payload with 422, keeping it", async () => {
    const deps = testInboundDeps(prisma);
    const response = await send(deps, inboundRequest("postmark", { body: "{not json", headers: { "content-type": "application/json", authorization: basicAuth() } }), "postmark");
    expect(response.status).toBe(422);
    expect(response.body.error).toMatch(/not JSON/);
    const row = await prisma.inboundEmail.findUniqueOrThrow({ where: { id: response.body.inboundEmailId as string } });
    expect(row.status).toBe("rejected");
    expect((await deps.store.get(row.rawKey)).toString()).toBe("{not json");
  });
});

describe("SendGrid Inbound Parse (URL key or HTTP Basic)", () => {
  function parsedForm(alias: string, messageId: string) {
    const form = new FormData();
    form.set("from", "Hans Müller <hans@example.de>");
    form.set("to", alias);
    form.set("subject", "Lieferung fehlt");
    form.set("text", "Mein Paket ist nicht angekommen.");
    form.set("headers", `Message-ID: ${messageId}\r\nSubject: Lieferung fehlt\r\nFrom: Hans Müller <hans@example.de>\r\nTo: ${alias}`);
    form.set("envelope", JSON.stringify({ to: [alias], from: "hans@example.de" }));
    form.set("attachments", "1");
    form.set("attachment-info", JSON.stringify({ attachment1: { filename: "beleg.pdf", type: "application/pdf" } }));
    form.set("attachment1", new Blob([Buffer.from("%PDF-1.4 test")], { type: "application/pdf" }), "beleg.pdf");
    return form;
  }

  it("accepts the URL key or Basic credentials; a wrong key is 403, none at all 401", async () => {
    const { alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma);
    const before = await countRows(prisma);
    const wrongKey = await send(deps, inboundRequest("sendgrid", { body: parsedForm(alias, "<sg0@example.de>"), query: "?key=wrong-key-wrong-key-wrong" }), "sendgrid");
    expect(wrongKey.status).toBe(403);
    const none = await send(deps, inboundRequest("sendgrid", { body: parsedForm(alias, "<sg0@example.de>") }), "sendgrid");
    expect(none.status).toBe(401);
    const wrongBasic = await send(deps, inboundRequest("sendgrid", { body: parsedForm(alias, "<sg0@example.de>"), headers: { authorization: basicAuth("x", "y") } }), "sendgrid");
    expect(wrongBasic.status).toBe(401);
    expect(await countRows(prisma)).toBe(before);

    const byKey = await send(deps, inboundRequest("sendgrid", { body: parsedForm(alias, "<sg1@example.de>"), query: `?key=${SENDGRID_KEY}` }), "sendgrid");
    expect(byKey.status).toBe(200);
    const message = await prisma.message.findUniqueOrThrow({ where: { id: byKey.body.messageId as string }, include: { attachments: true } });
    expect(message).toMatchObject({ channelMessageId: "<sg1@example.de>", bodyText: "Mein Paket ist nicht angekommen.", authorName: "Hans Müller" });
    expect(message.attachments).toMatchObject([{ filename: "beleg.pdf", contentType: "application/pdf" }]);

    const byBasic = await send(deps, inboundRequest("sendgrid", { body: parsedForm(alias, "<sg2@example.de>"), headers: { authorization: basicAuth() } }), "sendgrid");
    expect(byBasic.status).toBe(200);
    expect(byBasic.body.ticketId).toBe(byKey.body.ticketId); // same sender, same subject
  });

  it("recognises a retried delivery of a message without Message-ID (new multipart boundary and all)", async () => {
    const { alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma);
    const form = () => {
      const body = new FormData();
      body.set("from", "noid@example.com");
      body.set("to", alias);
      body.set("subject", "No id");
      body.set("text", "My client sets no Message-ID.");
      body.set("headers", `From: noid@example.com\r\nTo: ${alias}\r\nSubject: No id`);
      return body;
    };
    const first = await send(deps, inboundRequest("sendgrid", { body: form(), query: `?key=${SENDGRID_KEY}` }), "sendgrid");
    const again = await send(deps, inboundRequest("sendgrid", { body: form(), query: `?key=${SENDGRID_KEY}` }), "sendgrid");
    expect(first.body).toMatchObject({ status: "processed", duplicate: false });
    expect(again.body).toMatchObject({ duplicate: true, messageId: first.body.messageId });
    const message = await prisma.message.findUniqueOrThrow({ where: { id: first.body.messageId as string } });
    expect(message.channelMessageId).toMatch(/^<[a-f0-9]{40}@no-message-id\.shopdesk>$/);
  });

  it("takes the raw message when “Send Raw” is on", async () => {
    const { alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma);
    const form = new FormData();
    form.set("email", (await composeMail({ from: "raw@example.com", to: alias, subject: "Raw mode", text: "Sent raw", messageId: "<sgraw@example.com>" })).toString("utf8"));
    form.set("envelope", JSON.stringify({ to: [alias], from: "raw@example.com" }));
    const response = await send(deps, inboundRequest("sendgrid", { body: form, query: `?key=${SENDGRID_KEY}` }), "sendgrid");
    expect(response.status).toBe(200);
    expect(await prisma.message.findUniqueOrThrow({ where: { id: response.body.messageId as string } })).toMatchObject({ channelMessageId: "<sgraw@example.com>", bodyText: "Sent raw" });
  });
});

describe("Mailgun routes (HMAC signature of timestamp + token)", () => {
  async function mailgunForm(alias: string, messageId: string, signing: { timestamp?: string; token?: string; signature?: string } = {}) {
    const timestamp = signing.timestamp ?? String(Math.floor(Date.now() / 1000));
    const token = signing.token ?? "f3a9c1e2d4b5a6978877665544332211aabbccddeeff001122";
    const form = new FormData();
    form.set("timestamp", timestamp);
    form.set("token", token);
    form.set("signature", signing.signature ?? signMailgun(MAILGUN_KEY, timestamp, token));
    form.set("recipient", alias);
    form.set("sender", "chen@example.cn");
    form.set("body-mime", (await composeMail({ from: "陈静 <chen@example.cn>", to: alias, subject: "退款进度", text: "请问退款到哪一步了？", messageId })).toString("utf8"));
    return form;
  }

  it("accepts a valid signature and refuses a wrong, stale or missing one with 403/401", async () => {
    const { alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma);
    const before = await countRows(prisma);
    const wrong = await send(deps, inboundRequest("mailgun", { body: await mailgunForm(alias, "<mg0@example.cn>", { signature: "0".repeat(64) }) }), "mailgun");
    expect(wrong).toMatchObject({ status: 403, body: { error: "wrong Mailgun signature" } });
    const staleTimestamp = String(Math.floor(Date.now() / 1000) - 3600);
    const stale = await send(deps, inboundRequest("mailgun", { body: await mailgunForm(alias, "<mg0@example.cn>", { timestamp: staleTimestamp }) }), "mailgun");
    expect(stale.status).toBe(403);
    expect(stale.body.error).toMatch(/too old/);
    const unsigned = new FormData();
    unsigned.set("body-mime", "From: a@b.c\r\n\r\nhi");
    expect((await send(deps, inboundRequest("mailgun", { body: unsigned }), "mailgun")).status).toBe(401);
    expect(await countRows(prisma)).toBe(before);

    const valid = await send(deps, inboundRequest("mailgun", { body: await mailgunForm(alias, "<mg1@example.cn>") }), "mailgun");
    expect(valid.status).toBe(200);
    expect(await prisma.message.findUniqueOrThrow({ where: { id: valid.body.messageId as string } })).toMatchObject({
      channelMessageId: "<mg1@example.cn>",
      bodyText: "请问退款到哪一步了？",
      authorName: "陈静",
    });
  });

  it("builds the message from the parsed fields when the route does not post MIME", async () => {
    const { alias } = await emailShop(prisma);
    const deps = testInboundDeps(prisma);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const token = "a".repeat(50);
    const form = new URLSearchParams({
      timestamp, token, signature: signMailgun(MAILGUN_KEY, timestamp, token),
      recipient: alias, sender: "ola@example.no", from: "Ola Nordmann <ola@example.no>", subject: "Bytte størrelse",
      "body-plain": "Kan jeg bytte til M?", "message-headers": JSON.stringify([["Message-Id", "<mgf@example.no>"], ["Subject", "Bytte størrelse"]]),
    });
    const response = await send(deps, inboundRequest("mailgun", { body: form, headers: { "content-type": "application/x-www-form-urlencoded" } }), "mailgun");
    expect(response.status).toBe(200);
    expect(await prisma.message.findUniqueOrThrow({ where: { id: response.body.messageId as string } })).toMatchObject({ channelMessageId: "<mgf@example.no>", bodyText: "Kan jeg bytte til M?" });
  });
});

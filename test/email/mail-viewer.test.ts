// The demo's mail stand-in (dev/mail): the viewer lists what the app sent through the sink, and its
// "answer as the customer" posts a realistic reply that lands on the same ticket.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { createEmailSendJob } from "../../app/jobs/definitions/email-send.server";
import { silentLogger } from "../../app/jobs/types";
import { handleInboundRequest } from "../../app/services/email/inbound-request.server";
import { createSmtpTransport } from "../../app/services/email/send-email.server";
import { startMailSink, type MailSink } from "../../dev/mail/sink";
import { startMailViewer } from "../../dev/mail/viewer";
import { BASIC, emailShop, testEmailConfig, testInboundDeps } from "./support";

let sink: MailSink;
let app: Server;
let viewer: { origin: string; close(): Promise<void> };
let alias: string;
let shopId: string;
const config = testEmailConfig();

beforeAll(async () => {
  sink = await startMailSink();
  const shop = await emailShop(prisma);
  alias = shop.alias;
  shopId = shop.shop.id;
  // The app's inbound endpoint, as the demo's Remix server would answer it.
  const deps = testInboundDeps(prisma, config);
  app = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const request = new Request(`http://localhost${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: new Uint8Array(Buffer.concat(chunks)) });
      const response = await handleInboundRequest(request, "raw", deps);
      res.writeHead(response.status, { "content-type": "application/json" });
      res.end(await response.text());
    })();
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", () => resolve()));
  const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  viewer = await startMailViewer({ sink, port: 0, inbound: { appUrl, user: BASIC.user, password: BASIC.password }, shopAddress: alias });
});

afterAll(async () => {
  await viewer?.close();
  await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
  await sink?.close();
});

describe("demo mail viewer", () => {
  it("sends a new customer email, shows the agent's answer, and posts the customer's reply to the same ticket", async () => {
    // GIVEN the viewer's "send a new customer email"
    const sent = await fetch(`${viewer.origin}/send-new`, { method: "POST", headers: { origin: viewer.origin } });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain("Shopdesk answered 200");
    const ticket = await prisma.ticket.findFirstOrThrow({ where: { shopId }, include: { messages: { include: { attachments: true } } } });
    expect(ticket.subject).toBe("Cracked mug in order #1001 😢");
    expect(ticket.messages[0].attachments.map((a) => a.filename)).toEqual(["mug.png"]);
    expect(ticket.messages[0].bodyText).not.toContain("Sent from my iPhone");

    // WHEN the agent's reply is sent into the sink
    const reply = await prisma.message.create({ data: { shopId, ticketId: ticket.id, direction: "outbound", authorType: "agent", bodyText: "A new mug ships today.", channel: "email", deliveryStatus: "queued" } });
    const job = createEmailSendJob(() => ({ config, transport: createSmtpTransport(sink.smtpUrl) }));
    await job.run({ shopId, messageId: reply.id }, { db: prisma, now: new Date(), jobId: "j", attempt: 1, log: silentLogger });
    const captured = await sink.waitForMessage();

    // THEN the viewer lists it and shows its threading headers
    expect(await (await fetch(viewer.origin)).text()).toContain(`Re: Cracked mug in order #1001 😢 [#${ticket.number}]`);
    const detail = await (await fetch(`${viewer.origin}/messages/${captured.id}`)).text();
    expect(detail).toContain(`reply+${ticket.id}.`);
    expect(detail).toContain("A new mug ships today.");

    // WHEN the customer answers from the viewer; THEN it lands on the ticket by the reply address
    const answered = await fetch(`${viewer.origin}/messages/${captured.id}/reply`, { method: "POST", headers: { origin: viewer.origin, "content-type": "application/x-www-form-urlencoded" }, body: "text=Thanks%2C+got+it!" });
    expect(await answered.text()).toContain("reply_token");
    const last = await prisma.message.findFirstOrThrow({ where: { ticketId: ticket.id, direction: "inbound" }, orderBy: { createdAt: "desc" } });
    expect(last.bodyText).toBe("Thanks, got it!");
  });

  it("refuses a post from another site", async () => {
    const response = await fetch(`${viewer.origin}/send-new`, { method: "POST", headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(403);
  });
});

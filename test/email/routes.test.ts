// The route modules wired to the app's configuration (env): each provider's route authenticates
// before anything else and hands over to the shared handler.
import { vi, describe, expect, it } from "vitest";

vi.hoisted(() => {
  process.env.EMAIL_INBOUND_USER = "route-user";
  process.env.EMAIL_INBOUND_PASSWORD = "route-password";
  process.env.EMAIL_INBOUND_DOMAIN = "inbound.routes.test";
  process.env.EMAIL_SENDGRID_URL_SECRET = "route-sendgrid-secret-123";
  process.env.MAILGUN_SIGNING_KEY = "route-mailgun-key";
  process.env.EMAIL_STORAGE_DIR = `.tmp/test-db/${process.env.SHOPDESK_TEST_RUN_ID}/email-routes-${process.pid}`; // removed by the global teardown
});

import type { ActionFunctionArgs } from "@remix-run/node";
import prisma from "../../app/db.server";
import { action as rawAction, loader as rawLoader } from "../../app/routes/email.inbound";
import { action as mailgunAction } from "../../app/routes/email.inbound.mailgun";
import { action as postmarkAction } from "../../app/routes/email.inbound.postmark";
import { action as sendgridAction } from "../../app/routes/email.inbound.sendgrid";
import { signMailgun } from "../../app/services/email/inbound-auth.server";
import { createShop } from "../factories";
import { composeMail } from "./support";

const args = (request: Request) => ({ request, params: {}, context: {} }) as ActionFunctionArgs;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

describe("email.inbound routes", () => {
  it("takes a raw message with the configured credentials into a ticket of the addressed shop", async () => {
    const shop = await createShop(prisma);
    const alias = `${shop.domain.replace(".myshopify.com", "")}@inbound.routes.test`;
    const mime = await composeMail({ from: "route@example.com", to: alias, subject: "Via the route", text: "Hello" });
    const response = await rawAction(args(new Request("http://localhost/email/inbound", { method: "POST", body: new Uint8Array(mime), headers: { "content-type": "message/rfc822", authorization: basic("route-user", "route-password") } })));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "processed", created: true });
    expect(await prisma.ticket.findFirstOrThrow({ where: { shopId: shop.id } })).toMatchObject({ id: body.ticketId, subject: "Via the route", channel: "email" });
    expect(rawLoader().status).toBe(405);
  });

  it("refuses wrong credentials on every provider route", async () => {
    const json = { From: "a@b.c", To: "x@inbound.routes.test", TextBody: "x" };
    const postmark = await postmarkAction(args(new Request("http://localhost/email/inbound/postmark", { method: "POST", body: JSON.stringify(json), headers: { authorization: basic("route-user", "nope"), "content-type": "application/json" } })));
    expect(postmark.status).toBe(401);
    const sendgrid = await sendgridAction(args(new Request("http://localhost/email/inbound/sendgrid?key=not-the-secret-at-all", { method: "POST", body: new FormData() })));
    expect(sendgrid.status).toBe(403);
    const form = new FormData();
    const timestamp = String(Math.floor(Date.now() / 1000));
    form.set("timestamp", timestamp);
    form.set("token", "t".repeat(50));
    form.set("signature", signMailgun("another-key", timestamp, "t".repeat(50)));
    const mailgun = await mailgunAction(args(new Request("http://localhost/email/inbound/mailgun", { method: "POST", body: form })));
    expect(mailgun.status).toBe(403);
  });
});

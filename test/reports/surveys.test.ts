// CSAT/NPS surveys end to end on the real database: the invitation a delay after resolution (sent once,
// re-checked, quiet hours), the one-click rating through the signed app proxy, comments and reasons,
// hostile input and other shops' tokens.
import { API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { EmbeddedJobQueue } from "../../app/jobs/embedded/queue.server";
import { loader, action } from "../../app/routes/proxy.survey";
import type { ChannelAdapter, OutboundMessage } from "../../app/services/channels/channel-adapter";
import { runSurveyInvitation, SURVEY_INVITATION_JOB } from "../../app/services/surveys/survey-invitation.server";
import { updateTickets } from "../../app/services/ticket-updates.server";
import { signedAppProxySearch } from "../../dev/app-proxy-signer";
import { respond } from "../helpers/respond";
import { createShop, createTicket } from "../factories";

const RESOLVED_AT = new Date("2026-11-20T10:00:00Z"); // 11:00 in Berlin
const DAY_LATER = new Date("2026-11-21T10:00:00Z");

function recordingAdapter() {
  const sent: OutboundMessage[] = [];
  const adapter: ChannelAdapter = { channel: "email", send: async (message) => (sent.push(message), { channelMessageId: `test-${sent.length}`, status: "sent" }) };
  return { sent, adapterFor: () => adapter };
}

async function resolvedTicket(settings?: object, shopName?: string) {
  const shop = await createShop(prisma, shopName ? { name: shopName } : {});
  if (settings) await prisma.shop.update({ where: { id: shop.id }, data: { settings } });
  const ticket = await createTicket(prisma, shop.id);
  await prisma.ticket.update({ where: { id: ticket.id }, data: { status: "resolved", resolvedAt: RESOLVED_AT } });
  const payload = { shopId: shop.id, ticketId: ticket.id, kind: "csat" as const, resolvedAt: RESOLVED_AT.toISOString() };
  return { shop, ticket, payload };
}

function proxyGet(shop: string, params: Record<string, string>, secret = API_SECRET_KEY) {
  // Shopify signs the visitor's own parameters (token, score) together with its own.
  const search = signedAppProxySearch({ shop, secret, pathPrefix: "/apps/shopdesk", extra: params });
  return new Request(`${APP_URL}/proxy/survey?${search}`, { headers: { "Accept-Language": "en" } });
}

function proxyPost(shop: string, body: Record<string, string>) {
  const search = signedAppProxySearch({ shop, secret: API_SECRET_KEY, pathPrefix: "/apps/shopdesk" });
  return new Request(`${APP_URL}/proxy/survey?${search}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body) });
}


describe("survey invitation", () => {
  it("is scheduled when a ticket is resolved, 24 h later by default", async () => {
    const shop = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id);
    const queue = new EmbeddedJobQueue(prisma);
    const now = new Date("2026-11-20T10:00:00Z");
    await updateTickets(prisma, { shopId: shop.id, ticketIds: [ticket.id], actorAgentId: null, changes: { status: "resolved" }, now, jobs: queue });
    const jobs = await prisma.job.findMany({ where: { shopId: shop.id, name: SURVEY_INVITATION_JOB } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.runAt.toISOString()).toBe("2026-11-21T10:00:00.000Z");
    expect(jobs[0]!.payload).toMatchObject({ ticketId: ticket.id, kind: "csat", resolvedAt: now.toISOString() });
  });

  it("sends one message with a link per score, once, and creates the survey", async () => {
    const { ticket, payload } = await resolvedTicket();
    const { sent, adapterFor } = recordingAdapter();
    const outcome = await runSurveyInvitation(payload, { db: prisma, now: DAY_LATER }, { adapterFor });
    expect(outcome.kind).toBe("sent");
    expect(sent).toHaveLength(1);
    const token = outcome.kind === "sent" ? outcome.token : "";
    expect(sent[0]!.bodyText).toContain(`5: https://${(await prisma.shop.findFirstOrThrow({ where: { id: payload.shopId } })).domain}/apps/shopdesk/survey?token=${token}&score=5`);
    expect(await prisma.surveyResponse.count({ where: { ticketId: ticket.id, kind: "csat" } })).toBe(1);
    const message = await prisma.message.findFirstOrThrow({ where: { ticketId: ticket.id, isAutomated: true } });
    expect(message).toMatchObject({ authorType: "automation", deliveryStatus: "sent" });

    // A retried job sends nothing more
    expect(await runSurveyInvitation(payload, { db: prisma, now: DAY_LATER }, { adapterFor })).toEqual({ kind: "already_done" });
    expect(sent).toHaveLength(1);
  });

  it("is not sent for a reopened ticket, when disabled, or to a human-only ticket", async () => {
    const { sent, adapterFor } = recordingAdapter();
    const reopened = await resolvedTicket();
    await prisma.ticket.update({ where: { id: reopened.ticket.id }, data: { status: "open", resolvedAt: null } });
    expect(await runSurveyInvitation(reopened.payload, { db: prisma, now: DAY_LATER }, { adapterFor })).toEqual({ kind: "skipped", reason: "not_resolved" });

    const disabled = await resolvedTicket({ surveys: { csatEnabled: false } });
    expect(await runSurveyInvitation(disabled.payload, { db: prisma, now: DAY_LATER }, { adapterFor })).toEqual({ kind: "skipped", reason: "disabled" });

    const angry = await resolvedTicket();
    await prisma.ticket.update({ where: { id: angry.ticket.id }, data: { automationDisabled: true } });
    expect(await runSurveyInvitation(angry.payload, { db: prisma, now: DAY_LATER }, { adapterFor })).toEqual({ kind: "skipped", reason: "human_only" });
    expect(sent).toHaveLength(0);
  });

  it("waits for the end of the customer's quiet hours", async () => {
    const { ticket, payload } = await resolvedTicket();
    await prisma.customer.update({ where: { id: ticket.customerId! }, data: { timezone: "Asia/Shanghai" } });
    const { sent, adapterFor } = recordingAdapter();
    const deferred: Date[] = [];
    // 15:00 UTC = 23:00 in Shanghai: quiet until 08:00 local = 00:00 UTC
    const outcome = await runSurveyInvitation(payload, { db: prisma, now: new Date("2026-11-21T15:00:00Z") }, { adapterFor, defer: async (_payload, until) => void deferred.push(until) });
    expect(outcome).toEqual({ kind: "deferred", until: new Date("2026-11-22T00:00:00Z") });
    expect(deferred).toHaveLength(1);
    expect(sent).toHaveLength(0);
  });
});

describe("survey page (app proxy)", () => {
  async function sentSurvey(shopName?: string) {
    const setup = await resolvedTicket(undefined, shopName);
    const outcome = await runSurveyInvitation(setup.payload, { db: prisma, now: new Date() }, { adapterFor: recordingAdapter().adapterFor });
    if (outcome.kind !== "sent") throw new Error(`expected a sent survey, got ${outcome.kind}`);
    return { ...setup, token: outcome.token };
  }

  it("records a one-click score on the ticket and asks for a comment", async () => {
    const { shop, ticket, token } = await sentSurvey();
    const response = await respond(() => loader({ request: proxyGet(shop.domain, { token, score: "5" }), params: {}, context: {} }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/liquid");
    const page = await response.text();
    expect(page).toContain("Thank you for your rating!");
    expect(page).not.toContain('name="reason"');
    expect(await prisma.ticket.findUnique({ where: { id: ticket.id }, select: { csatScore: true } })).toEqual({ csatScore: 5 });
    expect(await prisma.ticketEvent.count({ where: { ticketId: ticket.id, type: "csat_rated" } })).toBe(1);
  });

  it("asks why after a low score and saves the comment and reason", async () => {
    const { shop, ticket, token } = await sentSurvey();
    const low = await (await respond(() => loader({ request: proxyGet(shop.domain, { token, score: "2" }), params: {}, context: {} }))).text();
    expect(low).toContain('name="reason" value="slow_reply"');
    const saved = await respond(() => action({ request: proxyPost(shop.domain, { token, reason: "slow_reply", comment: "Took three days <b>really</b>" }), params: {}, context: {} }));
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("your feedback was saved");
    expect(await prisma.surveyResponse.findFirst({ where: { ticketId: ticket.id }, select: { score: true, reason: true, comment: true } })).toEqual({ score: 2, reason: "slow_reply", comment: "Took three days <b>really</b>" });
  });

  it("refuses bad input with a 4xx and a message, and another shop's token as not found", async () => {
    const { shop, token } = await sentSurvey();
    const badScore = await respond(() => loader({ request: proxyGet(shop.domain, { token, score: "9" }), params: {}, context: {} }));
    expect(badScore.status).toBe(400);
    expect(await badScore.text()).toContain("Please choose one of the scores.");
    const unknown = await respond(() => loader({ request: proxyGet(shop.domain, { token: "x".repeat(32), score: "5" }), params: {}, context: {} }));
    expect(unknown.status).toBe(404);
    const stranger = await createShop(prisma);
    const foreign = await respond(() => loader({ request: proxyGet(stranger.domain, { token, score: "1" }), params: {}, context: {} }));
    expect(foreign.status).toBe(404);
    const tooLong = await respond(() => action({ request: proxyPost(shop.domain, { token, comment: "a".repeat(1001) }), params: {}, context: {} }));
    expect(tooLong.status).toBe(400);
    const badReason = await respond(() => action({ request: proxyPost(shop.domain, { token, reason: "<script>" }), params: {}, context: {} }));
    expect(badReason.status).toBe(400);
    expect((await prisma.surveyResponse.findFirstOrThrow({ where: { token } })).score).toBeNull();
  });

  it("refuses an unsigned or wrongly signed request", async () => {
    const { shop, token } = await sentSurvey();
    const forged = await respond(() => loader({ request: proxyGet(shop.domain, { token, score: "1" }, "not-the-secret"), params: {}, context: {} }));
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.status).toBeLessThan(500);
    expect((await prisma.surveyResponse.findFirstOrThrow({ where: { token } })).score).toBeNull();
  });

  it("expires after 30 days", async () => {
    const { shop, token } = await sentSurvey();
    await prisma.surveyResponse.update({ where: { token }, data: { sentAt: new Date(Date.now() - 31 * 86_400_000) } });
    const expired = await respond(() => loader({ request: proxyGet(shop.domain, { token, score: "5" }), params: {}, context: {} }));
    expect(expired.status).toBe(410);
  });

  it("escapes the shop's name and neutralises Liquid in it", async () => {
    const { shop, token } = await sentSurvey(`<script>alert(1)</script>{{ shop.secret }}`);
    const page = await (await respond(() => loader({ request: proxyGet(shop.domain, { token }), params: {}, context: {} }))).text();
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&#123;&#123; shop.secret &#125;&#125;");
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("{{");
  });
});

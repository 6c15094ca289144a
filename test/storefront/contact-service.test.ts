// The contact-form workflow against the real database and the Admin emulator over HTTP: validation in
// the visitor's language, bots, rate limits, duplicates, order ownership, and nothing lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { startAdminEmulator, type RunningAdminEmulator } from "../../dev/emulator";
import { buildFixtureShop } from "../../dev/fixtures";
import { createAdminClient } from "../../app/shopify/admin-client.server";
import { submitContactForm, type ContactRequest } from "../../app/services/storefront/contact-submission.server";
import { RATE_LIMITS } from "../../app/domain/storefront/contact-form";
import { createShop, uniqueShopDomain } from "../factories";

const TOKEN = "shpat_storefront_test";
const FIXTURE = buildFixtureShop();
let emulator: RunningAdminEmulator;

beforeAll(async () => {
  emulator = await startAdminEmulator({ port: 0, shop: FIXTURE, accessToken: TOKEN });
});
afterAll(async () => emulator?.close());

const NOW = new Date("2026-11-23T10:00:00Z");

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams({
    name: "Ada Lovelace",
    email: "ada@example.com",
    topic: "shipping",
    message: "Where is my parcel? It has not moved for a week.",
    locale: "en",
    started_at: String(NOW.getTime() / 1000 - 30),
    website: "",
    ...fields,
  });
}

async function submit(shopDomain: string, fields: Record<string, string> = {}, overrides: Partial<ContactRequest> = {}) {
  return submitContactForm(prisma, {
    shopDomain,
    clientIp: "203.0.113.7",
    loggedInCustomerId: null,
    admin: null,
    form: form(fields),
    now: NOW,
    ...overrides,
  });
}

describe("submitContactForm", () => {
  it("stores the submission, creates a ticket through intake and promises a reply time", async () => {
    const shop = await createShop(prisma);
    const outcome = await submit(shop.domain);
    expect(outcome).toMatchObject({ kind: "accepted", status: 200, duplicate: false });
    if (outcome.kind !== "accepted") throw new Error("unreachable");
    expect(outcome.ticketNumber).toBeGreaterThan(0);
    expect(outcome.message).toContain(`#${outcome.ticketNumber}`);
    const ticket = await prisma.ticket.findFirstOrThrow({ where: { shopId: shop.id }, include: { messages: true, customer: true } });
    expect(ticket).toMatchObject({ channel: "contact_form", number: outcome.ticketNumber, subject: "Shipping and delivery", language: "en" });
    expect(ticket.messages[0]).toMatchObject({ direction: "inbound", bodyText: "Where is my parcel? It has not moved for a week." });
    expect(ticket.customer).toMatchObject({ email: "ada@example.com" });
    const stored = await prisma.contactSubmission.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(stored).toMatchObject({ status: "ticketed", ticketId: ticket.id, email: "ada@example.com" });
    expect(stored.clientKey).not.toContain("203.0.113.7"); // hashed
  });

  it("answers field errors in the visitor's language and keeps what they typed", async () => {
    const shop = await createShop(prisma);
    const cases: [string, string][] = [["en", "Please enter a valid email"], ["zh-CN", "请输入有效的电子邮箱"], ["es", "correo electrónico válido"], ["fr", "adresse e-mail valide"], ["de", "gültige E-Mail-Adresse"], ["ja", "有効なメールアドレス"]];
    for (const [locale, expected] of cases) {
      const outcome = await submit(shop.domain, { locale, email: "not-an-email", message: "x".repeat(5001), order: "<b>", topic: "nope" });
      expect(outcome.kind).toBe("invalid");
      if (outcome.kind !== "invalid") throw new Error("unreachable");
      expect(outcome.status).toBe(422);
      expect(outcome.errors.email).toContain(expected);
      expect(Object.keys(outcome.errors).sort()).toEqual(["email", "message", "order", "topic"]);
      expect(outcome.values.message).toHaveLength(5001);
    }
    expect(await prisma.contactSubmission.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("accepts a message of exactly 5,000 characters", async () => {
    const shop = await createShop(prisma);
    expect((await submit(shop.domain, { message: "y".repeat(5000) })).kind).toBe("accepted");
  });

  it("takes the language from Accept-Language when the form does not say", async () => {
    const shop = await createShop(prisma);
    const outcome = await submit(shop.domain, { locale: "", name: "" }, { acceptLanguage: "de-AT,de;q=0.9,en;q=0.5" });
    expect(outcome).toMatchObject({ kind: "invalid", language: "de" });
  });

  it("pretends success to a bot that fills the honeypot, and stores nothing", async () => {
    const shop = await createShop(prisma);
    const outcome = await submit(shop.domain, { website: "http://spam.example" });
    expect(outcome).toMatchObject({ kind: "accepted", ticketNumber: null });
    expect(await prisma.contactSubmission.count({ where: { shopId: shop.id } })).toBe(0);
    expect(await prisma.ticket.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("refuses a form sent faster than a person can fill it (or without a start time)", async () => {
    const shop = await createShop(prisma);
    expect(await submit(shop.domain, { started_at: String(NOW.getTime() / 1000 - 1) })).toMatchObject({ kind: "invalid", status: 422 });
    expect(await submit(shop.domain, { started_at: "" })).toMatchObject({ kind: "invalid", status: 422 });
    expect(await prisma.ticket.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("makes one ticket of the same content sent twice within 60 s", async () => {
    const shop = await createShop(prisma);
    const first = await submit(shop.domain);
    const second = await submit(shop.domain, {}, { now: new Date(NOW.getTime() + 20_000) });
    expect(second).toMatchObject({ kind: "accepted", duplicate: true });
    if (first.kind !== "accepted" || second.kind !== "accepted") throw new Error("unreachable");
    expect(second.ticketNumber).toBe(first.ticketNumber);
    expect(await prisma.ticket.count({ where: { shopId: shop.id } })).toBe(1);
    // Two identical submissions at the same moment still make one ticket (intake's channel message id).
    const racer = await createShop(prisma);
    const results = await Promise.all([submit(racer.domain, { message: "Same words" }), submit(racer.domain, { message: "Same words" })]);
    expect(results.map((result) => result.kind)).toEqual(["accepted", "accepted"]);
    expect(await prisma.ticket.count({ where: { shopId: racer.id } })).toBe(1);
  });

  it("limits one client address to 5 a minute and 30 a day, and one email too", async () => {
    const shop = await createShop(prisma);
    for (let index = 0; index < RATE_LIMITS.perClientMinute; index++) {
      const outcome = await submit(shop.domain, { email: `v${index}@example.com`, message: `Question ${index}` });
      expect(outcome.kind).toBe("accepted");
    }
    const limited = await submit(shop.domain, { email: "v9@example.com", message: "One more", locale: "fr" });
    expect(limited).toMatchObject({ kind: "rate_limited", status: 429, retryAfterSeconds: 60 });
    if (limited.kind !== "rate_limited") throw new Error("unreachable");
    expect(limited.formError).toContain("Réessayez");
    expect(limited.values.message).toBe("One more");
    // Another address is not affected; a minute later the first one may send again.
    expect((await submit(shop.domain, { email: "w@example.com", message: "Other visitor" }, { clientIp: "198.51.100.1" })).kind).toBe("accepted");
    expect((await submit(shop.domain, { email: "v9@example.com", message: "Later" }, { now: new Date(NOW.getTime() + 61_000) })).kind).toBe("accepted");

    // The daily cap: 30 stored today from one address.
    const daily = await createShop(prisma);
    const { clientKeyOf } = await import("../../app/services/storefront/contact-submission.server");
    await prisma.contactSubmission.createMany({
      data: Array.from({ length: RATE_LIMITS.perClientDay }, (_, index) => ({
        shopId: daily.id, clientKey: clientKeyOf(daily.id, "203.0.113.7"), email: `d${index}@example.com`, contentHash: `h${index}`, status: "ticketed", createdAt: new Date(NOW.getTime() - (index + 2) * 120_000),
      })),
    });
    expect(await submit(daily.domain)).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 3600 });

    // Per email, from changing addresses.
    const byEmail = await createShop(prisma);
    for (let index = 0; index < RATE_LIMITS.perEmailMinute; index++) {
      expect((await submit(byEmail.domain, { message: `Note ${index}` }, { clientIp: `192.0.2.${index}` })).kind).toBe("accepted");
    }
    expect(await submit(byEmail.domain, { message: "Note x" }, { clientIp: "192.0.2.200" })).toMatchObject({ kind: "rate_limited" });
  });

  it("links an order only when it belongs to the logged-in customer or matches the email", async () => {
    const shop = await createShop(prisma, { domain: uniqueShopDomain("orders") });
    const admin = createAdminClient({ shop: shop.domain, accessToken: TOKEN, origin: emulator.origin });
    const order = FIXTURE.orders.find((candidate) => candidate.email)!;
    const stranger = FIXTURE.orders.find((candidate) => candidate.customerId !== order.customerId && candidate.email !== order.email)!;
    const numericCustomerId = order.customerId.split("/").pop()!;

    const byEmail = await submit(shop.domain, { email: order.email, order: order.name, message: "By email" }, { admin });
    const byLogin = await submit(shop.domain, { email: "other@example.com", order: order.name.replace("#", ""), message: "By login" }, { admin, loggedInCustomerId: numericCustomerId, clientIp: "192.0.2.1" });
    const notOwned = await submit(shop.domain, { email: "thief@example.com", order: stranger.name, message: "Not mine" }, { admin, clientIp: "192.0.2.2" });
    const linked = async (outcome: Awaited<ReturnType<typeof submit>>) => {
      if (outcome.kind !== "accepted") throw new Error(`expected accepted, got ${outcome.kind}`);
      const ticket = await prisma.ticket.findFirstOrThrow({ where: { shopId: shop.id, number: outcome.ticketNumber! }, include: { orders: true, customer: true } });
      return ticket;
    };
    expect((await linked(byEmail)).orders).toEqual([expect.objectContaining({ shopifyOrderId: order.id, orderName: order.name, linkedBy: "customer" })]);
    const loginTicket = await linked(byLogin);
    expect(loginTicket.orders.map((row) => row.orderName)).toEqual([order.name]);
    expect(loginTicket.customer?.shopifyCustomerId).toBe(order.customerId);
    expect((await linked(notOwned)).orders).toEqual([]);
  });

  it("keeps the submission and answers a retryable error when the ticket cannot be created", async () => {
    const shop = await createShop(prisma);
    const failing = await submit(shop.domain, { locale: "ja" }, { intake: async () => { throw new Error("database is locked"); } });
    expect(failing).toMatchObject({ kind: "retry", status: 503, language: "ja" });
    if (failing.kind !== "retry") throw new Error("unreachable");
    expect(failing.formError).toContain("もう一度送信");
    expect(failing.values.message).toBe("Where is my parcel? It has not moved for a week.");
    const stored = await prisma.contactSubmission.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(stored).toMatchObject({ status: "failed", error: "database is locked" });
    expect(stored.payload).toMatchObject({ message: "Where is my parcel? It has not moved for a week.", email: "ada@example.com" });
    // The visitor sends again: the same stored submission becomes the ticket (no second row).
    const retried = await submit(shop.domain, { locale: "ja" }, { now: new Date(NOW.getTime() + 5_000) });
    expect(retried.kind).toBe("accepted");
    expect(await prisma.contactSubmission.count({ where: { shopId: shop.id } })).toBe(1);
    expect(await prisma.contactSubmission.findFirstOrThrow({ where: { shopId: shop.id } })).toMatchObject({ status: "ticketed" });
  });

  it("answers within the deadline while intake is slow, and the ticket follows", async () => {
    const shop = await createShop(prisma);
    await prisma.businessSchedule.create({ data: { shopId: shop.id, name: "Support", timezone: "Europe/Berlin", intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) } });
    await prisma.shop.update({ where: { id: shop.id }, data: { settings: { storefront: { replyPromiseMinutes: 60 } } } });
    const { receiveInboundMessage } = await import("../../app/services/intake.server");
    const slowIntake: typeof receiveInboundMessage = async (db, input) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return receiveInboundMessage(db, input);
    };
    const started = Date.now();
    const outcome = await submit(shop.domain, {}, { intake: slowIntake, answerWithinMs: 50 });
    expect(Date.now() - started).toBeLessThan(300);
    expect(outcome).toMatchObject({ kind: "accepted", ticketNumber: null });
    if (outcome.kind !== "accepted") throw new Error("unreachable");
    // Monday 11:00 Berlin + 60 business minutes = 12:00 Berlin.
    expect(outcome.expectedReplyBy?.toISOString()).toBe("2026-11-23T11:00:00.000Z");
    expect(outcome.message).toContain("We expect to reply by");
    await expect.poll(async () => (await prisma.contactSubmission.findFirst({ where: { shopId: shop.id } }))?.status, { timeout: 10_000 }).toBe("ticketed");
    expect(await prisma.ticket.count({ where: { shopId: shop.id } })).toBe(1);
  });

  it("retries stored submissions whose intake failed, once they are stale", async () => {
    const shop = await createShop(prisma);
    const failing = await submit(shop.domain, { message: "Retry me later" }, { intake: async () => { throw new Error("intake down"); } });
    expect(failing.kind).toBe("retry");
    const { retryStaleContactSubmissions } = await import("../../app/services/storefront/contact-delivery.server");
    expect(await retryStaleContactSubmissions(prisma, { shopId: shop.id, now: new Date(NOW.getTime() + 30_000) })).toEqual({ retried: 0, failed: 0 }); // not stale yet
    expect(await retryStaleContactSubmissions(prisma, { shopId: shop.id, now: new Date(NOW.getTime() + 5 * 60_000) })).toEqual({ retried: 1, failed: 0 });
    const row = await prisma.contactSubmission.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(row.status).toBe("ticketed");
    const ticket = await prisma.ticket.findFirstOrThrow({ where: { id: row.ticketId! }, include: { messages: true } });
    expect(ticket.messages[0]!.bodyText).toBe("Retry me later");
  });

  it("answers a retryable error when the submission cannot be stored", async () => {
    const shop = await createShop(prisma);
    const broken = new Proxy(prisma, {
      get(target, property, receiver) {
        if (property === "contactSubmission") {
          return { ...target.contactSubmission, findFirst: target.contactSubmission.findFirst.bind(target.contactSubmission), count: target.contactSubmission.count.bind(target.contactSubmission), create: async () => { throw new Error("disk full"); } };
        }
        return Reflect.get(target, property, receiver);
      },
    });
    const outcome = await submitContactForm(broken, { shopDomain: shop.domain, clientIp: "203.0.113.9", loggedInCustomerId: null, admin: null, form: form({}), now: NOW });
    expect(outcome).toMatchObject({ kind: "retry", status: 503 });
    expect(await prisma.ticket.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("answers 404 for a shop that is not installed", async () => {
    expect(await submit(uniqueShopDomain("ghost"))).toMatchObject({ kind: "unknown_shop", status: 404 });
  });
});

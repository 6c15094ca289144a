// The contact-form workflow against the real database and the Admin emulator over HTTP: validation in
// the visitor's language, bots, rate limits, duplicates, the contact.drain job that makes the tickets,
// order ownership, and nothing lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { startAdminEmulator, type RunningAdminEmulator } from "../../dev/emulator";
import { buildFixtureShop } from "../../dev/fixtures";
import { createAdminClient } from "../../app/shopify/admin-client.server";
import { submitContactForm, type ContactRequest } from "../../app/services/storefront/contact-submission.server";
import { drainContactSubmissions, MAX_DELIVERY_ATTEMPTS, retryStaleContactSubmissions, type DeliveryDeps } from "../../app/services/storefront/contact-delivery.server";
import { CONTACT_DRAIN_JOB, CONTACT_RETRY_JOB, scheduleStaleContactRetry } from "../../app/jobs/definitions/contact-intake.server";
import { allJobHandlers } from "../../app/jobs/definitions/index.server";
import { EmbeddedJobQueue } from "../../app/jobs/embedded/queue.server";
import { silentLogger } from "../../app/jobs/types";
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

// The embedded runner on the test database: what the route's getJobQueue() is in the demo.
const queue = new EmbeddedJobQueue(prisma);

async function submit(shopDomain: string, fields: Record<string, string> = {}, overrides: Partial<ContactRequest> = {}) {
  return submitContactForm(prisma, {
    shopDomain,
    clientIp: "203.0.113.7",
    loggedInCustomerId: null,
    form: form(fields),
    now: NOW,
    queue,
    ...overrides,
  });
}

/** What the contact.drain job does for the shop (the job itself is run in its own test below). */
async function drain(shopId: string, deps: Partial<DeliveryDeps> = {}) {
  return drainContactSubmissions({ db: prisma, adminFor: async () => null, ...deps }, shopId);
}

describe("submitContactForm", () => {
  it("stores the submission, answers with the promised reply time, and the drain job makes the ticket through intake", async () => {
    const shop = await createShop(prisma);
    await prisma.businessSchedule.create({ data: { shopId: shop.id, name: "Support", timezone: "Europe/Berlin", intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) } });
    await prisma.shop.update({ where: { id: shop.id }, data: { settings: { storefront: { replyPromiseMinutes: 60 } } } });
    const before = Date.now();
    const outcome = await submit(shop.domain);
    expect(outcome).toMatchObject({ kind: "accepted", status: 200, duplicate: false, ticketNumber: null });
    if (outcome.kind !== "accepted") throw new Error("unreachable");
    // Monday 11:00 Berlin + 60 business minutes = 12:00 Berlin.
    expect(outcome.expectedReplyBy?.toISOString()).toBe("2026-11-23T11:00:00.000Z");
    expect(outcome.message).toContain("We expect to reply by");
    expect(await prisma.ticket.count({ where: { shopId: shop.id } })).toBe(0);
    expect(await prisma.contactSubmission.findFirstOrThrow({ where: { shopId: shop.id } })).toMatchObject({ status: "received" });
    // One drain for the shop, due at the end of the current second (after the row was stored).
    const [job] = await prisma.job.findMany({ where: { name: CONTACT_DRAIN_JOB, shopId: shop.id } });
    expect(job).toMatchObject({ status: "queued", payload: { shopId: shop.id } });
    expect(job!.runAt.getTime()).toBeGreaterThan(before);
    expect(job!.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_100);

    expect(await drain(shop.id)).toEqual({ ticketed: 1, failed: 0, more: false });
    const ticket = await prisma.ticket.findFirstOrThrow({ where: { shopId: shop.id }, include: { messages: true, customer: true } });
    expect(ticket).toMatchObject({ channel: "contact_form", subject: "Shipping and delivery", language: "en" });
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
    await submit(shop.domain);
    // Sent again before the drain ran: the same stored row, no second submission.
    expect(await submit(shop.domain, {}, { now: new Date(NOW.getTime() + 10_000) })).toMatchObject({ kind: "accepted", duplicate: true });
    expect(await prisma.contactSubmission.count({ where: { shopId: shop.id } })).toBe(1);
    await drain(shop.id);
    // Sent again after the ticket exists: the answer names it.
    const third = await submit(shop.domain, {}, { now: new Date(NOW.getTime() + 20_000) });
    expect(third).toMatchObject({ kind: "accepted", duplicate: true });
    const ticket = await prisma.ticket.findFirstOrThrow({ where: { shopId: shop.id } });
    if (third.kind !== "accepted") throw new Error("unreachable");
    expect(third.ticketNumber).toBe(ticket.number);
    expect(third.message).toContain(`#${ticket.number}`);
    expect(await prisma.ticket.count({ where: { shopId: shop.id } })).toBe(1);
    // Two identical submissions at the same moment, drained concurrently, still make one ticket (intake's channel message id).
    const racer = await createShop(prisma);
    const results = await Promise.all([submit(racer.domain, { message: "Same words" }), submit(racer.domain, { message: "Same words" })]);
    expect(results.map((result) => result.kind)).toEqual(["accepted", "accepted"]);
    await Promise.all([drain(racer.id), drain(racer.id), retryStaleContactSubmissions({ db: prisma, adminFor: async () => null }, { shopId: racer.id, olderThanMs: -60_000 })]);
    expect(await prisma.ticket.count({ where: { shopId: racer.id } })).toBe(1);
    expect(await prisma.message.count({ where: { ticket: { shopId: racer.id } } })).toBe(1);
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

    await submit(shop.domain, { email: order.email, order: order.name, message: "By email" });
    await submit(shop.domain, { email: "other@example.com", order: order.name.replace("#", ""), message: "By login" }, { loggedInCustomerId: numericCustomerId, clientIp: "192.0.2.1" });
    await submit(shop.domain, { email: "thief@example.com", order: stranger.name, message: "Not mine" }, { clientIp: "192.0.2.2" });
    expect(await drain(shop.id, { adminFor: async (shopId) => (shopId === shop.id ? admin : null) })).toMatchObject({ ticketed: 3, failed: 0 });
    const linked = async (message: string) =>
      prisma.ticket.findFirstOrThrow({ where: { shopId: shop.id, messages: { some: { bodyText: message } } }, include: { orders: true, customer: true } });
    expect((await linked("By email")).orders).toEqual([expect.objectContaining({ shopifyOrderId: order.id, orderName: order.name, linkedBy: "customer" })]);
    const loginTicket = await linked("By login");
    expect(loginTicket.orders.map((row) => row.orderName)).toEqual([order.name]);
    expect(loginTicket.customer?.shopifyCustomerId).toBe(order.customerId);
    expect((await linked("Not mine")).orders).toEqual([]);
  });

  it("keeps a submission whose intake fails, retries it once stale, and stops at the attempt cap", async () => {
    const shop = await createShop(prisma);
    const failingIntake = async () => {
      throw new Error("database is locked");
    };
    expect((await submit(shop.domain, { message: "Retry me later" })).kind).toBe("accepted");
    expect(await drain(shop.id, { intake: failingIntake })).toEqual({ ticketed: 0, failed: 1, more: false });
    const stored = await prisma.contactSubmission.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(stored).toMatchObject({ status: "failed", error: "database is locked", attempts: 1 });
    expect(stored.payload).toMatchObject({ message: "Retry me later", email: "ada@example.com" });
    // A failed row is not the drain's any more (no hot loop); the stale sweep retries it.
    expect(await drain(shop.id)).toEqual({ ticketed: 0, failed: 0, more: false });
    const deps = { db: prisma, adminFor: async () => null };
    expect(await retryStaleContactSubmissions(deps, { shopId: shop.id, now: new Date(NOW.getTime() + 30_000) })).toMatchObject({ retried: 0, failed: 0 }); // not stale yet
    expect(await retryStaleContactSubmissions(deps, { shopId: shop.id, now: new Date(NOW.getTime() + 5 * 60_000) })).toMatchObject({ retried: 1, failed: 0 });
    const row = await prisma.contactSubmission.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(row.status).toBe("ticketed");
    const ticket = await prisma.ticket.findFirstOrThrow({ where: { id: row.ticketId! }, include: { messages: true } });
    expect(ticket.messages[0]!.bodyText).toBe("Retry me later");

    // A message that can never be ticketed is retried MAX_DELIVERY_ATTEMPTS times, then kept for an agent.
    const poisoned = await createShop(prisma);
    await submit(poisoned.domain, { message: "Poison" });
    const later = new Date(NOW.getTime() + 10 * 60_000);
    for (let attempt = 0; attempt < MAX_DELIVERY_ATTEMPTS + 2; attempt++) {
      await retryStaleContactSubmissions({ ...deps, intake: failingIntake }, { shopId: poisoned.id, now: later });
    }
    expect(await prisma.contactSubmission.findFirstOrThrow({ where: { shopId: poisoned.id } })).toMatchObject({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS });
  });

  it("runs as jobs: contact.drain tickets the shop's submissions; the scheduler asks for contact.retry-stale only when rows wait too long", async () => {
    const shop = await createShop(prisma);
    await submit(shop.domain, { message: "Through the job" });
    const handlers = allJobHandlers();
    const context = { db: prisma, now: new Date(), jobId: "test", attempt: 1, log: silentLogger };
    await handlers.get(CONTACT_DRAIN_JOB)!.run({ shopId: shop.id }, context);
    expect(await prisma.contactSubmission.findFirstOrThrow({ where: { shopId: shop.id } })).toMatchObject({ status: "ticketed" });

    const stale = await createShop(prisma);
    await prisma.contactSubmission.create({ data: { shopId: stale.id, clientKey: "k", email: "late@example.com", contentHash: "late", status: "received", createdAt: new Date(Date.now() - 10 * 60_000), payload: { name: "Late", email: "late@example.com", topic: "shipping", message: "Lost drain", orderName: null, language: "en", loggedInCustomerId: null } } });
    expect(await scheduleStaleContactRetry(prisma, queue, new Date(), silentLogger)).toBe(true);
    expect(await scheduleStaleContactRetry(prisma, queue, new Date(), silentLogger)).toBe(false); // one per interval
    const retryJob = await prisma.job.findFirstOrThrow({ where: { name: CONTACT_RETRY_JOB }, orderBy: { createdAt: "desc" } });
    await handlers.get(CONTACT_RETRY_JOB)!.run(retryJob.payload, { ...context, now: new Date() });
    expect(await prisma.contactSubmission.findFirstOrThrow({ where: { shopId: stale.id } })).toMatchObject({ status: "ticketed", error: null });
    expect(await prisma.ticket.count({ where: { shopId: stale.id, messages: { some: { bodyText: "Lost drain" } } } })).toBe(1);
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
    const outcome = await submitContactForm(broken, { shopDomain: shop.domain, clientIp: "203.0.113.9", loggedInCustomerId: null, form: form({}), now: NOW, queue });
    expect(outcome).toMatchObject({ kind: "retry", status: 503 });
    expect(await prisma.ticket.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("answers 404 for a shop that is not installed", async () => {
    expect(await submit(uniqueShopDomain("ghost"))).toMatchObject({ kind: "unknown_shop", status: 404 });
  });
});

// The settings routes through the real Remix handlers with a valid session token: what they show,
// what they save, and the inline validation errors (422 with errors keyed by form field).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { EmbeddedJobQueue } from "../../app/jobs/embedded/queue.server";
import { loader as overviewLoader } from "../../app/routes/app.settings._index";
import { action as automationAction, loader as automationLoader } from "../../app/routes/app.settings.automation";
import { action as hoursAction, loader as hoursLoader } from "../../app/routes/app.settings.hours";
import { action as rulesAction, loader as rulesLoader } from "../../app/routes/app.settings.rules";
import { action as slaAction, loader as slaLoader } from "../../app/routes/app.settings.sla";
import { receiveInboundMessage } from "../../app/services/intake.server";
import { createShop, uniqueShopDomain } from "../factories";
import { adminRequest } from "../helpers/admin-request";

type Handler = (args: ActionFunctionArgs) => Promise<unknown>;

async function newShop() {
  return createShop(prisma, { domain: uniqueShopDomain("settings") });
}

async function post(handler: Handler, domain: string, path: string, body: unknown) {
  const request = await adminRequest(domain, path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const response = (await handler({ request, params: {}, context: {} })) as Response;
  return { status: response.status, body: (await response.json()) as { ok: boolean; errors: Record<string, string> } };
}

async function load<T>(handler: (args: LoaderFunctionArgs) => Promise<T>, domain: string, path: string): Promise<T> {
  return handler({ request: await adminRequest(domain, path), params: {}, context: {} });
}

describe("business hours settings", () => {
  it("shows the Shopify time zone and saves several intervals a day", async () => {
    // GIVEN a shop in Europe/Berlin without hours
    const shop = await newShop();
    expect(await load(hoursLoader, shop.domain, "/app/settings/hours")).toMatchObject({ timezone: "Europe/Berlin", configured: false, intervals: [] });
    // WHEN Monday is saved with a lunch break
    const intervals = [{ weekday: 1, start: "09:00", end: "12:00" }, { weekday: 1, start: "13:00", end: "18:00" }];
    const saved = await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "hours", intervals });
    // THEN it is stored in the shop's zone and shown again
    expect(saved).toEqual({ status: 200, body: { ok: true, errors: {} } });
    expect(await load(hoursLoader, shop.domain, "/app/settings/hours")).toMatchObject({ configured: true, intervals });
    expect(await prisma.businessSchedule.findFirst({ where: { shopId: shop.id } })).toMatchObject({ timezone: "Europe/Berlin", channel: null });
    // AND intake uses it: 12:30 Monday is closed, so the 30 business minutes end at 13:30 local
    const result = await receiveInboundMessage(
      prisma,
      { shopId: shop.id, channel: "email", from: { email: "a@example.com" }, subject: "Where is my order?", bodyText: "Where is my order #1001?", receivedAt: new Date("2026-03-02T11:30:00Z") },
      { jobs: new EmbeddedJobQueue(prisma) },
    );
    expect(result.expectedReplyBy).toEqual(new Date("2026-03-02T12:30:00Z"));
  });

  it("reports overlapping and malformed intervals next to the interval", async () => {
    const shop = await newShop();
    const overlapping = await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "hours", intervals: [{ weekday: 1, start: "09:00", end: "12:00" }, { weekday: 1, start: "11:00", end: "13:00" }] });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.errors["intervals.1"]).toMatch(/overlaps/);
    const malformed = await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "hours", intervals: [{ weekday: 1, start: "9", end: "12:00" }] });
    expect(malformed.status).toBe(422);
    expect(Object.keys(malformed.body.errors)[0]).toMatch(/^intervals\.0/);
    expect(await prisma.businessSchedule.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("adds holidays (closed or special hours), refuses a bad date or a duplicate, and deletes them", async () => {
    const shop = await newShop();
    const bad = await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "addHoliday", date: "2026-13-01", name: "Nope" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.date).toBeTruthy();
    const badHours = await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "addHoliday", date: "2026-12-24", name: "Christmas Eve", specialHours: "10 to 2" });
    expect(badHours.body.errors.specialHours).toMatch(/10:00-14:00/);
    expect((await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "addHoliday", date: "2026-12-24", name: "Christmas Eve", specialHours: "10:00-14:00" })).status).toBe(200);
    expect((await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "addHoliday", date: "2026-12-25", name: "Christmas" })).status).toBe(200);
    const duplicate = await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "addHoliday", date: "2026-12-25", name: "Again" });
    expect(duplicate.body.errors.date).toMatch(/already/);
    const { holidays } = await load(hoursLoader, shop.domain, "/app/settings/hours");
    expect(holidays).toEqual([
      expect.objectContaining({ date: "2026-12-24", intervals: [{ start: "10:00", end: "14:00" }] }),
      expect.objectContaining({ date: "2026-12-25", intervals: null }),
    ]);
    await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "deleteHoliday", id: holidays[1].id });
    expect(await prisma.holiday.count({ where: { shopId: shop.id } })).toBe(1);
  });
});

describe("per-channel business hours", () => {
  it("gives a channel its own hours, which its tickets then follow, and takes them back", async () => {
    const shop = await newShop();
    await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "hours", intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })) });
    // WHEN chat gets its own evening hours
    const chatHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "17:00", end: "22:00" }));
    expect((await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "hours", channel: "chat", intervals: chatHours })).status).toBe(200);
    // THEN the chat view shows them and the default is unchanged
    expect(await load(hoursLoader, shop.domain, "/app/settings/hours?channel=chat")).toMatchObject({ channel: "chat", configured: true, intervals: chatHours, channelsWithOwnHours: ["chat"] });
    expect((await load(hoursLoader, shop.domain, "/app/settings/hours")).intervals[0]).toMatchObject({ start: "09:00" });
    // AND a chat message at 18:00 Berlin on Monday is in hours: an order question is due 18:30
    const result = await receiveInboundMessage(
      prisma,
      { shopId: shop.id, channel: "chat", from: { email: "c@example.com" }, subject: "", bodyText: "Where is my order #1001?", receivedAt: new Date("2026-03-02T17:00:00Z") },
      { jobs: new EmbeddedJobQueue(prisma) },
    );
    expect(result.expectedReplyBy).toEqual(new Date("2026-03-02T17:30:00Z"));
    // WHEN chat goes back to the default hours
    expect((await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "useDefaultHours", channel: "chat" })).status).toBe(200);
    const back = await load(hoursLoader, shop.domain, "/app/settings/hours?channel=chat");
    expect(back).toMatchObject({ configured: false, channelsWithOwnHours: [] });
    expect(back.intervals[0]).toMatchObject({ start: "09:00", end: "17:00" }); // the default hours, to start from
    expect((await post(hoursAction, shop.domain, "/app/settings/hours", { intent: "hours", channel: "pigeon", intervals: [] })).body.errors.channel).toMatch(/Unknown channel/);
  });
});

describe("SLA and escalation settings", () => {
  it("lists the default policies, validates and saves a policy, and keeps the last one", async () => {
    const shop = await newShop();
    const { policies, escalation } = await load(slaLoader, shop.domain, "/app/settings/sla");
    expect(policies.length).toBeGreaterThan(5);
    expect(escalation.warnAtShare).toBe(0.75);
    const empty = await post(slaAction, shop.domain, "/app/settings/sla", { intent: "policy", policy: { name: "", position: "5", businessHoursOnly: true, enabled: true } });
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toMatchObject({ name: "a name is required", firstResponseMinutes: "set at least one target" });
    const negative = await post(slaAction, shop.domain, "/app/settings/sla", { intent: "policy", policy: { name: "VIP", position: "1", firstResponseMinutes: "-5", businessHoursOnly: true, enabled: true } });
    expect(negative.body.errors.firstResponseMinutes).toMatch(/above 0/);
    const vip = await post(slaAction, shop.domain, "/app/settings/sla", {
      intent: "policy",
      policy: { name: "VIP 15 min", position: "1", matchSegment: "vip", matchPriority: "any", firstResponseMinutes: "15", nextResponseMinutes: "", resolutionMinutes: "", businessHoursOnly: false, enabled: true },
    });
    expect(vip.status).toBe(200);
    expect(await prisma.slaPolicy.findFirst({ where: { shopId: shop.id, name: "VIP 15 min" } })).toMatchObject({ matchSegment: "vip", matchPriority: null, firstResponseMinutes: 15, nextResponseMinutes: null, businessHoursOnly: false });
    // The last policy cannot be deleted
    const all = await prisma.slaPolicy.findMany({ where: { shopId: shop.id } });
    for (const policy of all.slice(1)) expect((await post(slaAction, shop.domain, "/app/settings/sla", { intent: "deletePolicy", id: policy.id })).status).toBe(200);
    const last = await post(slaAction, shop.domain, "/app/settings/sla", { intent: "deletePolicy", id: all[0].id });
    expect(last.status).toBe(422);
    expect(last.body.errors.form).toMatch(/at least one/);
  });

  it("saves the escalation share as a percentage and rejects one above 100 %", async () => {
    const shop = await newShop();
    const tooHigh = await post(slaAction, shop.domain, "/app/settings/sla", { intent: "escalation", escalation: { warnAtPercent: "150", raisePriority: true, reassign: true, emailSupervisor: false } });
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body.errors.warnAtShare).toBeTruthy();
    const ok = await post(slaAction, shop.domain, "/app/settings/sla", { intent: "escalation", escalation: { warnAtPercent: "60", raisePriority: false, reassign: true, emailSupervisor: true } });
    expect(ok.status).toBe(200);
    expect((await load(slaLoader, shop.domain, "/app/settings/sla")).escalation).toEqual({ warnAtShare: 0.6, raisePriority: false, reassign: true, emailSupervisor: true });
  });
});

describe("triage settings", () => {
  it("saves keyword edits and a rule, which intake then applies", async () => {
    const shop = await newShop();
    const keywords = await post(rulesAction, shop.domain, "/app/settings/rules", {
      intent: "triage",
      triage: { keywordOverrides: { add: { categories: { product_question: { strong: ["wholesale"] } } } }, vipThresholds: { lifetimeSpent: "500", ordersCount: "5" } },
    });
    expect(keywords.status).toBe(200);
    const badJson = await post(rulesAction, shop.domain, "/app/settings/rules", { intent: "rule", rule: { name: "Wholesale", conditions: "{ all: [", actions: "[]" } });
    expect(badJson.status).toBe(422);
    expect(badJson.body.errors.conditions).toMatch(/not valid JSON/);
    const badField = await post(rulesAction, shop.domain, "/app/settings/rules", {
      intent: "rule",
      rule: { name: "Wholesale", conditions: JSON.stringify({ all: [{ field: "mood", op: "is", value: "x" }] }), actions: JSON.stringify([{ type: "set_priority", value: "high" }]) },
    });
    expect(badField.status).toBe(422);
    expect(badField.body.errors.conditions).toBeTruthy();
    const good = await post(rulesAction, shop.domain, "/app/settings/rules", {
      intent: "rule",
      rule: { name: "Wholesale", position: "1", enabled: true, conditions: JSON.stringify({ all: [{ field: "text", op: "contains_any", value: ["wholesale"] }] }), actions: JSON.stringify([{ type: "set_priority", value: "high" }, { type: "add_tag", tag: "b2b" }]) },
    });
    expect(good).toEqual({ status: 200, body: { ok: true, errors: {} } });
    const view = await load(rulesLoader, shop.domain, "/app/settings/rules");
    expect(view.triage.vipThresholds).toEqual({ lifetimeSpent: 500, ordersCount: 5 });
    expect(view.rules).toEqual([expect.objectContaining({ name: "Wholesale", enabled: true })]);
    // WHEN a wholesale question arrives THEN keywords and rule both applied
    const result = await receiveInboundMessage(prisma, { shopId: shop.id, channel: "email", from: { email: "b2b@example.com" }, subject: "Hello", bodyText: "Do you offer wholesale?" }, { jobs: new EmbeddedJobQueue(prisma) });
    const ticket = await prisma.ticket.findUniqueOrThrow({ where: { id: result.ticketId }, include: { tags: true } });
    expect(ticket).toMatchObject({ category: "product_question", priority: "high" });
    expect(ticket.tags.map((t) => t.tag)).toContain("b2b");
    expect(await load(overviewLoader, shop.domain, "/app/settings")).toMatchObject({ rules: 1, timezone: "Europe/Berlin" });
  });
});

describe("automated message settings", () => {
  it("validates and saves the auto-acknowledgement and quiet hours", async () => {
    const shop = await newShop();
    const view = await load(automationLoader, shop.domain, "/app/settings/automation");
    expect(view.autoAck.enabled).toBe(true);
    expect(view.templates.map((t) => t.key)).toContain("auto_ack_out_of_hours");
    const badQuiet = await post(automationAction, shop.domain, "/app/settings/automation", { intent: "quietHours", quietHours: { ...view.quietHours, start: "25:00", maxPerWindow: "0" } });
    expect(badQuiet.status).toBe(422);
    expect(badQuiet.body.errors.start).toMatch(/HH:MM/);
    expect(badQuiet.body.errors.maxPerWindow).toBeTruthy();
    const quiet = await post(automationAction, shop.domain, "/app/settings/automation", { intent: "quietHours", quietHours: { ...view.quietHours, start: "22:00", end: "07:30", maxPerWindow: "2" } });
    expect(quiet.status).toBe(200);
    const ack = await post(automationAction, shop.domain, "/app/settings/automation", { intent: "autoAck", autoAck: { ...view.autoAck, queueThreshold: "25", delaySeconds: "30" } });
    expect(ack.status).toBe(200);
    const after = await load(automationLoader, shop.domain, "/app/settings/automation");
    expect(after.quietHours).toMatchObject({ start: "22:00", end: "07:30", maxPerWindow: 2 });
    expect(after.autoAck).toMatchObject({ queueThreshold: 25, delaySeconds: 30 });
    const unknown = await post(automationAction, shop.domain, "/app/settings/automation", { intent: "launch" });
    expect(unknown.status).toBe(400);
  });
});

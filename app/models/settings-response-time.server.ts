// The response-time settings of a shop, as the settings pages read and save them: the default
// business schedule, holidays, SLA policies, triage rules and the Shop.settings fields (auto-ack,
// quiet hours, escalation, triage keywords). Every function is scoped by shop; saving validates and
// returns `{ ok: false, errors }` keyed by form field with a message a merchant can act on.
import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { validateBusinessSchedule, type DayInterval, type WeeklyInterval } from "../domain/business-hours";
import { parseShopSettings, type ShopSettings } from "../domain/shop-settings";
import { responseTimeSettingsFields } from "../domain/sla-settings";
import { slaPolicyRuleSchema } from "../domain/sla-policies";
import { automationRuleSchema } from "../domain/triage/rules";
import { ensureDefaultSlaPolicies, loadSlaPolicies } from "../services/sla.server";

export type SaveResult = { ok: true } | { ok: false; errors: Record<string, string> };

export const DEFAULT_SCHEDULE_NAME = "Default";

function issuesToErrors(error: z.ZodError, prefix = ""): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

// --- business hours and holidays ---

/** The default schedule (channel null) or a channel's own hours; a channel without its own uses the default. */
export async function loadHoursSettings(db: PrismaClient, shopId: string, channel: string | null = null) {
  const [shop, schedule, holidays, channelSchedules] = await Promise.all([
    db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { ianaTimezone: true } }),
    db.businessSchedule.findFirst({ where: { shopId, channel }, orderBy: { createdAt: "asc" } }),
    db.holiday.findMany({ where: { shopId }, orderBy: { date: "asc" } }),
    db.businessSchedule.findMany({ where: { shopId, channel: { not: null } }, select: { channel: true } }),
  ]);
  return {
    timezone: shop.ianaTimezone,
    channel,
    channelsWithOwnHours: channelSchedules.map((row) => row.channel!).sort(),
    configured: schedule !== null,
    // A channel without its own hours starts from the default ones.
    intervals: ((schedule ?? (channel ? await db.businessSchedule.findFirst({ where: { shopId, channel: null }, orderBy: { createdAt: "asc" } }) : null))?.intervals as WeeklyInterval[] | null ?? []).slice().sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)),
    holidays: holidays.map((h) => ({ id: h.id, date: h.date, name: h.name, intervals: (h.intervals as DayInterval[] | null) ?? null })),
  };
}

/** "intervals[2]: Mon 11:00–13:00 overlaps …" → { "intervals.2": "Mon 11:00–13:00 overlaps …" } */
function scheduleErrors(messages: string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const message of messages) {
    const match = /^([a-z]+)\[(\d+)\](?:\.([a-z]+))?(?:\[(\d+)\])?: (.*)$/i.exec(message);
    const key = match ? [match[1], match[2], match[3], match[4]].filter((part) => part !== undefined).join(".") : "form";
    errors[key] ??= match ? match[5] : message;
  }
  return errors;
}

/** The shop's default schedule, or a channel's, in its Shopify time zone (the time zone is Shopify's, not edited here). */
export async function saveBusinessHours(db: PrismaClient, shopId: string, intervals: unknown, channel: string | null = null): Promise<SaveResult> {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { ianaTimezone: true } });
  const parsed = validateBusinessSchedule({ timezone: shop.ianaTimezone, intervals, holidays: [] });
  if (!parsed.ok) return { ok: false, errors: scheduleErrors(parsed.errors) };
  const data = { timezone: shop.ianaTimezone, intervals: parsed.schedule.intervals as unknown as Prisma.InputJsonArray };
  const existing = await db.businessSchedule.findFirst({ where: { shopId, channel }, orderBy: { createdAt: "asc" } });
  if (existing) await db.businessSchedule.update({ where: { id: existing.id }, data });
  else await db.businessSchedule.create({ data: { ...data, shopId, name: channel ? `Channel: ${channel}` : DEFAULT_SCHEDULE_NAME, channel } });
  return { ok: true };
}

/** A channel goes back to the default schedule. */
export async function deleteChannelHours(db: PrismaClient, shopId: string, channel: string): Promise<void> {
  await db.businessSchedule.deleteMany({ where: { shopId, channel } });
}

export async function addHoliday(db: PrismaClient, shopId: string, input: { date?: unknown; name?: unknown; intervals?: unknown }): Promise<SaveResult> {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { ianaTimezone: true } });
  const holiday = { date: input.date, name: typeof input.name === "string" ? input.name.trim() : input.name, intervals: input.intervals ?? null };
  const parsed = validateBusinessSchedule({ timezone: shop.ianaTimezone, intervals: [], holidays: [holiday] });
  if (!parsed.ok) {
    const errors = scheduleErrors(parsed.errors);
    return { ok: false, errors: Object.fromEntries(Object.entries(errors).map(([key, message]) => [key.replace(/^holidays\.0\.?/, "") || "form", message])) };
  }
  const clean = parsed.schedule.holidays[0];
  if (await db.holiday.findUnique({ where: { shopId_date: { shopId, date: clean.date } } })) return { ok: false, errors: { date: `${clean.date} is already a holiday` } };
  await db.holiday.create({ data: { shopId, date: clean.date, name: clean.name, intervals: clean.intervals === null ? undefined : (clean.intervals as unknown as Prisma.InputJsonArray) } });
  return { ok: true };
}

export async function deleteHoliday(db: PrismaClient, shopId: string, id: string): Promise<void> {
  await db.holiday.deleteMany({ where: { id, shopId } });
}

// --- SLA policies ---

export async function loadPolicies(db: PrismaClient, shopId: string) {
  await ensureDefaultSlaPolicies(db, shopId);
  return loadSlaPolicies(db, shopId);
}

const minutesField = z.union([z.number().int().positive("must be a whole number of minutes above 0").max(60 * 24 * 365, "must be at most a year"), z.null()]);
const policyFormSchema = slaPolicyRuleSchema.extend({
  firstResponseMinutes: minutesField,
  nextResponseMinutes: minutesField,
  resolutionMinutes: minutesField,
  name: z.string().trim().min(1, "a name is required").max(200),
});

export async function savePolicy(db: PrismaClient, shopId: string, input: unknown): Promise<SaveResult> {
  const parsed = policyFormSchema.safeParse(input);
  const fields = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
  // Checked beside the schema so the merchant sees it together with the other problems.
  const noTarget = ["firstResponseMinutes", "nextResponseMinutes", "resolutionMinutes"].every((key) => fields[key] === null || fields[key] === undefined);
  if (!parsed.success || noTarget) {
    const errors = parsed.success ? {} : issuesToErrors(parsed.error);
    if (noTarget) errors.firstResponseMinutes ??= "set at least one target";
    return { ok: false, errors };
  }
  const { id, ...data } = parsed.data;
  if (id) {
    const { count } = await db.slaPolicy.updateMany({ where: { id, shopId }, data });
    if (count === 0) return { ok: false, errors: { form: "This policy no longer exists." } };
  } else {
    await db.slaPolicy.create({ data: { ...data, shopId } });
  }
  return { ok: true };
}

/** The last policy cannot be deleted (a shop without policies gets the defaults back): switch it off instead. */
export async function deletePolicy(db: PrismaClient, shopId: string, id: string): Promise<SaveResult> {
  if ((await db.slaPolicy.count({ where: { shopId } })) <= 1) return { ok: false, errors: { form: "Keep at least one policy; switch it off instead of deleting it." } };
  await db.slaPolicy.deleteMany({ where: { id, shopId } });
  return { ok: true };
}

// --- Shop.settings fields ---

export type ResponseTimeSettingKey = keyof typeof responseTimeSettingsFields;

export async function loadShopSettings(db: PrismaClient, shopId: string): Promise<ShopSettings> {
  const shop = await db.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
  return parseShopSettings(shop.settings);
}

/** Replaces one settings field after validating it; the other fields (other features') are kept as stored. */
export async function saveSettingsField<K extends ResponseTimeSettingKey>(db: PrismaClient, shopId: string, key: K, value: unknown): Promise<SaveResult> {
  const schema = responseTimeSettingsFields[key].removeDefault();
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error) };
  await db.$transaction(async (tx) => {
    const shop = await tx.shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true } });
    const stored = shop.settings && typeof shop.settings === "object" && !Array.isArray(shop.settings) ? (shop.settings as Prisma.JsonObject) : {};
    await tx.shop.update({ where: { id: shopId }, data: { settings: { ...stored, [key]: parsed.data as Prisma.InputJsonValue } } });
  });
  return { ok: true };
}

// --- triage rules ---

export async function loadTriageRules(db: PrismaClient, shopId: string) {
  const rows = await db.automationRule.findMany({ where: { shopId, kind: "triage" }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return rows.map((row) => ({ id: row.id, name: row.name, enabled: row.enabled, position: row.position, conditions: row.conditions, actions: row.actions }));
}

/** A rule from the form: conditions and actions arrive as JSON text, checked against the rule schema. */
export async function saveTriageRule(db: PrismaClient, shopId: string, input: { id?: string | null; name?: unknown; enabled?: unknown; position?: unknown; conditions?: unknown; actions?: unknown }): Promise<SaveResult> {
  const errors: Record<string, string> = {};
  const json = (field: "conditions" | "actions") => {
    const text = input[field];
    if (typeof text !== "string") return text;
    try {
      return JSON.parse(text);
    } catch (error) {
      errors[field] = `not valid JSON: ${(error as Error).message}`;
      return undefined;
    }
  };
  const candidate = { name: typeof input.name === "string" ? input.name.trim() : input.name, kind: "triage", trigger: "message_received", conditions: json("conditions"), actions: json("actions"), enabled: input.enabled ?? true, position: Number(input.position ?? 0) };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = automationRuleSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, ...rest] = issue.path.map(String);
      errors[field ?? "form"] ??= rest.length ? `${rest.join(".")}: ${issue.message}` : issue.message;
    }
    return { ok: false, errors };
  }
  const rule = parsed.data;
  for (const action of rule.actions) {
    if (action.type === "assign" && !(await db.agent.findFirst({ where: { id: action.agentId, shopId }, select: { id: true } }))) {
      return { ok: false, errors: { actions: `assign: no agent ${action.agentId} in this shop` } };
    }
  }
  const data = { name: rule.name, kind: rule.kind, trigger: rule.trigger, conditions: rule.conditions as Prisma.InputJsonObject, actions: rule.actions as unknown as Prisma.InputJsonArray, enabled: rule.enabled, position: rule.position };
  if (input.id) {
    const { count } = await db.automationRule.updateMany({ where: { id: input.id, shopId }, data });
    if (count === 0) return { ok: false, errors: { form: "This rule no longer exists." } };
  } else {
    await db.automationRule.create({ data: { ...data, shopId } });
  }
  return { ok: true };
}

export async function deleteTriageRule(db: PrismaClient, shopId: string, id: string): Promise<void> {
  await db.automationRule.deleteMany({ where: { id, shopId, kind: "triage" } });
}

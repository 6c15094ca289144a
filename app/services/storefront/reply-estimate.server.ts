// The reply time promised to a visitor whose ticket is still being created: the contact-form schedule
// plus the reply promise, the same inputs the storefront widget shows. Cached per shop for a minute,
// so answering a burst of visitors costs no queries.
import type { PrismaClient } from "@prisma/client";
import { expectedReplyBy, scheduleForChannel, type BusinessSchedule } from "../../domain/business-hours";
import { parseShopSettings } from "../../domain/shop-settings";
import { aroundTheClock, loadShopSchedules } from "../../jobs/definitions/business-schedules.server";
import { replyPromiseMinutes } from "./publish-metafields.server";

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; schedule: BusinessSchedule; minutes: number | null }>();
const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };

export async function estimatedReplyBy(db: PrismaClient, shop: { id: string; ianaTimezone: string; settings: unknown }, now: Date): Promise<Date | null> {
  let entry = cache.get(shop.id);
  if (!entry || now.getTime() - entry.at > TTL_MS) {
    const schedules = await loadShopSchedules(db, shop.id, quietLogger);
    const schedule = scheduleForChannel(schedules, "contact_form")?.schedule ?? aroundTheClock(shop.ianaTimezone);
    const minutes = await replyPromiseMinutes(db, shop.id, parseShopSettings(shop.settings).storefront.replyPromiseMinutes);
    entry = { at: now.getTime(), schedule, minutes };
    cache.set(shop.id, entry);
  }
  return entry.minutes === null ? null : expectedReplyBy(entry.schedule, now, entry.minutes, true);
}

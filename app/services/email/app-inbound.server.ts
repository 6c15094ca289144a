// What the inbound routes run with: the app's configuration, storage and intake, and a durable retry
// for an email that was kept but could not be processed.
import type { PrismaClient } from "@prisma/client";
import { scheduleInboundRetry } from "../../jobs/definitions/email-inbound-retry.server";
import { getJobQueue } from "../../jobs/queue.server";
import { appInboundDeps, type InboundDeps } from "./process-inbound.server";

export function appInboundRequestDeps(db: PrismaClient): InboundDeps {
  return { ...appInboundDeps(db), scheduleRetry: async (inboundEmailId) => void (await scheduleInboundRetry(getJobQueue(), inboundEmailId)) };
}

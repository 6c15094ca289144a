// The survey invitation after a resolution: CSAT (and NPS when the shop enabled it) a configurable
// delay after the ticket was resolved, re-checked when it is due (reopened, merged or human-only
// tickets get none), within the customer's quiet hours and automated-message cap, sent once.
import type { PrismaClient } from "@prisma/client";
import { automatedSendTime } from "../../domain/quiet-hours";
import { parseShopSettings } from "../../domain/shop-settings";
import { SURVEY_SCALES, type SurveyKind } from "../../domain/surveys";
import { isUniqueViolation } from "../../jobs/run-once.server";
import type { JobContext } from "../../jobs/types";
import { channelAdapterFor, type ChannelAdapter } from "../channels/channel-adapter";
import { surveyLanguage, surveyStrings } from "./survey-strings";
import { newSurveyToken, surveyUrl } from "./surveys.server";

export const SURVEY_INVITATION_JOB = "survey.invitation";

export interface SurveyInvitationPayload {
  shopId: string;
  ticketId: string;
  kind: SurveyKind;
  resolvedAt: string; // ISO: a ticket resolved again later gets no second survey
}

export type SurveyInvitationOutcome =
  | { kind: "sent"; messageId: string; token: string }
  | { kind: "skipped"; reason: string }
  | { kind: "deferred"; until: Date }
  | { kind: "already_done" };

export interface SurveyInvitationDeps {
  adapterFor?: (channel: string) => ChannelAdapter;
  defer?: (payload: SurveyInvitationPayload, until: Date) => Promise<void>;
}

export function surveyEventKey(kind: SurveyKind, ticketId: string): string {
  return `survey:${kind}:${ticketId}`;
}

/** The jobs to enqueue when a ticket is resolved (none when surveys are off). */
export async function surveyInvitationsFor(db: PrismaClient, input: { shopId: string; ticketId: string; resolvedAt: Date }) {
  const shop = await db.shop.findUnique({ where: { id: input.shopId }, select: { settings: true } });
  const { surveys } = parseShopSettings(shop?.settings);
  const runAt = new Date(input.resolvedAt.getTime() + surveys.csatDelayHours * 3_600_000);
  const kinds: SurveyKind[] = [...(surveys.csatEnabled ? (["csat"] as const) : []), ...(surveys.npsEnabled ? (["nps"] as const) : [])];
  return kinds.map((kind) => ({
    payload: { shopId: input.shopId, ticketId: input.ticketId, kind, resolvedAt: input.resolvedAt.toISOString() } satisfies SurveyInvitationPayload,
    runAt,
    dedupeKey: `${SURVEY_INVITATION_JOB}:${surveyEventKey(kind, input.ticketId)}`,
  }));
}

function invitationText(kind: SurveyKind, language: ReturnType<typeof surveyLanguage>, shopDomain: string, token: string): string {
  const strings = surveyStrings(language);
  const { min, max } = SURVEY_SCALES[kind];
  const links = [];
  for (let score = max; score >= min; score -= 1) links.push(`${score}: ${surveyUrl(shopDomain, token, score)}`);
  return [strings.question[kind], `(${max} = ${strings.scaleHigh[kind]}, ${min} = ${strings.scaleLow[kind]})`, "", ...links].join("\n");
}

async function recordSkip(db: PrismaClient, payload: SurveyInvitationPayload, customerId: string | null, reason: string, now: Date): Promise<SurveyInvitationOutcome> {
  try {
    await db.automatedSend.create({
      data: { shopId: payload.shopId, customerId, ticketId: payload.ticketId, kind: payload.kind, eventKey: surveyEventKey(payload.kind, payload.ticketId), status: "skipped", reason, createdAt: now },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return { kind: "skipped", reason };
}

export async function runSurveyInvitation(payload: SurveyInvitationPayload, ctx: Pick<JobContext, "db" | "now">, deps: SurveyInvitationDeps = {}): Promise<SurveyInvitationOutcome> {
  const { db, now } = ctx;
  const eventKey = surveyEventKey(payload.kind, payload.ticketId);
  if (await db.automatedSend.findUnique({ where: { shopId_eventKey: { shopId: payload.shopId, eventKey } }, select: { id: true } })) return { kind: "already_done" };
  const ticket = await db.ticket.findFirst({
    where: { id: payload.ticketId, shopId: payload.shopId },
    include: { customer: true, shop: { select: { domain: true, name: true, locale: true, ianaTimezone: true, settings: true, installState: true } } },
  });
  if (!ticket || ticket.shop.installState !== "installed") return { kind: "skipped", reason: "ticket_gone" };
  const customerId = ticket.customerId;
  const settings = parseShopSettings(ticket.shop.settings);
  if (!(payload.kind === "csat" ? settings.surveys.csatEnabled : settings.surveys.npsEnabled)) return recordSkip(db, payload, customerId, "disabled", now);
  if (!["resolved", "closed"].includes(ticket.status) || ticket.mergedIntoId || ticket.resolvedAt?.toISOString() !== payload.resolvedAt) {
    // Reopened (or resolved again later, which scheduled its own job): nothing to ask about yet.
    return { kind: "skipped", reason: "not_resolved" };
  }
  if (ticket.automationDisabled || ticket.escalatedAt) return recordSkip(db, payload, customerId, "human_only", now);
  if (!ticket.customer?.email && !ticket.customer?.phone) return recordSkip(db, payload, customerId, "no_address", now);

  const previous = customerId
    ? await db.automatedSend.findMany({
        where: { shopId: payload.shopId, customerId, status: "sent", createdAt: { gt: new Date(now.getTime() - settings.quietHours.windowHours * 3_600_000) } },
        select: { createdAt: true },
      })
    : [];
  const decision = automatedSendTime({
    now,
    customerTimezone: ticket.customer.timezone,
    shopTimezone: ticket.shop.ianaTimezone,
    settings: settings.quietHours,
    previousSends: previous.map((send) => send.createdAt),
    onCap: "defer",
  });
  if (decision.kind === "skip") return recordSkip(db, payload, customerId, `quiet_hours:${decision.reason}`, now);
  if (decision.kind === "later") {
    if (!deps.defer) return recordSkip(db, payload, customerId, "quiet_hours:no_queue", now);
    await deps.defer(payload, decision.at);
    return { kind: "deferred", until: decision.at };
  }

  const language = surveyLanguage(ticket.language, ticket.customer.language, ticket.shop.locale);
  const token = newSurveyToken();
  const bodyText = invitationText(payload.kind, language, ticket.shop.domain, token);
  let messageId: string;
  try {
    messageId = await db.$transaction(async (tx) => {
      await tx.surveyResponse.create({ data: { shopId: payload.shopId, ticketId: ticket.id, customerId, agentId: ticket.assigneeId, kind: payload.kind, token, sentAt: now } });
      const message = await tx.message.create({
        data: { shopId: payload.shopId, ticketId: ticket.id, direction: "outbound", authorType: "automation", authorName: ticket.shop.name, bodyText, channel: ticket.channel, isAutomated: true, deliveryStatus: "queued", createdAt: now },
      });
      await tx.automatedSend.create({ data: { shopId: payload.shopId, customerId, ticketId: ticket.id, kind: payload.kind, eventKey, messageId: message.id, status: "sent", createdAt: now } });
      await tx.ticketEvent.create({
        data: { shopId: payload.shopId, ticketId: ticket.id, type: "automation", actorType: "automation", data: { kind: payload.kind, summary: `${payload.kind.toUpperCase()} survey sent`, messageId: message.id }, dedupeKey: eventKey, createdAt: now },
      });
      return message.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { kind: "already_done" };
    throw error;
  }

  // Recorded first, delivered second: a worker lost in between leaves a queued message, never a second survey.
  const adapter = (deps.adapterFor ?? channelAdapterFor)(ticket.channel);
  try {
    const result = await adapter.send({
      shopId: payload.shopId,
      ticketId: ticket.id,
      messageId,
      channel: ticket.channel,
      to: { name: ticket.customer.displayName, email: ticket.customer.email, phone: ticket.customer.phone },
      subject: surveyStrings(language).question[payload.kind],
      bodyText,
      inReplyTo: null,
    });
    await db.message.update({ where: { id: messageId }, data: { deliveryStatus: result.status, channelMessageId: result.channelMessageId, sentAt: result.status === "sent" ? now : null } });
  } catch (error) {
    await db.message.update({ where: { id: messageId }, data: { deliveryStatus: "failed", deliveryError: (error instanceof Error ? error.message : String(error)).slice(0, 500) } });
  }
  return { kind: "sent", messageId, token };
}

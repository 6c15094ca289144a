// Which automated messages an order's new facts call for, scheduled as durable jobs: the shipping and
// refund confirmations now, the delay check at the estimated delivery time, the follow-up N days after
// delivery. Rules are checked here (no job for a rule that is off) and again when the job runs.
import type { PrismaClient } from "@prisma/client";
import { scheduleAutomatedMessage } from "../../jobs/definitions/automated-message.server";
import type { JobQueue } from "../../jobs/types";
import type { OrderState } from "../order-events/order-state";
import type { PendingFact } from "../order-events/snapshots.server";
import type { AutomatedMessageKind } from "./kinds";
import { loadAutomatedMessageRules } from "./rules.server";

const DAY_MS = 86_400_000;

export interface PlannedMessage {
  kind: AutomatedMessageKind;
  /** One message per key, ever (AutomatedSend.eventKey). */
  eventKey: string;
  runAt: Date;
  fulfillmentId?: string;
  refundId?: string;
}

export function plannedMessages(state: OrderState, facts: readonly PendingFact[], now: Date, delayDays: (kind: AutomatedMessageKind) => number): PlannedMessage[] {
  const planned: PlannedMessage[] = [];
  for (const fact of facts) {
    if (fact.kind === "fulfilled" && fact.fulfillmentId) {
      planned.push({ kind: "shipping_confirmation", eventKey: `shipping_confirmation:${state.orderId}:${fact.fulfillmentId}`, runAt: now, fulfillmentId: fact.fulfillmentId });
    }
    // A check at every estimate the fulfilment is given (one notice per fulfilment at most).
    if (fact.kind === "estimated" && fact.fulfillmentId && fact.estimatedDeliveryAt) {
      const due = new Date(fact.estimatedDeliveryAt);
      planned.push({ kind: "delay_notice", eventKey: `delay_notice:${state.orderId}:${fact.fulfillmentId}`, runAt: due > now ? due : now, fulfillmentId: fact.fulfillmentId });
    }
    if (fact.kind === "delivered") {
      const deliveredAt = fact.deliveredAt ? new Date(fact.deliveredAt) : now;
      const due = new Date(deliveredAt.getTime() + delayDays("delivery_followup") * DAY_MS);
      planned.push({ kind: "delivery_followup", eventKey: `delivery_followup:${state.orderId}`, runAt: due > now ? due : now, fulfillmentId: fact.fulfillmentId });
    }
    if (fact.kind === "refunded" && fact.refundId) {
      planned.push({ kind: "refund_confirmation", eventKey: `refund_confirmation:${state.orderId}:${fact.refundId}`, runAt: now, refundId: fact.refundId });
    }
  }
  return planned;
}

export async function planAutomatedMessages(deps: { db: PrismaClient; queue: JobQueue; now: Date }, shopId: string, state: OrderState, facts: readonly PendingFact[]): Promise<PlannedMessage[]> {
  const rules = await loadAutomatedMessageRules(deps.db, shopId);
  if (![...rules.values()].some((rule) => rule.enabled)) return [];
  const eventIdOf = new Map(facts.map((fact) => [fact.fulfillmentId ?? fact.refundId ?? fact.key, fact.eventId]));
  const planned = plannedMessages(state, facts, deps.now, (kind) => rules.get(kind)?.delayDays ?? 2).filter((message) => rules.get(message.kind)?.enabled);
  for (const message of planned) {
    await scheduleAutomatedMessage(deps.queue, {
      shopId,
      kind: message.kind,
      orderId: state.orderId,
      eventKey: message.eventKey,
      eventId: eventIdOf.get(message.fulfillmentId ?? message.refundId ?? "") ?? null,
      fulfillmentId: message.fulfillmentId ?? null,
      refundId: message.refundId ?? null,
    }, message.runAt);
  }
  return planned;
}

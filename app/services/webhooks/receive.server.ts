// Ingestion of Shopify webhooks: verify (authenticate.webhook), record, acknowledge, and leave the
// work to the durable job runner. The answer is fast because nothing here waits on the work itself.
//   bad HMAC        → 401, nothing stored (authenticate.webhook throws before we read anything)
//   malformed JSON  → 400 with the reason logged and kept on a `failed` delivery row
//   repeated X-Shopify-Webhook-Id → 200, ignored (the unique webhookId refuses the second row)
import type { PrismaClient } from "@prisma/client";
import prisma from "../../db.server";
import { getJobQueue } from "../../jobs/queue.server";
import type { JobQueue } from "../../jobs/types";
import { authenticate } from "../../shopify.server";
import { webhookLog } from "./logger.server";
import { recordDelivery, type DeliveryHeaders } from "./deliveries.server";
import { scheduleReconcileSweep } from "../../jobs/definitions/order-reconcile.server";
import { requestDrainOnce } from "../../jobs/definitions/webhook-delivery.server";
import { INGESTED_TOPICS } from "./topics";

export interface ReceiveWebhookDeps {
  db: PrismaClient;
  queue: JobQueue;
  /** authenticate.webhook: verifies the HMAC and parses the body. */
  verify: (request: Request) => Promise<unknown>;
}

function defaultDeps(): ReceiveWebhookDeps {
  return { db: prisma, queue: getJobQueue(), verify: (request) => authenticate.webhook(request) };
}

export function deliveryHeaders(headers: Headers): DeliveryHeaders {
  const triggeredAt = headers.get("x-shopify-triggered-at");
  const parsedTriggeredAt = triggeredAt ? new Date(triggeredAt) : null;
  return {
    webhookId: headers.get("x-shopify-webhook-id") ?? "",
    eventId: headers.get("x-shopify-event-id"),
    topic: (headers.get("x-shopify-topic") ?? "").toLowerCase(),
    shopDomain: (headers.get("x-shopify-shop-domain") ?? "").toLowerCase(),
    apiVersion: headers.get("x-shopify-api-version"),
    triggeredAt: parsedTriggeredAt && !Number.isNaN(parsedTriggeredAt.getTime()) ? parsedTriggeredAt : null,
  };
}

/**
 * The request authenticate.webhook sees: the same body and Shopify's own headers, nothing else. The
 * library canonicalises every header name on each of its ~10 header lookups, so the proxy and
 * transport headers a real delivery carries cost it time for nothing (it was ~13 % of its CPU in the
 * benchmark with only 9 headers).
 */
function verificationRequest(request: Request, rawBody: string): Request {
  const headers = new Headers();
  for (const [name, value] of request.headers) {
    if (name === "content-type" || name.startsWith("x-shopify-") || name.startsWith("shopify-")) headers.set(name, value);
  }
  return new Request(request.url, { method: "POST", headers, body: rawBody });
}

export async function receiveWebhook(request: Request, deps: ReceiveWebhookDeps = defaultDeps()): Promise<Response> {
  if (request.method !== "POST") return new Response(null, { status: 405, statusText: "Method not allowed" });
  // Read once: the exact text that was signed, for the library and for the delivery row.
  const rawBody = await request.text();
  let malformed: string | null = null;
  try {
    await deps.verify(verificationRequest(request, rawBody));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown; // 401 bad HMAC, 400 missing headers, 405 not POST
    // The HMAC was valid (validation runs before parsing) but the body is not JSON.
    if (!(thrown instanceof SyntaxError)) throw thrown;
    malformed = thrown.message;
  }
  const headers = deliveryHeaders(request.headers);
  if (!headers.webhookId) return new Response("X-Shopify-Webhook-Id is missing", { status: 400 });

  if (malformed !== null) {
    const reason = `malformed JSON body: ${malformed}`;
    webhookLog.warn({ webhookId: headers.webhookId, topic: headers.topic, shop: headers.shopDomain, reason }, "webhook rejected");
    await recordDelivery(deps.db, headers, rawBody, { status: "failed", error: reason });
    return new Response(reason, { status: 400 });
  }
  if (!INGESTED_TOPICS.includes(headers.topic)) {
    await recordDelivery(deps.db, headers, rawBody, { status: "ignored", error: `topic ${headers.topic} is not handled here` });
    return new Response(null, { status: 200 });
  }

  const recorded = await recordDelivery(deps.db, headers, rawBody);
  if (!recorded) return new Response(null, { status: 200, headers: { "X-Shopdesk-Duplicate": "1" } });
  // One write per delivery (its row); the drain job is asked for once per shop and second. The row
  // is durable: if asking fails, the reconciliation sweep finds it waiting, so Shopify still gets 200.
  try {
    await requestDrainOnce(deps.queue, headers.shopDomain);
    await keepReconciliationScheduled(deps.queue);
  } catch (error) {
    webhookLog.error({ webhookId: headers.webhookId, shop: headers.shopDomain, error: error instanceof Error ? error.message : String(error) }, "could not ask for a drain; the sweep will");
  }
  return new Response(null, { status: 200 });
}

// Deliveries flowing means the app is live: make sure the reconciliation sweep chain runs (once per
// interval and process; the sweep's dedupe key makes every other ask a no-op).
let scheduledBucketAt = 0;
async function keepReconciliationScheduled(queue: JobQueue): Promise<void> {
  const now = Date.now();
  if (now - scheduledBucketAt < 60_000) return;
  scheduledBucketAt = now;
  await scheduleReconcileSweep(queue, new Date(now));
}

/**
 * For the topics handled at once in their own routes (app/uninstalled, app/scopes_update): the
 * delivery is recorded too, as processed (a repeat is a no-op). `copy` is a clone taken before
 * authenticate.webhook read the body.
 */
export async function recordHandledDelivery(db: PrismaClient, copy: Request, now = new Date()): Promise<void> {
  const headers = deliveryHeaders(copy.headers);
  if (!headers.webhookId) return;
  const recorded = await recordDelivery(db, headers, await copy.text(), { status: "processed" }, now);
  if (recorded) await db.webhookDelivery.update({ where: { id: recorded.id }, data: { processedAt: now } });
}

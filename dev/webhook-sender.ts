/**
 * Signs and sends webhook deliveries exactly as Shopify does (headers per SHOPIFY.md "Webhooks").
 * CLI: tsx dev/webhook-sender.ts --url http://localhost:3000/webhooks/app/uninstalled \
 *        --topic app/uninstalled [--shop shopdesk-demo.myshopify.com] [--file payload.json] [--api-version 2026-10]
 * The secret comes from SHOPIFY_API_SECRET (default: the demo secret). Without --file a sample payload is sent.
 */
import { createHmac, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { sampleWebhookPayload } from "./webhook-samples";

export const DEMO_SHOP = "shopdesk-demo.myshopify.com";
export const DEMO_API_SECRET = "shopdesk-demo-secret";

export interface SignWebhookOptions {
  topic: string;
  shop: string;
  /** The raw JSON body; the HMAC covers these exact bytes. */
  body: string;
  secret: string;
  apiVersion?: string;
  webhookId?: string;
  eventId?: string;
  triggeredAt?: string;
}

export interface SignedWebhook {
  headers: Record<string, string>;
  body: string;
}

export function webhookHmac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

export function signWebhook(options: SignWebhookOptions): SignedWebhook {
  const { topic, shop, body, secret, apiVersion = "2026-10" } = options;
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": topic,
      "X-Shopify-Hmac-Sha256": webhookHmac(body, secret),
      "X-Shopify-Shop-Domain": shop,
      "X-Shopify-API-Version": apiVersion,
      "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
      "X-Shopify-Triggered-At": options.triggeredAt ?? new Date().toISOString(),
      "X-Shopify-Event-Id": options.eventId ?? randomUUID(),
    },
  };
}

export interface SendWebhookOptions extends SignWebhookOptions {
  url: string;
  fetch?: typeof fetch;
}

export async function sendWebhook(options: SendWebhookOptions): Promise<Response> {
  const { url, fetch: fetchImpl = fetch, ...signOptions } = options;
  const { headers, body } = signWebhook(signOptions);
  // Shopify gives up after 5 s; mirror that so a slow handler shows up as a failure locally too.
  return fetchImpl(url, { method: "POST", headers, body, signal: AbortSignal.timeout(5000) });
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: "string" },
      topic: { type: "string" },
      shop: { type: "string", default: DEMO_SHOP },
      file: { type: "string" },
      "api-version": { type: "string", default: "2026-10" },
    },
  });
  if (!values.url || !values.topic) {
    console.error("usage: tsx dev/webhook-sender.ts --url <url> --topic <topic> [--shop <shop>] [--file payload.json] [--api-version 2026-10]");
    return 2;
  }
  const shop = values.shop ?? DEMO_SHOP;
  const body = values.file
    ? await readFile(values.file, "utf8")
    : JSON.stringify(sampleWebhookPayload(values.topic, shop));
  const response = await sendWebhook({
    url: values.url,
    topic: values.topic,
    shop,
    body,
    secret: process.env.SHOPIFY_API_SECRET || DEMO_API_SECRET,
    apiVersion: values["api-version"],
  });
  const responseText = await response.text();
  console.log(`${response.status} ${response.statusText}${responseText ? `\n${responseText.slice(0, 2000)}` : ""}`);
  return response.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

// What every settings route does first: the authenticated shop, and a JSON body for actions.
import { json } from "@remix-run/node";
import type { Shop } from "@prisma/client";
import prisma from "../db.server";
import { withServiceErrors } from "../lib/service-errors.server";
import { adminRequestContext } from "../services/request-context.server";
import { authenticate } from "../shopify.server";
import type { SaveResult } from "./settings-response-time.server";

export async function settingsShop(request: Request): Promise<Shop> {
  const { session } = await authenticate.admin(request);
  return withServiceErrors(async () => (await adminRequestContext(prisma, session)).shop);
}

/** Actions take JSON ({ intent, … }); anything else is a 400 with a message. */
export async function readSettingsBody(request: Request): Promise<Record<string, unknown>> {
  try {
    const body = await request.json();
    if (body && typeof body === "object" && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw json({ ok: false, errors: { form: "Send the settings as a JSON object." } }, { status: 400 });
}

/** 200 on success, 422 with the field errors otherwise. */
export function settingsResponse(result: SaveResult): Response {
  return json(result.ok ? { ok: true, errors: {} } : result, { status: result.ok ? 200 : 422 });
}

export function unknownIntent(intent: unknown): Response {
  return json({ ok: false, errors: { form: `Unknown action "${String(intent)}".` } }, { status: 400 });
}

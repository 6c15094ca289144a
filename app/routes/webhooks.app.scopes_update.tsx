import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { recordHandledDelivery } from "../services/webhooks/receive.server";
import { forgetShopSessions } from "../shopify/cached-session-storage.server";

const scopesUpdatePayload = z.object({ current: z.array(z.string()) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const copy = request.clone();
  const { payload, session } = await authenticate.webhook(request);
  await recordHandledDelivery(prisma, copy);
  const parsed = scopesUpdatePayload.safeParse(payload);
  if (!parsed.success) return new Response("payload.current must be a list of scopes", { status: 400 });
  if (session) {
    await prisma.session.update({ where: { id: session.id }, data: { scope: parsed.data.current.join(",") } });
    forgetShopSessions(session.shop);
  }
  return new Response();
};

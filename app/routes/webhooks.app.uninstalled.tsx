import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { recordUninstall } from "../models/shops.server";
import { getJobQueue } from "../jobs/queue.server";
import { recordHandledDelivery } from "../services/webhooks/receive.server";

// Runs more than once and possibly after the session is gone: recordUninstall is idempotent.
export const action = async ({ request }: ActionFunctionArgs) => {
  const copy = request.clone();
  const { shop } = await authenticate.webhook(request);
  await recordHandledDelivery(prisma, copy);
  const shopId = await recordUninstall(prisma, shop);
  if (shopId) await getJobQueue().cancelForShop(shopId);
  return new Response();
};

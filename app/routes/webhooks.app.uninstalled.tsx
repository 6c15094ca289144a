import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";
import prisma from "../db.server";
import { recordUninstall } from "../models/shops.server";

// Runs more than once and possibly after the session is gone: recordUninstall is idempotent.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await authenticate.webhook(request);
  await recordUninstall(prisma, shop);
  return new Response();
};

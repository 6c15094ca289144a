// shop/redact (48 h after uninstall): every row of the shop goes — every model with a shopId or
// shopDomain (found from Prisma's data model, so later models are covered), the sessions, then the
// Shop row itself. Idempotent: a second run finds nothing.
import type { PrismaClient } from "@prisma/client";
import { invalidateInboxCounts } from "../../models/inbox-counts-cache.server";
import { forgetShopSessions } from "../../shopify/cached-session-storage.server";
import { shopScopedModels } from "./scrub-shop-text.server";

type Deletable = { deleteMany(args: object): Promise<{ count: number }> };

export async function redactShop(db: PrismaClient, shopId: string, shopDomain: string): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  await db.$transaction(async (tx) => {
    for (const model of shopScopedModels()) {
      const delegate = (tx as unknown as Record<string, Deletable>)[model.name[0]!.toLowerCase() + model.name.slice(1)];
      if (!delegate) continue;
      const where = { [model.scope]: model.scope === "shopId" ? shopId : shopDomain };
      deleted[model.name] = (await delegate.deleteMany({ where })).count;
    }
    // Rows without a shopId of their own (template variants, attachments…) go with their parents.
    await tx.shop.deleteMany({ where: { id: shopId } });
  }, { timeout: 60_000 });
  invalidateInboxCounts(shopId);
  forgetShopSessions(shopDomain);
  return deleted;
}

// customers/update: the local customer row follows Shopify's (names, email, phone, language), and
// the panel's cached Admin answers for that customer expire. A redacted customer stays redacted.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { invalidatePanelCache } from "../panel/cache.server";
import { customerGid, PayloadError } from "./order-state";

const customerPayload = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  locale: z.string().nullish(),
});

export async function applyCustomerUpdate(db: PrismaClient, shopId: string, payload: unknown): Promise<number> {
  const parsed = customerPayload.safeParse(payload);
  if (!parsed.success) throw new PayloadError(`customer payload: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  const customer = parsed.data;
  const shopifyCustomerId = customerGid(customer.id);
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ") || null;
  const { count } = await db.customer.updateMany({
    where: { shopId, shopifyCustomerId, redactedAt: null },
    data: {
      ...(customer.email !== undefined ? { email: customer.email } : {}),
      ...(customer.phone !== undefined ? { phone: customer.phone } : {}),
      ...(customer.first_name !== undefined ? { firstName: customer.first_name } : {}),
      ...(customer.last_name !== undefined ? { lastName: customer.last_name } : {}),
      ...(name ? { displayName: name } : {}),
      ...(customer.locale ? { language: customer.locale } : {}),
    },
  });
  await invalidatePanelCache(db, shopId, { customerId: shopifyCustomerId });
  return count;
}

// Who sent an inbound message: the shop's customer matched by Shopify id, email or phone, or a new one.
// Part of intake (intake.server.ts), inside its transaction.
import type { Prisma } from "@prisma/client";

export interface InboundSender {
  email?: string | null;
  name?: string | null;
  phone?: string | null;
  shopifyCustomerId?: string | null;
}

function normaliseEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

function normalisePhone(phone: string | null | undefined): string | null {
  const compact = phone?.replace(/[\s().-]/g, "");
  return compact ? compact : null;
}

/**
 * The shop's customer for a sender: by Shopify customer id, then email, then phone (the oldest match
 * wins); missing details are filled in; a new customer otherwise. Null for an anonymous sender.
 */
export async function resolveCustomer(tx: Prisma.TransactionClient, shopId: string, from: InboundSender, language: string | null) {
  const email = normaliseEmail(from.email);
  const phone = normalisePhone(from.phone);
  const shopifyCustomerId = from.shopifyCustomerId?.trim() || null;
  const name = from.name?.trim() || null;
  const oldest = { orderBy: { createdAt: "asc" as const } };
  let customer = shopifyCustomerId ? await tx.customer.findFirst({ where: { shopId, shopifyCustomerId }, ...oldest }) : null;
  if (!customer && email) customer = await tx.customer.findFirst({ where: { shopId, email: { in: [...new Set([email, from.email!.trim()])] } }, ...oldest });
  if (!customer && phone) customer = await tx.customer.findFirst({ where: { shopId, phone }, ...oldest });
  if (!customer) {
    if (!email && !phone && !shopifyCustomerId) return null;
    return tx.customer.create({ data: { shopId, email, phone, shopifyCustomerId, displayName: name ?? email ?? phone, language } });
  }
  const fill: Prisma.CustomerUpdateInput = {};
  if (!customer.shopifyCustomerId && shopifyCustomerId) fill.shopifyCustomerId = shopifyCustomerId;
  if (!customer.email && email) fill.email = email;
  if (!customer.phone && phone) fill.phone = phone;
  if (!customer.displayName && name) fill.displayName = name;
  if (!customer.language && language) fill.language = language;
  return Object.keys(fill).length > 0 ? tx.customer.update({ where: { id: customer.id }, data: fill }) : customer;
}

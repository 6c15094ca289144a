// Factories shared by tests: every test makes its own shop, so tests never see each other's rows.
import type { PrismaClient } from "@prisma/client";
import { randomUUID } from "node:crypto";

export function uniqueShopDomain(label = "shop"): string {
  return `${label}-${randomUUID().slice(0, 8)}.myshopify.com`;
}

export async function createShop(db: PrismaClient, overrides: { domain?: string; name?: string } = {}) {
  const domain = overrides.domain ?? uniqueShopDomain();
  return db.shop.create({ data: { domain, name: overrides.name ?? domain.split(".")[0]!, ianaTimezone: "Europe/Berlin" } });
}

export async function createTicket(
  db: PrismaClient,
  shopId: string,
  overrides: Partial<{ number: number; subject: string; status: string; priority: string; slaDueAt: Date | null; customerEmail: string }> = {},
) {
  const number = overrides.number ?? Math.floor(Math.random() * 1_000_000) + 1;
  const customer = await db.customer.create({
    data: { shopId, email: overrides.customerEmail ?? `c${number}@example.com`, displayName: `Customer ${number}` },
  });
  return db.ticket.create({
    data: {
      shopId,
      number,
      subject: overrides.subject ?? `Question ${number}`,
      status: overrides.status ?? "open",
      priority: overrides.priority ?? "normal",
      slaDueAt: overrides.slaDueAt === undefined ? new Date(Date.now() + 3_600_000) : overrides.slaDueAt,
      customerId: customer.id,
      messages: { create: { shopId, direction: "inbound", authorType: "customer", bodyText: `Hello about ${number}`, channel: "email" } },
    },
  });
}

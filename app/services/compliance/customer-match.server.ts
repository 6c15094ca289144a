// The local customers a compliance request is about: by Shopify customer id, email or phone.
import type { Customer, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { customerGid } from "../order-events/order-state";

export const complianceCustomer = z.object({
  id: z.union([z.number(), z.string()]).transform(String).nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
});

export type ComplianceCustomer = z.infer<typeof complianceCustomer>;

export async function matchingCustomers(db: PrismaClient, shopId: string, customer: ComplianceCustomer): Promise<Customer[]> {
  const or = [
    ...(customer.id ? [{ shopifyCustomerId: customerGid(customer.id) }] : []),
    ...(customer.email ? [{ email: customer.email }, { email: customer.email.toLowerCase() }] : []),
    ...(customer.phone ? [{ phone: customer.phone }] : []),
  ];
  if (or.length === 0) return [];
  return db.customer.findMany({ where: { shopId, OR: or } });
}

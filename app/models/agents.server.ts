// Agents are the shop's staff as Shopify presents them: the online session's associated user.
import type { Agent, PrismaClient } from "@prisma/client";
import { modelColumns, modelFromRow } from "../db/model-rows.server";
import { sqlReaderFor } from "../db/sql-reader.server";
import { SqlParams } from "./inbox-sql.server";

export interface StaffIdentity {
  shopifyStaffId: string;
  name: string;
  email: string | null;
  locale: string | null;
  accountOwner: boolean;
}

interface OnlineSessionLike {
  userId?: bigint | number | null;
  onlineAccessInfo?: {
    associated_user?: { id: number; first_name?: string; last_name?: string; email?: string; locale?: string; account_owner?: boolean };
  } | null;
}

/** The staff member behind an online session, or null for an offline session (webhooks, jobs). */
export function staffIdentityOf(session: OnlineSessionLike): StaffIdentity | null {
  const user = session.onlineAccessInfo?.associated_user;
  const id = user?.id ?? (session.userId != null ? Number(session.userId) : null);
  if (id == null) return null;
  const name = [user?.first_name, user?.last_name].filter(Boolean).join(" ").trim();
  return {
    shopifyStaffId: String(id),
    name: name || `Staff ${id}`,
    email: user?.email ?? null,
    locale: user?.locale ?? null,
    accountOwner: user?.account_owner ?? false,
  };
}

/**
 * Creates or refreshes the agent for a staff member; the first account owner becomes an admin.
 * `known`: the agent row as the caller already read it (null: none), to save the read.
 */
export async function upsertAgent(db: PrismaClient, shopId: string, staff: StaffIdentity, known?: Agent | null): Promise<Agent> {
  // Runs on every admin request: read first, write only when something changed.
  const existing = known !== undefined ? known : await db.agent.findUnique({ where: { shopId_shopifyStaffId: { shopId, shopifyStaffId: staff.shopifyStaffId } } });
  if (existing && existing.name === staff.name && existing.email === staff.email) return existing;
  return db.agent.upsert({
    where: { shopId_shopifyStaffId: { shopId, shopifyStaffId: staff.shopifyStaffId } },
    create: {
      shopId,
      shopifyStaffId: staff.shopifyStaffId,
      name: staff.name,
      email: staff.email,
      locale: staff.locale?.startsWith("zh") ? "zh-CN" : "en",
      role: staff.accountOwner ? "admin" : "agent",
    },
    update: { name: staff.name, email: staff.email },
  });
}

/** The shop's agents by name (the ticket page's assignee list: on the direct reader, decision 018). */
export async function listAgents(db: PrismaClient, shopId: string): Promise<Agent[]> {
  const reader = sqlReaderFor(db);
  const params = new SqlParams(reader.dialect);
  const rows = await reader.rows(`SELECT ${modelColumns("Agent", "a", reader.dialect)} FROM "Agent" a WHERE a."shopId" = ${params.add(shopId)} ORDER BY a.name ASC`, params.values);
  return rows.map((row) => modelFromRow<Agent>("Agent", row, "a.")!);
}

export async function setAvailability(db: PrismaClient, shopId: string, agentId: string, availability: "available" | "away") {
  const { count } = await db.agent.updateMany({ where: { id: agentId, shopId }, data: { availability } });
  return count === 1;
}

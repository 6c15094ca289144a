// Who else has a ticket open: each open ticket page reports every few seconds; a row older than
// PRESENCE_TTL_MS no longer counts (no extra infrastructure, just a table).
import type { PrismaClient } from "@prisma/client";

export const PRESENCE_TTL_MS = 30_000;
export const PRESENCE_STATES = ["viewing", "typing"] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

export interface PresentAgent {
  agentId: string;
  name: string;
  state: PresenceState;
  lastSeenAt: string;
}

export async function recordPresence(
  db: PrismaClient,
  input: { shopId: string; ticketId: string; agentId: string; state: PresenceState; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await db.ticketPresence.upsert({
    where: { ticketId_agentId: { ticketId: input.ticketId, agentId: input.agentId } },
    create: { ticketId: input.ticketId, agentId: input.agentId, shopId: input.shopId, state: input.state, lastSeenAt: now },
    update: { state: input.state, lastSeenAt: now },
  });
}

/** The other agents seen on this ticket within the last 30 seconds. */
export async function listPresence(
  db: PrismaClient,
  input: { shopId: string; ticketId: string; excludeAgentId?: string | null; now?: Date },
): Promise<PresentAgent[]> {
  const now = input.now ?? new Date();
  const rows = await db.ticketPresence.findMany({
    where: {
      shopId: input.shopId,
      ticketId: input.ticketId,
      lastSeenAt: { gte: new Date(now.getTime() - PRESENCE_TTL_MS) },
      ...(input.excludeAgentId ? { agentId: { not: input.excludeAgentId } } : {}),
    },
    orderBy: { lastSeenAt: "desc" },
  });
  if (rows.length === 0) return [];
  const agents = await db.agent.findMany({ where: { shopId: input.shopId, id: { in: rows.map((row) => row.agentId) } }, select: { id: true, name: true } });
  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  return rows
    .filter((row) => names.has(row.agentId))
    .map((row) => ({
      agentId: row.agentId,
      name: names.get(row.agentId)!,
      state: row.state === "typing" ? "typing" : "viewing",
      lastSeenAt: row.lastSeenAt.toISOString(),
    }));
}

/** Leaving the page: the row goes so others stop seeing you at once. */
export async function clearPresence(db: PrismaClient, input: { shopId: string; ticketId: string; agentId: string }): Promise<void> {
  await db.ticketPresence.deleteMany({ where: { shopId: input.shopId, ticketId: input.ticketId, agentId: input.agentId } });
}

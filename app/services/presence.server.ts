// Who else has a ticket open: each open ticket page reports every few seconds; a row older than
// PRESENCE_TTL_MS no longer counts (no extra infrastructure, just a table).
import type { PrismaClient } from "@prisma/client";
import { sqlDateIso } from "../db/model-rows.server";
import { sqlReaderFor } from "../db/sql-reader.server";
import { SqlParams, timeText } from "../models/inbox-sql.server";

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

/** The other agents seen on this ticket within the last 30 seconds (one statement: every ticket page load and poll runs it). */
export async function listPresence(
  db: PrismaClient,
  input: { shopId: string; ticketId: string; excludeAgentId?: string | null; now?: Date },
): Promise<PresentAgent[]> {
  const now = input.now ?? new Date();
  const reader = sqlReaderFor(db);
  const params = new SqlParams(reader.dialect);
  const rows = await reader.rows<{ agentId: string; name: string; state: string; lastSeenAt: unknown }>(
    `SELECT p."agentId" AS "agentId", a.name AS name, p.state AS state, ${timeText(reader.dialect, 'p."lastSeenAt"')} AS "lastSeenAt"
      FROM "TicketPresence" p JOIN "Agent" a ON a.id = p."agentId"
      WHERE p."shopId" = ${params.add(input.shopId)} AND p."ticketId" = ${params.add(input.ticketId)}
        AND p."lastSeenAt" >= ${params.time(new Date(now.getTime() - PRESENCE_TTL_MS))}
        ${input.excludeAgentId ? `AND p."agentId" <> ${params.add(input.excludeAgentId)}` : ""}
        AND a."shopId" = ${params.add(input.shopId)}
      ORDER BY p."lastSeenAt" DESC`,
    params.values,
  );
  return rows.map((row) => ({
    agentId: row.agentId,
    name: row.name,
    state: row.state === "typing" ? "typing" : "viewing",
    lastSeenAt: sqlDateIso(row.lastSeenAt),
  }));
}

/** Leaving the page: the row goes so others stop seeing you at once. */
export async function clearPresence(db: PrismaClient, input: { shopId: string; ticketId: string; agentId: string }): Promise<void> {
  await db.ticketPresence.deleteMany({ where: { shopId: input.shopId, ticketId: input.ticketId, agentId: input.agentId } });
}

// "Exactly once per due event" = the runner completes a job at most once per dedupeKey, and every
// effect carries its own dedupe key (TicketEvent.dedupeKey, AutomatedSend.eventKey), because a worker
// killed after the effect but before completion makes the job run again.
import type { Prisma, PrismaClient } from "@prisma/client";

export type TransactionClient = Prisma.TransactionClient;

/** By code, not instanceof: the PostgreSQL client is a separately generated client with its own error classes. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && error.name === "PrismaClientKnownRequestError" && (error as { code?: unknown }).code === "P2002";
}

/**
 * Runs `effect` in one transaction. The effect inserts its dedupe row (a TicketEvent with a
 * dedupeKey, an AutomatedSend with an eventKey) together with its changes; when that row already
 * exists the unique violation rolls everything back and the result is `{ applied: false }`.
 */
export async function runOnce<T>(db: PrismaClient, effect: (tx: TransactionClient) => Promise<T>): Promise<{ applied: true; value: T } | { applied: false }> {
  try {
    const value = await db.$transaction((tx) => effect(tx));
    return { applied: true, value };
  } catch (error) {
    if (isUniqueViolation(error)) return { applied: false };
    throw error;
  }
}

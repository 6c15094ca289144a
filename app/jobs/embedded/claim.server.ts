// The embedded runner's own writes, one SQL statement each, for SQLite and PostgreSQL.
// - Claims: SQLite `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING id` — a write statement takes
//   the write lock before it reads (WAL allows one writer; the busy timeout makes others wait), so
//   two workers never claim the same row. PostgreSQL: the subquery locks its rows FOR UPDATE SKIP
//   LOCKED, so concurrent workers take different jobs without waiting on each other.
// - Single statements, not Prisma's updateMany: on SQLite that reads before it writes, and a read
//   transaction that then wants to write fails at once ("database is locked") when another process
//   wrote in between; a statement that writes first waits on the busy timeout instead.
// A job is due when it is queued (or failed, waiting for a retry) and its runAt has come, or when it
// is running under an expired lease (its worker died) and has attempts left.
import type { Prisma } from "@prisma/client";
import type { DatabaseProvider } from "../../db/create-client.server";

type Db = Prisma.TransactionClient;

/** Numbers "?" placeholders as $1, $2… for PostgreSQL (our statements have no other "?"). */
function dialect(provider: DatabaseProvider, sql: string): string {
  if (provider === "sqlite") return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const list = (count: number) => Array.from({ length: count }, () => "?").join(", ");

export interface ClaimRequest {
  workerId: string;
  names: readonly string[];
  limit: number;
  now: Date;
  leaseUntil: Date;
}

/** Claims up to `limit` due jobs for `workerId`; returns their ids. */
export async function claimDueJobIds(db: Db, provider: DatabaseProvider, request: ClaimRequest): Promise<string[]> {
  if (request.names.length === 0 || request.limit <= 0) return [];
  // The limit is an integer literal: a bound number reaches SQLite as a float, which LIMIT refuses.
  const limit = Math.max(1, Math.floor(request.limit));
  const lock = provider === "postgresql" ? " FOR UPDATE SKIP LOCKED" : "";
  const select = `SELECT "id" FROM "Job" WHERE (("status" IN ('queued', 'failed') AND "runAt" <= ?) OR ("status" = 'running' AND "lockedUntil" < ? AND "attempts" < "maxAttempts")) AND "name" IN (${list(request.names.length)}) ORDER BY "runAt" LIMIT ${limit}${lock}`;
  const sql = `UPDATE "Job" SET "status" = 'running', "lockedBy" = ?, "lockedUntil" = ?, "attempts" = "attempts" + 1 WHERE "id" IN (${select}) RETURNING "id"`;
  // Parameters in the order of their placeholders in the text (SQLite binds "?" positionally).
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(dialect(provider, sql), request.workerId, request.leaseUntil, request.now, request.now, ...request.names);
  return rows.map((row) => row.id);
}

export interface JobOutcome {
  status: "done" | "failed" | "dead";
  lastError: string | null;
  finishedAt: Date | null;
  /** When a failed job is retried. */
  runAt: Date | null;
}

/** Records an outcome if `workerId` still holds the claim made for `attempt`; false when the lease was lost. */
export async function recordOutcome(db: Db, provider: DatabaseProvider, job: { id: string; attempts: number }, workerId: string, outcome: JobOutcome): Promise<boolean> {
  const sql = `UPDATE "Job" SET "status" = ?, "lockedBy" = NULL, "lockedUntil" = NULL, "lastError" = COALESCE(?, "lastError"), "finishedAt" = ?, "runAt" = COALESCE(?, "runAt") WHERE "id" = ? AND "lockedBy" = ? AND "attempts" = CAST(? AS INTEGER) AND "status" = 'running'`;
  const count = await db.$executeRawUnsafe(dialect(provider, sql), outcome.status, outcome.lastError, outcome.finishedAt, outcome.runAt, job.id, workerId, String(job.attempts));
  return count > 0;
}

export async function extendLeases(db: Db, provider: DatabaseProvider, ids: readonly string[], workerId: string, leaseUntil: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const sql = `UPDATE "Job" SET "lockedUntil" = ? WHERE "lockedBy" = ? AND "status" = 'running' AND "id" IN (${list(ids.length)})`;
  return db.$executeRawUnsafe(dialect(provider, sql), leaseUntil, workerId, ...ids);
}

/** Jobs whose worker died during their last attempt: nobody may claim them again, so they are dead. */
export async function buryAbandonedJobs(db: Db, provider: DatabaseProvider, names: readonly string[], now: Date): Promise<number> {
  if (names.length === 0) return 0;
  const sql = `UPDATE "Job" SET "status" = 'dead', "lockedBy" = NULL, "lockedUntil" = NULL, "finishedAt" = ?, "lastError" = 'the worker stopped during the last attempt (lease expired)' WHERE "status" = 'running' AND "lockedUntil" < ? AND "attempts" >= "maxAttempts" AND "name" IN (${list(names.length)})`;
  return db.$executeRawUnsafe(dialect(provider, sql), now, now, ...names);
}

/** Finished jobs older than the retention window go; a done job's dedupeKey keeps its due event a no-op until then. */
export async function pruneFinishedJobs(db: Db, provider: DatabaseProvider, now: Date, retention: { doneMs: number; deadMs: number }): Promise<number> {
  const sql = `DELETE FROM "Job" WHERE ("status" = 'done' AND "finishedAt" < ?) OR ("status" = 'dead' AND "finishedAt" < ?)`;
  return db.$executeRawUnsafe(dialect(provider, sql), new Date(now.getTime() - retention.doneMs), new Date(now.getTime() - retention.deadMs));
}

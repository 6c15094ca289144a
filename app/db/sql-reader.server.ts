// Read-only SQL straight on the driver Prisma uses, for the few statements every admin request runs.
// Prisma's client does 0.2–1 ms of work per call (argument mapping, its query engine, result
// deserialisation) around statements that take SQLite 0.02–0.2 ms; on the inbox that overhead was most
// of the request (bench/RESULTS.md "Inbox", docs/decisions/018-direct-sql-reads.md). The reader runs on
// the same connection (SQLite: behind the same lock, so it never reads inside another caller's open
// transaction) or the same pool (PostgreSQL), so it sees what Prisma wrote. Writes stay with Prisma.
import type { PrismaClient } from "@prisma/client";
import type Database from "better-sqlite3";
import type pg from "pg";

export type SqlDialect = "sqlite" | "postgresql";

export interface SqlReader {
  readonly dialect: SqlDialect;
  /** Rows as objects keyed by column name. Values: SQLite's own (text, numbers); PostgreSQL's via pg's parsers. */
  rows<T = Record<string, unknown>>(sql: string, values: readonly unknown[]): Promise<T[]>;
}

const readers = new WeakMap<object, SqlReader>();

export function registerSqlReader(client: PrismaClient, reader: SqlReader): void {
  readers.set(client, reader);
}

/**
 * The direct reader of a client made by createPrismaClient. Anything else (a transaction client, a
 * client made elsewhere) reads through Prisma's `$queryRawUnsafe`: same SQL, same rows, slower.
 */
export function sqlReaderFor(db: PrismaClient): SqlReader {
  return readers.get(db) ?? prismaReader(db);
}

function prismaReader(db: PrismaClient): SqlReader {
  // The generated client names its provider ("sqlite" or "postgresql"); transaction clients forward it.
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  return {
    dialect: provider === "postgresql" ? "postgresql" : "sqlite",
    rows: <T>(sql: string, values: readonly unknown[]) => db.$queryRawUnsafe<T[]>(sql, ...values),
  };
}

/** SQLite binds numbers, text, bigints, buffers and null only. */
function sqliteValue(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  return value === undefined ? null : value;
}

const STATEMENT_CACHE_SIZE = 200;

/** What the SQLite reader needs from the connection: better-sqlite3's own prepare. */
export interface SqliteConnection {
  prepare(sql: string): Database.Statement;
}

/**
 * A reader on the SQLite connection. `withConnection` runs the callback when the connection is free
 * (the adapter's lock). Prepared statements are kept per connection by SQL text.
 */
export function sqliteReader(withConnection: <T>(read: (connection: SqliteConnection) => T) => Promise<T>): SqlReader {
  const caches = new WeakMap<SqliteConnection, Map<string, PreparedRead>>();
  return {
    dialect: "sqlite",
    rows: <T>(sql: string, values: readonly unknown[]) =>
      withConnection((connection) => {
        let statements = caches.get(connection);
        if (!statements) caches.set(connection, (statements = new Map()));
        let prepared = statements.get(sql);
        if (prepared) {
          statements.delete(sql); // re-inserted below: the Map's order is the recency order
        } else {
          prepared = prepareRead(connection, sql);
          if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        }
        statements.set(sql, prepared);
        return objectsFrom(prepared, prepared.statement.all(...values.map(sqliteValue)) as unknown[][]) as T[];
      }),
  };
}

interface PreparedRead {
  statement: Database.Statement;
  columns: string[];
}

// Rows come back as arrays and become objects here: better-sqlite3 building each row object in C++
// costs more than the statement itself on a 50-row page (bench/inbox: 0.58 vs 0.46 ms).
function prepareRead(connection: SqliteConnection, sql: string): PreparedRead {
  const statement = connection.prepare(sql);
  statement.raw(true);
  return { statement, columns: statement.columns().map((column) => column.name) };
}

function objectsFrom({ columns }: PreparedRead, rows: unknown[][]): Record<string, unknown>[] {
  return rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (let index = 0; index < columns.length; index++) object[columns[index]!] = row[index];
    return object;
  });
}

// `timestamp(3)` columns hold UTC without a zone; pg's default parser would read them as local time.
const TIMESTAMP_WITHOUT_ZONE = 1114;

function utcTimestamp(text: string): Date {
  return new Date(`${text.replace(" ", "T")}Z`);
}

/** A reader on the PostgreSQL pool Prisma's adapter uses (`currentPool` connects it first if need be). */
export function postgresReader(currentPool: () => Promise<pg.Pool>, types: typeof pg.types): SqlReader {
  const parsers = {
    getTypeParser: (oid: number, format?: "text" | "binary") =>
      oid === TIMESTAMP_WITHOUT_ZONE && format !== "binary" ? utcTimestamp : types.getTypeParser(oid, format as "text"),
  };
  return {
    dialect: "postgresql",
    rows: async <T>(sql: string, values: readonly unknown[]) => {
      const pool = await currentPool();
      const result = await pool.query({ text: sql, values: [...values], types: parsers as pg.CustomTypesConfig });
      return result.rows as T[];
    },
  };
}

// Bulk loading for the benchmarks' seeds: a fresh, migrated SQLite file or PostgreSQL database and
// batched multi-row inserts on the bare drivers (Prisma row by row would take hours for 1M rows).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export type Value = string | number | null;
export type ColumnType = "text" | "int" | "bool" | "ts" | "float" | "json";
export interface Sink {
  insert(table: string, columns: [string, ColumnType][], rows: Value[][]): Promise<void>;
  close(): Promise<void>;
}

const repoRoot = path.resolve(import.meta.dirname, "..");
export const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function benchPgUrl(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00"); // Prisma's SQLite format

function sqliteSink(file: string): Sink {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const statements = new Map<string, Database.Statement>();
  return {
    async insert(table, columns, rows) {
      const perStatement = Math.max(1, Math.floor(900 / columns.length));
      const run = db.transaction(() => {
        for (let start = 0; start < rows.length; start += perStatement) {
          const chunk = rows.slice(start, start + perStatement);
          const key = `${table}:${columns.map(([name]) => name).join(",")}:${chunk.length}`;
          let statement = statements.get(key);
          if (!statement) {
            const tuple = `(${columns.map(() => "?").join(",")})`;
            statement = db.prepare(`INSERT INTO "${table}" (${columns.map(([name]) => `"${name}"`).join(",")}) VALUES ${chunk.map(() => tuple).join(",")}`);
            statements.set(key, statement);
          }
          statement.run(...chunk.flat().map((value, index) => (columns[index % columns.length]![1] === "ts" && typeof value === "number" ? iso(value) : value)));
        }
      });
      run();
    },
    async close() {
      db.pragma("optimize");
      db.exec("ANALYZE");
      db.close();
    },
  };
}

async function postgresSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const cast: Record<ColumnType, string> = { text: "text", int: "int", bool: "boolean", ts: "timestamp(3)", float: "double precision", json: "jsonb" };
  return {
    async insert(table, columns, rows) {
      for (let start = 0; start < rows.length; start += 5000) {
        const chunk = rows.slice(start, start + 5000);
        const arrays = columns.map(([, type], index) =>
          chunk.map((row) => {
            const value = row[index]!;
            if (value === null) return null;
            if (type === "ts") return new Date(value as number).toISOString();
            if (type === "bool") return value === 1 ? "true" : "false";
            return String(value);
          }),
        );
        const params = columns.map((_column, index) => `$${index + 1}::text[]`).join(", ");
        const select = columns.map(([name, type]) => `"${name}"::${cast[type]}`).join(", ");
        await client.query(
          `INSERT INTO "${table}" (${columns.map(([name]) => `"${name}"`).join(",")}) SELECT ${select} FROM unnest(${params}) AS t(${columns.map(([name]) => `"${name}"`).join(",")})`,
          arrays,
        );
      }
    },
    async close() {
      // VACUUM too: bulk-loaded tables have no visibility map yet, so index-only scans (the view counts)
      // would visit the heap until autovacuum gets round to them.
      await client.query("VACUUM ANALYZE");
      await client.end();
    },
  };
}

function migrate(provider: "sqlite" | "postgresql", url: string) {
  const args = provider === "sqlite" ? ["migrate", "deploy"] : ["migrate", "deploy", "--config", "prisma/postgresql/prisma.config.ts"];
  execFileSync(path.join(repoRoot, "node_modules", ".bin", "prisma"), args, { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

/** Drops and recreates the benchmark database, applies the migrations and returns a bulk-insert sink. */
export async function openBenchDatabase(provider: "sqlite" | "postgresql", target: { sqliteFile: string; pgDatabase: string }): Promise<Sink> {
  if (provider === "sqlite") {
    mkdirSync(path.dirname(target.sqliteFile), { recursive: true });
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${target.sqliteFile}${suffix}`, { force: true });
    new Database(target.sqliteFile).close();
    migrate("sqlite", `file:${target.sqliteFile}`);
    return sqliteSink(target.sqliteFile);
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${target.pgDatabase}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${target.pgDatabase}"`);
  await admin.end();
  migrate("postgresql", benchPgUrl(target.pgDatabase));
  return postgresSink(benchPgUrl(target.pgDatabase));
}

export function weighted(random: () => number, weights: readonly (readonly [string, number])[]): string {
  let roll = random();
  for (const [value, weight] of weights) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weights[weights.length - 1]![0];
}

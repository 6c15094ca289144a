// Searches every text column of every table (SQLite: every column of every table, FTS shadow tables
// included; PostgreSQL: every text, varchar and jsonb column) for the given strings.
import type { PrismaClient } from "@prisma/client";
import { testDatabaseKind } from "../setup/databases";

export interface TextHit {
  table: string;
  column: string;
  needle: string;
  rows: number;
}

async function sqliteColumns(db: PrismaClient): Promise<{ table: string; column: string }[]> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%'`);
  const columns: { table: string; column: string }[] = [];
  for (const { name } of tables) {
    const info = await db.$queryRawUnsafe<{ name: string; type: string }[]>(`SELECT name, type FROM pragma_table_info('${name.replace(/'/g, "''")}')`);
    for (const column of info) if (!/INT|REAL|NUMERIC|DECIMAL|BOOLEAN|DATETIME/i.test(column.type)) columns.push({ table: name, column: column.name });
  }
  return columns;
}

async function postgresColumns(db: PrismaClient): Promise<{ table: string; column: string }[]> {
  const rows = await db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'character')`,
  );
  return rows.map((row) => ({ table: row.table_name, column: row.column_name }));
}

export async function findText(db: PrismaClient, needles: string[]): Promise<TextHit[]> {
  const postgres = testDatabaseKind() === "postgresql";
  const columns = postgres ? await postgresColumns(db) : await sqliteColumns(db);
  const hits: TextHit[] = [];
  for (const { table, column } of columns) {
    for (const needle of needles) {
      const sql = postgres
        ? `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE $1`
        : `SELECT count(*) AS n FROM "${table}" WHERE CAST("${column}" AS TEXT) LIKE ?`;
      const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(sql, `%${needle}%`);
      const count = Number(row?.n ?? 0);
      if (count > 0) hits.push({ table, column, needle, rows: count });
    }
  }
  return hits;
}

export async function scannedColumnCount(db: PrismaClient): Promise<number> {
  return (testDatabaseKind() === "postgresql" ? await postgresColumns(db) : await sqliteColumns(db)).length;
}

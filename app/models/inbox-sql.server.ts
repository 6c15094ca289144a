// SQL text for the inbox's hot path, for both databases. The inbox page runs on every load, and each
// Prisma query costs about a millisecond of client-side work (bench/inbox: ~1 ms per findMany against
// 0.05–0.2 ms of database time), so the page is a few hand-written statements instead of a dozen
// queries. Values are always bound, never interpolated.
import { sqlDate } from "../db/model-rows.server";
import type { SqlDialect } from "../db/sql-reader.server";

export type { SqlDialect };

/** Bound values of one statement, in the order their placeholders appear (SQLite's `?` are positional). */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(readonly dialect: SqlDialect) {}

  add(value: unknown): string {
    this.values.push(value);
    return this.dialect === "sqlite" ? "?" : `$${this.values.length}`;
  }

  list(values: readonly unknown[]): string {
    return values.map((value) => this.add(value)).join(", ");
  }

  /**
   * An instant as the column stores it: SQLite holds Prisma's text form (`…T…+00:00`, compared as text),
   * PostgreSQL `timestamp(3)` in UTC.
   */
  time(date: Date): string {
    const iso = date.toISOString();
    return this.dialect === "sqlite" ? this.add(iso.replace("Z", "+00:00")) : `${this.add(iso)}::timestamp`;
  }

  /** `column IN (the ids)` with one bound value (a JSON array), however many ids. */
  inIds(column: string, ids: readonly string[]): string {
    const json = this.add(JSON.stringify(ids));
    return this.dialect === "sqlite"
      ? `${column} IN (SELECT value FROM json_each(${json}))`
      : `${column} IN (SELECT jsonb_array_elements_text(${json}::jsonb))`;
  }
}

/** A DateTime column read back as ISO-8601 text with its zone (parsed by parseSqlTime). */
export function timeText(dialect: SqlDialect, column: string): string {
  return dialect === "sqlite" ? column : `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

export function parseSqlTime(value: unknown): Date | null {
  return value === null || value === undefined ? null : sqlDate(value);
}

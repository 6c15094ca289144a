// The raw-SQL floor of a loader: the statements the app actually sent to the driver for one request,
// recorded on the wire (better-sqlite3's Statement run/get/all/iterate, pg's Client.query) with their bound values,
// then replayed on a bare connection of the same driver. So the floor is exactly the loader's SQL
// (every query: session, shop, agent, page, rows, relations, agents), minus Prisma and the app.
import Database from "better-sqlite3";
import pg from "pg";

export interface CapturedStatement {
  sql: string;
  values: unknown[];
}

let recording: CapturedStatement[] | null = null;
let installed = false;

/** Patch the two drivers once (a pass-through unless a capture is running). */
export function installSqlCapture(): void {
  if (installed) return;
  installed = true;
  // The app may prepare once and pass values at run time (its statement cache) or bind them first.
  const probe = new Database(":memory:");
  const prototype = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  const bound = new WeakMap<object, unknown[]>();
  const valuesOf = (args: unknown[]) => (args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args);
  const bind = prototype.bind!;
  prototype.bind = function (this: object, ...args: unknown[]) {
    bound.set(this, valuesOf(args));
    return bind.apply(this, args);
  };
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = prototype[method]!;
    prototype[method] = function (this: { source: string }, ...args: unknown[]) {
      recording?.push({ sql: this.source, values: args.length > 0 ? valuesOf(args) : (bound.get(this) ?? []) });
      return original.apply(this, args);
    };
  }
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0];
    if (recording && typeof config === "object" && config !== null && "text" in config) {
      const { text, values } = config as { text: string; values?: unknown[] };
      recording.push({ sql: text, values: values ?? [] });
    }
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

/** The statements `run` sends to the database. */
export async function captureSql(run: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const statements: CapturedStatement[] = [];
  recording = statements;
  try {
    await run();
  } finally {
    recording = null;
  }
  return statements;
}

/** Replays statements one after another on a bare connection, reading every row as the adapter does. */
export function replayer(provider: "sqlite" | "postgresql", connection: { sqlite?: Database.Database; pg?: pg.Client }) {
  if (provider === "sqlite") {
    const db = connection.sqlite!;
    return async (statements: CapturedStatement[]) => {
      for (const statement of statements) {
        const prepared = db.prepare(statement.sql);
        if (prepared.reader) prepared.raw().all(statement.values);
        else prepared.run(statement.values);
      }
    };
  }
  const client = connection.pg!;
  return async (statements: CapturedStatement[]) => {
    for (const statement of statements) await client.query({ text: statement.sql, values: statement.values, rowMode: "array" });
  };
}

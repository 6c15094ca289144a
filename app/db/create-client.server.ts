import { PrismaClient } from "@prisma/client";
import Database from "better-sqlite3";
import type { Pool } from "pg";
import { SerializedBetterSQLite3 } from "./serialized-sqlite-adapter.server";
import { postgresReader, registerSqlReader, sqliteReader } from "./sql-reader.server";
import { createRequire } from "node:module";
import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

/** `file:./prisma/dev.sqlite` → an absolute path (relative to the working directory, like Prisma's CLI config). */
export function sqliteFilePath(url: string): string {
  const withoutScheme = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return withoutScheme.startsWith("/") ? withoutScheme : path.resolve(process.cwd(), withoutScheme);
}

// WAL lets readers work while a writer commits; the busy timeout makes concurrent writers wait, not fail.
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export async function createPrismaClient(url: string): Promise<PrismaClient> {
  if (databaseProvider(url) === "sqlite") {
    const file = sqliteFilePath(url);
    let setup: Database.Database;
    try {
      setup = new Database(file, { fileMustExist: true });
    } catch {
      throw new Error(`SQLite database ${file} does not exist: run \`npm run setup\` (or \`npm run demo\`) first`);
    }
    setup.pragma("journal_mode = WAL");
    // Keeps the query planner's statistics current (cheap when nothing changed); without them SQLite
    // can pick a shop-wide index over a ticket's own.
    setup.pragma("optimize = 0x10002");
    setup.close();
    // One connection: statements outside a transaction wait for it (serialized-sqlite-adapter.server.ts).
    const adapter = new SerializedBetterSQLite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
    const client = new PrismaClient({ adapter });
    registerSqlReader(
      client,
      sqliteReader(async (read) => {
        if (!adapter.connected) await client.$connect();
        return adapter.withConnection(read);
      }),
    );
    return client;
  }
  // The PostgreSQL client is generated from prisma/postgresql/schema.prisma into node_modules/.prisma
  // (beside the SQLite one, where npm leaves it alone): Prisma fixes the provider per generated client,
  // the models are identical. `.prisma/…` is loadable with require only, as @prisma/client does.
  const { PrismaClient: PostgresPrismaClient } = createRequire(import.meta.url)(".prisma/client-postgresql") as {
    PrismaClient: typeof PrismaClient;
  };
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { default: pg } = await import("pg");
  // The adapter makes a pool on each connect (again after a $disconnect); the direct reader
  // (sql-reader.server.ts) uses whichever is current, so it shares Prisma's connections.
  class PoolSharingPrismaPg extends PrismaPg {
    pool: Pool | null = null;

    override async connect() {
      const connected = await super.connect();
      this.pool = (connected as unknown as { client: Pool }).client;
      return connected;
    }
  }
  const adapter = new PoolSharingPrismaPg({ connectionString: url });
  const client = new PostgresPrismaClient({ adapter });
  registerSqlReader(
    client,
    postgresReader(async () => {
      if (!adapter.pool || adapter.pool.ended) await client.$connect();
      return adapter.pool!;
    }, pg.types),
  );
  return client;
}


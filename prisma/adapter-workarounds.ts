// Workarounds for Prisma 6.19's WASM schema engine (`engine: "js"`) with driver adapters, needed only
// where Prisma's native engines cannot be downloaded (see docs/decisions/002-prisma-offline.md).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PoolConfig } from "pg";

type ScriptCapable = {
  executeRaw(query: { sql: string; args: unknown[] }): Promise<number>;
  executeScript(script: string): Promise<void>;
};

// The SQLite shadow database receives whole migration scripts through executeRaw(), which
// better-sqlite3 rejects when they hold more than one statement: fall back to executeScript().
function allowMultiStatementRaw<T extends ScriptCapable>(adapter: T): T {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    try {
      return await executeRaw(query);
    } catch {
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return adapter;
}

export class SqliteMigrateAdapterFactory extends PrismaBetterSQLite3 {
  async connect() {
    return allowMultiStatementRaw((await super.connect()) as unknown as ScriptCapable) as never;
  }
  async connectToShadowDb() {
    return allowMultiStatementRaw((await super.connectToShadowDb()) as unknown as ScriptCapable) as never;
  }
}

// adapter-pg cannot map catalog columns of type `name` (OID 19) and `"char"` (OID 18): report them as text.
let pgCatalogTypesPatched = false;
function reportCatalogTypesAsText<T extends object>(adapter: T): T {
  if (pgCatalogTypesPatched) return adapter;
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto) return adapter;
  const performIO = proto.performIO as (this: unknown, query: unknown) => Promise<{ fields?: { dataTypeID: number }[] }>;
  proto.performIO = async function (this: unknown, query: unknown) {
    const result = await performIO.call(this, query);
    for (const field of result.fields ?? []) if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  pgCatalogTypesPatched = true;
  return adapter;
}

function poolConfig(url: string, database?: string): PoolConfig {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    database: database ?? decodeURIComponent(parsed.pathname.slice(1)),
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
  };
}

// adapter-pg's own shadow database handling reuses the main database when given a connection string.
export class PgMigrateAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super(poolConfig(url));
  }
  async connect() {
    return reportCatalogTypesAsText(await super.connect());
  }
  async connectToShadowDb() {
    const main = await super.connect();
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = reportCatalogTypesAsText(await new PrismaPg(poolConfig(this.url, name)).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await main.dispose();
    };
    return shadow;
  }
}

// Test databases: one migrated template per run, copied per vitest worker (no cleanup code: tests
// create their own shops). SQLite by default; PostgreSQL when TEST_DATABASE_URL=postgresql://… is set.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");
// Each `vitest run` gets its own databases (several runs may share a machine); the global setup
// picks the run id and the workers inherit it through the environment.
const runId = (process.env.SHOPDESK_TEST_RUN_ID ??= `${process.pid}_${Date.now().toString(36)}`);
const testRoot = path.join(repoRoot, ".tmp", "test-db");
export const testDataDir = path.join(testRoot, runId);
const sqliteTemplate = path.join(testDataDir, "template.sqlite");
const PG_TEMPLATE_DB = `shopdesk_test_${runId}_template`;

export function testDatabaseKind(): "sqlite" | "postgresql" {
  return process.env.TEST_DATABASE_URL?.startsWith("postgres") ? "postgresql" : "sqlite";
}

function runPrisma(args: string[], databaseUrl: string) {
  // The real migration path, exactly as `npm run setup` runs it.
  execFileSync(path.join(repoRoot, "node_modules", ".bin", "prisma"), args, {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: withDatabase(process.env.TEST_DATABASE_URL!, "postgres") });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Global setup: build the migrated template once per run. */
export async function prepareTemplateDatabase(): Promise<void> {
  if (testDatabaseKind() === "sqlite") {
    mkdirSync(testDataDir, { recursive: true });
    runPrisma(["migrate", "deploy"], `file:${sqliteTemplate}`);
    return;
  }
  await adminQuery(`CREATE DATABASE "${PG_TEMPLATE_DB}"`);
  runPrisma(["migrate", "deploy", "--config", "prisma/postgresql/prisma.config.ts"], withDatabase(process.env.TEST_DATABASE_URL!, PG_TEMPLATE_DB));
}

/** Per worker: a private copy of the template; returns its DATABASE_URL. */
export async function workerDatabaseUrl(workerId: string): Promise<string> {
  if (testDatabaseKind() === "sqlite") {
    const file = path.join(testDataDir, `worker-${workerId}.sqlite`);
    if (!existsSync(file)) copyFileSync(sqliteTemplate, file);
    return `file:${file}`;
  }
  const name = `shopdesk_test_${runId}_w${workerId}`;
  const { rowCount } = await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  if (!rowCount) await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${PG_TEMPLATE_DB}"`);
  return withDatabase(process.env.TEST_DATABASE_URL!, name);
}

/** Global teardown: this run's databases go. */
export async function dropRunDatabases(): Promise<void> {
  if (testDatabaseKind() === "sqlite") {
    rmSync(testDataDir, { recursive: true, force: true });
    return;
  }
  const { rows } = await adminQuery(`SELECT datname FROM pg_database WHERE datname LIKE 'shopdesk_test_${runId}_%'`);
  const names = (rows as { datname: string }[]).map((row) => row.datname);
  // Worker copies first: they were made from the template.
  for (const name of [...names.filter((name) => name !== PG_TEMPLATE_DB), PG_TEMPLATE_DB]) {
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

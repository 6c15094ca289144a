// `npm run prisma:migration -- <name>`: writes one migration per database for the change between the
// committed prisma/schema.prisma (git HEAD) and the working copy. Diffing schema to schema (not
// migrations to schema) keeps raw-SQL objects such as the FTS5 search index out of the diff (decision 002).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { postgresSchemaFrom } from "./postgresql-schema";

const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run prisma:migration -- <snake_case_name>");
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), "shopdesk-migration-"));
const committedSqlite = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" });
const currentSqlite = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

const targets = [
  { folder: path.join(root, "prisma", "migrations"), from: committedSqlite, to: currentSqlite, config: [] as string[] },
  {
    folder: path.join(root, "prisma", "postgresql", "migrations"),
    from: postgresSchemaFrom(committedSqlite),
    to: postgresSchemaFrom(currentSqlite),
    config: ["--config", "prisma/postgresql/prisma.config.ts"],
  },
];

for (const [index, target] of targets.entries()) {
  const fromFile = path.join(work, `from-${index}.prisma`);
  const toFile = path.join(work, `to-${index}.prisma`);
  writeFileSync(fromFile, target.from);
  writeFileSync(toFile, target.to);
  const sql = execFileSync(
    path.join(root, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", ...target.config, "--from-schema-datamodel", fromFile, "--to-schema-datamodel", toFile, "--script"],
    { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? (index === 0 ? "file:./prisma/dev.sqlite" : "postgresql://postgres@127.0.0.1:5432/postgres") } },
  );
  const folder = path.join(target.folder, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  console.log(`wrote ${path.relative(root, folder)}/migration.sql`);
}

// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma: the models are shared; only the
// datasource provider and the generated client's location differ. `--check` fails when it is stale.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const sqliteSchemaPath = path.join(here, "schema.prisma");
const postgresSchemaPath = path.join(here, "postgresql", "schema.prisma");

export function postgresSchemaFrom(sqliteSchema: string): string {
  const header =
    "// GENERATED from prisma/schema.prisma by `npm run prisma:pg-schema`. Do not edit by hand.\n";
  const converted = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost:5432/shopdesk"')
    .replace(
      /engineType = "client"\n/,
      'engineType = "client"\n  output     = "../../node_modules/.prisma/client-postgresql"\n',
    );
  return header + converted;
}

function main() {
  const expected = postgresSchemaFrom(readFileSync(sqliteSchemaPath, "utf8"));
  if (process.argv.includes("--check")) {
    const actual = readFileSync(postgresSchemaPath, "utf8");
    if (actual !== expected) {
      console.error("prisma/postgresql/schema.prisma is stale: run `npm run prisma:pg-schema`");
      process.exit(1);
    }
    return;
  }
  writeFileSync(postgresSchemaPath, expected);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

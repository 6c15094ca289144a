// Build-time script (never imported by the app): writes the pinned Admin API schema that
// @shopify/dev-mcp ships (gzipped introspection) to app/types/admin-<version>.schema.json, the file
// @shopify/api-codegen-preset reads instead of downloading the schema. The file is ~10 MB and
// gitignored (app/types/.gitignore); `npm run graphql-codegen` recreates it.
//
//   npx tsx app/shopify/extract-admin-schema.ts [outputDir]
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { adminSchemaPath } from "../../dev/admin-schema";
import { ADMIN_API_VERSION } from "./api-version";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const GENERATED_TYPES_DIR = join(REPO_ROOT, "app", "types");

/** The name api-codegen-preset looks for in its output folder (`admin-<version>.schema.json`). */
export function adminSchemaFileName(version: string = ADMIN_API_VERSION): string {
  return `admin-${version}.schema.json`;
}

/**
 * Writes the introspection JSON into `outputDir` unless an identical file is already there (so
 * concurrent runs and repeated runs are cheap). Returns the file's path.
 */
export function writeAdminSchemaFile(outputDir: string = GENERATED_TYPES_DIR, version: string = ADMIN_API_VERSION): string {
  const target = join(outputDir, adminSchemaFileName(version));
  const json = gunzipSync(readFileSync(adminSchemaPath(version)));
  if (existsSync(target) && readFileSync(target).equals(json)) return target;
  mkdirSync(outputDir, { recursive: true });
  // Write then rename: a reader (codegen, the freshness test) never sees a half-written file.
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, json);
  renameSync(temporary, target);
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = writeAdminSchemaFile(process.argv[2] ? resolve(process.argv[2]) : GENERATED_TYPES_DIR);
  console.log(`Admin API ${ADMIN_API_VERSION} schema: ${written}`);
}

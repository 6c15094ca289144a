import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import {
  buildClientSchema,
  parse,
  validate,
  GraphQLError,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";

export const DEFAULT_ADMIN_SCHEMA_VERSION = "2026-10";

const schemaCache = new Map<string, GraphQLSchema>();

/**
 * Where @shopify/dev-mcp keeps its gzipped introspection results. The package's `exports` hide
 * package.json from require.resolve, so walk up from this file (and the cwd) to node_modules.
 */
export function adminSchemaPath(version: string): string {
  const fileName = join("node_modules", "@shopify", "dev-mcp", "dist", "data", `admin_${version}.json.gz`);
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const candidate = join(dir, fileName);
      if (existsSync(candidate)) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`Admin schema ${version} is not available (looked for ${fileName}; is @shopify/dev-mcp installed?)`);
}

/** The real Admin GraphQL schema for `version`, built once per process and version. */
export function loadAdminSchema(version = DEFAULT_ADMIN_SCHEMA_VERSION): GraphQLSchema {
  const cached = schemaCache.get(version);
  if (cached) return cached;
  if (!/^(\d{4}-\d{2}|unstable)$/.test(version)) throw new Error(`Invalid Admin API version "${version}"`);
  const raw = readFileSync(adminSchemaPath(version));
  const introspection = JSON.parse(gunzipSync(raw).toString("utf8")) as { data?: IntrospectionQuery } & Partial<IntrospectionQuery>;
  const schema = buildClientSchema(introspection.data ?? (introspection as IntrospectionQuery));
  schemaCache.set(version, schema);
  return schema;
}

/** True when the dev-mcp package ships a schema for this version (used for 404s in the emulator). */
export function hasAdminSchema(version: string): boolean {
  if (schemaCache.has(version)) return true;
  if (!/^(\d{4}-\d{2}|unstable)$/.test(version)) return false;
  try {
    adminSchemaPath(version);
    return true;
  } catch {
    return false;
  }
}

/** Parses and validates a document; syntax errors are returned as errors, not thrown. */
export function validateAdminDocument(source: string, version = DEFAULT_ADMIN_SCHEMA_VERSION): readonly GraphQLError[] {
  let document;
  try {
    document = parse(source);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  return validate(loadAdminSchema(version), document);
}

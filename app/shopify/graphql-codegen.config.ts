// GraphQL Code Generator config for the Admin API operation types: `npm run graphql-codegen`.
// Writes app/types/admin.types.d.ts (every schema type) and app/types/admin.generated.d.ts (a
// `<Name>Query|Mutation` + `<Name>Query|MutationVariables` pair per NAMED operation in app/), offline:
// the schema comes from @shopify/dev-mcp (see extract-admin-schema.ts).
import type { CodegenConfig } from "@graphql-codegen/cli";
import { ApiType, pluckConfig, shopifyApiTypes } from "@shopify/api-codegen-preset";
import { ADMIN_API_VERSION } from "./api-version";
import { writeAdminSchemaFile } from "./extract-admin-schema";

/** Relative to the repository root, which is the codegen cwd. */
export const ADMIN_TYPES_DIR = "./app/types";

/**
 * Template literals marked /* GraphQL *\/ (or starting with a #graphql line) in app/, as in the
 * validation test. app/types is skipped: it holds no documents and 4 MB of declarations.
 */
export const ADMIN_DOCUMENTS = ["./app/**/*.{ts,tsx}", "!./app/types/**"];

export const ADMIN_TYPES_FILE = "admin.types.d.ts";
export const ADMIN_OPERATIONS_FILE = "admin.generated.d.ts";

/**
 * `outputDir` (relative to the cwd) is where the two files and the schema file the preset reads go.
 * The preset uses the local schema only if that file exists when `shopifyApiTypes` runs (otherwise
 * it downloads from shopify.dev), so it is written first. test/shopify/codegen-fresh.test.ts runs
 * this config in memory and compares the result with the committed files.
 */
export function adminCodegenConfig(outputDir: string = ADMIN_TYPES_DIR): CodegenConfig {
  writeAdminSchemaFile(outputDir);
  const generates = shopifyApiTypes({
    apiType: ApiType.Admin,
    apiVersion: ADMIN_API_VERSION,
    documents: ADMIN_DOCUMENTS,
    outputDir,
  });
  // Enums as string-literal unions ("PAID" | "PENDING" | ...) instead of TypeScript enums: the
  // Admin API answers with plain strings and a `.d.ts` enum has no runtime value to compare against.
  const types = generates[`${outputDir}/${ADMIN_TYPES_FILE}`];
  if (!types || Array.isArray(types) || typeof types !== "object" || !("plugins" in types)) {
    throw new Error(`@shopify/api-codegen-preset no longer generates ${outputDir}/${ADMIN_TYPES_FILE}`);
  }
  types.config = { ...types.config, enumsAsTypes: true };
  // The preset's pluck hook (also finds literals whose first line is #graphql) is wider than
  // CodegenConfig's declared pluckConfig type.
  return { overwrite: true, silent: true, pluckConfig: pluckConfig as CodegenConfig["pluckConfig"], generates };
}

export default adminCodegenConfig();

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import { ADMIN_OPERATIONS_FILE, ADMIN_TYPES_DIR, ADMIN_TYPES_FILE, adminCodegenConfig } from "../../app/shopify/graphql-codegen.config";

const ROOT = join(import.meta.dirname, "..", "..");
const REGENERATE = "the committed file is stale: run `npm run graphql-codegen` and commit app/types";

/** "line N: committed … / generated …" for the first line that differs (the files can be 4 MB). */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split("\n");
  const b = generated.split("\n");
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}:\n  committed: ${a[at]?.slice(0, 300) ?? "<end of file>"}\n  generated: ${b[at]?.slice(0, 300) ?? "<end of file>"}`;
}

describe("generated Admin API types are up to date", () => {
  // Runs the same config as `npm run graphql-codegen`, in memory (saveToFile = false), and compares.
  it(
    `app/types/${ADMIN_OPERATIONS_FILE} and ${ADMIN_TYPES_FILE} match the documents in app/ and the pinned schema`,
    async () => {
      const outputs: { filename: string; content: string }[] = await generate({ ...adminCodegenConfig(ADMIN_TYPES_DIR), cwd: ROOT }, false);
      const byFile = new Map(outputs.map((output) => [resolve(ROOT, output.filename), output.content]));
      for (const file of [ADMIN_OPERATIONS_FILE, ADMIN_TYPES_FILE]) {
        const path = resolve(ROOT, ADMIN_TYPES_DIR, file);
        const generated = byFile.get(path);
        expect(generated, `codegen produced no ${file}`).toBeDefined();
        expect(existsSync(path), `${path} is missing: ${REGENERATE}`).toBe(true);
        const committed = readFileSync(path, "utf8");
        if (committed !== generated) expect.fail(`${file}: ${REGENERATE}\n${firstDifference(committed, generated!)}`);
      }
      // Every named operation in app/shopify/queries has its pair of types.
      const operations = byFile.get(resolve(ROOT, ADMIN_TYPES_DIR, ADMIN_OPERATIONS_FILE))!;
      expect(operations).toMatch(/export type ShopInfoQuery = /);
      expect(operations).toMatch(/export type MetafieldsSetMutationVariables = /);
    },
    60_000,
  );
});

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadAdminSchema, validateAdminDocument } from "../../dev/admin-schema";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { allAdminDocuments } from "../../app/shopify/queries/index";

const APP_DIR = join(import.meta.dirname, "..", "..", "app");

/** Template literals marked as GraphQL: `/* GraphQL *\/ \`...\`` or `\`#graphql ...\``. */
function embeddedDocuments(): { location: string; source: string }[] {
  const files = (readdirSync(APP_DIR, { recursive: true }) as string[]).filter((file) => /\.(ts|tsx)$/.test(file));
  const found: { location: string; source: string }[] = [];
  for (const file of files) {
    const text = readFileSync(join(APP_DIR, file), "utf8");
    const pattern = /\/\*\s*GraphQL\s*\*\/\s*`([^`]*)`|`(\s*#graphql[^`]*)`/g;
    for (const match of text.matchAll(pattern)) {
      const line = text.slice(0, match.index).split("\n").length;
      found.push({ location: `${relative(process.cwd(), join(APP_DIR, file))}:${line}`, source: match[1] ?? match[2] });
    }
  }
  return found;
}

function describeErrors(source: string): string[] {
  return validateAdminDocument(source, ADMIN_API_VERSION).map((error) => error.message);
}

describe(`Admin GraphQL documents validate against the ${ADMIN_API_VERSION} schema`, () => {
  it("loads the pinned schema with the types the app relies on", () => {
    const schema = loadAdminSchema(ADMIN_API_VERSION);
    expect(schema.getQueryType()?.name).toBe("QueryRoot");
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(["customerByIdentifier", "orders", "nodes"]));
  });

  it("registers documents in allAdminDocuments", () => {
    expect(Object.keys(allAdminDocuments).length).toBeGreaterThanOrEqual(10);
  });

  it.each(Object.entries(allAdminDocuments))("%s is valid and named after its key", (name, source) => {
    expect(describeErrors(source)).toEqual([]);
    expect(source).toMatch(new RegExp(`\\b(query|mutation) ${name}\\b`));
  });

  it("every GraphQL template literal in app/ is valid and interpolation-free", () => {
    const documents = embeddedDocuments();
    expect(documents.length).toBeGreaterThanOrEqual(Object.keys(allAdminDocuments).length);
    const problems = documents.flatMap(({ location, source }) =>
      source.includes("${") ? [`${location}: interpolation cannot be validated statically`] : describeErrors(source).map((message) => `${location}: ${message}`),
    );
    expect(problems).toEqual([]);
  });

  it("reports a field that does not exist (negative control)", () => {
    const errors = describeErrors(/* GraphQL */ `query Broken { shop { name trackingNumber } }`);
    expect(errors).toEqual(['Cannot query field "trackingNumber" on type "Shop".']);
  });

  it("reports syntax errors instead of throwing", () => {
    expect(describeErrors("query { shop { ")[0]).toMatch(/Syntax Error/);
  });
});

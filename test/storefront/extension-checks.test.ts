// The theme app extension as Shopify would check it: theme-check (no errors), the byte budgets,
// deferred scripts only, and the structure Shopify expects (blocks, embed off by default, locales).
import { check } from "@shopify/theme-check-node";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXTENSION_DIR, measureBudgets } from "../../bench/storefront/budgets";
import { readBlockSchema } from "../../dev/storefront/render";

describe("extensions/support-widget", () => {
  it("passes theme-check with no errors", async () => {
    const offenses = await check(EXTENSION_DIR);
    const errors = offenses.filter((offense) => offense.severity === 0);
    expect(errors.map((offense) => `${offense.check} ${path.basename(offense.uri)}:${offense.start.line + 1} ${offense.message}`)).toEqual([]);
  }, 60_000);

  it("stays within the byte budgets and makes no external requests", () => {
    const report = measureBudgets();
    expect(report.overBudget).toEqual([]);
    expect(report.jsGzipBytes).toBeGreaterThan(500); // the measurement read the real file
  });

  it("loads its script with defer only", () => {
    for (const file of readdirSync(path.join(EXTENSION_DIR, "blocks"))) {
      const source = readFileSync(path.join(EXTENSION_DIR, "blocks", file), "utf8");
      const scripts = [...source.matchAll(/<script\b[^>]*\bsrc=[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, file).toContain(" defer");
    }
  });

  it("declares two section blocks and one body embed, with translated schema names", () => {
    expect(readBlockSchema("support-hours-faq").target).toBe("section");
    expect(readBlockSchema("contact-form").target).toBe("section");
    expect(readBlockSchema("support-badge").target).toBe("body");
    const schemaEn = JSON.parse(readFileSync(path.join(EXTENSION_DIR, "locales", "en.default.schema.json"), "utf8"));
    for (const locale of ["zh-CN", "es", "fr", "de", "ja"]) {
      const schema = JSON.parse(readFileSync(path.join(EXTENSION_DIR, "locales", `${locale}.schema.json`), "utf8"));
      expect(Object.keys(schema.blocks).sort(), locale).toEqual(Object.keys(schemaEn.blocks).sort());
    }
    expect(readFileSync(path.join(EXTENSION_DIR, "shopify.extension.toml"), "utf8")).toMatch(/type = "theme"/);
  });
});

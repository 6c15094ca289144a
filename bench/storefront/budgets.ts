// Byte budgets of the theme app extension: JS ≤ 3 KB gzipped, CSS ≤ 4 KB gzipped (issue 7), Liquid
// ≤ 100 KB and locale files ≤ 15 KB each (Shopify's limits), and no external requests.
// `npx tsx bench/storefront/budgets.ts` prints the table and exits 1 when over budget.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export const EXTENSION_DIR = path.resolve(import.meta.dirname, "..", "..", "extensions", "support-widget");
export const BUDGETS = { jsGzipBytes: 3 * 1024, cssGzipBytes: 4 * 1024, liquidBytes: 100 * 1024, localeBytes: 15 * 1024 };

export interface BudgetReport {
  jsGzipBytes: number;
  cssGzipBytes: number;
  liquidBytes: number;
  largestLocaleBytes: number;
  externalUrls: string[];
  overBudget: string[];
}

function files(folder: string, suffix: string): string[] {
  return readdirSync(path.join(EXTENSION_DIR, folder))
    .filter((name) => name.endsWith(suffix))
    .map((name) => path.join(EXTENSION_DIR, folder, name));
}

export function measureBudgets(): BudgetReport {
  const gz = (list: string[]) => list.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  const jsGzipBytes = gz(files("assets", ".js"));
  const cssGzipBytes = gz(files("assets", ".css"));
  const liquid = [...files("blocks", ".liquid"), ...files("snippets", ".liquid")];
  const liquidBytes = liquid.reduce((sum, file) => sum + readFileSync(file).length, 0);
  const largestLocaleBytes = Math.max(...files("locales", ".json").map((file) => readFileSync(file).length));
  const externalUrls = [...liquid, ...files("assets", ".js"), ...files("assets", ".css")].flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"')]*/gi)].map((match) => `${path.basename(file)}: ${match[0]}`),
  );
  const overBudget = [
    jsGzipBytes > BUDGETS.jsGzipBytes && `JS ${jsGzipBytes} B gz > ${BUDGETS.jsGzipBytes}`,
    cssGzipBytes > BUDGETS.cssGzipBytes && `CSS ${cssGzipBytes} B gz > ${BUDGETS.cssGzipBytes}`,
    liquidBytes > BUDGETS.liquidBytes && `Liquid ${liquidBytes} B > ${BUDGETS.liquidBytes}`,
    largestLocaleBytes > BUDGETS.localeBytes && `locale file ${largestLocaleBytes} B > ${BUDGETS.localeBytes}`,
    externalUrls.length > 0 && `external URLs: ${externalUrls.join(", ")}`,
  ].filter((entry): entry is string => typeof entry === "string");
  return { jsGzipBytes, cssGzipBytes, liquidBytes, largestLocaleBytes, externalUrls, overBudget };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const report = measureBudgets();
  console.log(`| asset | size | budget |\n|---|---|---|`);
  console.log(`| JavaScript (gzip -9) | ${report.jsGzipBytes} B | ${BUDGETS.jsGzipBytes} B |`);
  console.log(`| CSS (gzip -9) | ${report.cssGzipBytes} B | ${BUDGETS.cssGzipBytes} B |`);
  console.log(`| Liquid (blocks + snippets) | ${report.liquidBytes} B | ${BUDGETS.liquidBytes} B |`);
  console.log(`| largest locale file | ${report.largestLocaleBytes} B | ${BUDGETS.localeBytes} B |`);
  console.log(`| external URLs | ${report.externalUrls.length} | 0 |`);
  if (report.overBudget.length > 0) {
    console.error(`over budget: ${report.overBudget.join("; ")}`);
    process.exit(1);
  }
}

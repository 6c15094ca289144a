// Lighthouse performance of the storefront preview page with and without the widget's blocks
// (issue 7: delta ≤ 1 point). The page is the demo's storefront preview, served from the Admin
// emulator's published metafields (the seeded FAQ in English), so no app server is needed.
//   npx tsx bench/storefront/lighthouse.ts [runs=5]
// Needs Debian chromium (/usr/bin/chromium) and `npx lighthouse@13.5.0` (fetched into the npm cache
// on first use; offline it must already be cached).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startAdminEmulator } from "../../dev/emulator";
import { buildFixtureShop } from "../../dev/fixtures";
import { startStorefrontPreview } from "../../dev/storefront/preview-server";
import { buildFaqPayload, buildHoursPayload, buildSettingsPayload, faqKey, HOURS_KEY, SETTINGS_KEY, STOREFRONT_NAMESPACE } from "../../app/domain/storefront/storefront-data";
import { createAdminClient } from "../../app/shopify/admin-client.server";
import { CurrentAppInstallationQuery, MetafieldsSetMutation } from "../../app/shopify/queries";
import { SEED_FAQ } from "../../prisma/seed/faq";

const LIGHTHOUSE = "lighthouse@13.5.0";
const CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync";
const runs = Number(process.argv[2] ?? 5);
const TOKEN = "shpat_bench_lighthouse";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface LighthouseRun {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  renderBlocking: string[];
  requests: number;
}

// Asynchronous on purpose: the preview server lives in this process and must keep answering.
const run = promisify(execFile);

async function lighthouse(url: string, outDir: string, index: number): Promise<LighthouseRun> {
  const output = path.join(outDir, `lh-${index}.json`);
  await run("npx", ["-y", LIGHTHOUSE, url, `--chrome-flags=${CHROME_FLAGS}`, "--only-categories=performance", "--output=json", `--output-path=${output}`, "--quiet"], {
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
    timeout: 180_000,
  });
  const report = JSON.parse(readFileSync(output, "utf8"));
  const audit = (id: string) => report.audits[id]?.numericValue as number;
  return {
    score: Math.round(report.categories.performance.score * 100),
    fcp: audit("first-contentful-paint"),
    lcp: audit("largest-contentful-paint"),
    tbt: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    renderBlocking: (report.audits["render-blocking-resources"]?.details?.items ?? []).map((item: { url: string }) => item.url),
    requests: report.audits["network-requests"]?.details?.items?.length ?? 0,
  };
}

async function main() {
  const fixture = buildFixtureShop();
  const emulator = await startAdminEmulator({ port: 0, shop: fixture, accessToken: TOKEN });
  const admin = createAdminClient({ shop: fixture.shop.myshopifyDomain, accessToken: TOKEN, origin: emulator.origin });
  const schedule = {
    timezone: fixture.shop.ianaTimezone,
    intervals: [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, start: "09:00", end: "12:30" }, { weekday, start: "13:30", end: "18:00" }]),
    holidays: [{ date: "2026-12-25", name: "Christmas Day", intervals: null }],
  };
  const entries = SEED_FAQ.map((question, position) => ({ category: question.category, question: question.en[0], answer: question.en[1], position }));
  const { data: installation } = await admin.request(CurrentAppInstallationQuery);
  const values = {
    [HOURS_KEY]: buildHoursPayload(schedule, 1440, new Date()),
    [SETTINGS_KEY]: buildSettingsPayload({ contactPageUrl: "/pages/contact", faqPageUrl: "/pages/faq", defaultLanguage: "en", faqLanguages: ["en"], shopName: fixture.shop.name }),
    [faqKey("en")]: buildFaqPayload("en", entries).payload,
  };
  await admin.request(MetafieldsSetMutation, {
    metafields: Object.entries(values).map(([key, value]) => ({ ownerId: installation.currentAppInstallation.id, namespace: STOREFRONT_NAMESPACE, key, type: "json", value: JSON.stringify(value) })),
  });
  const preview = await startStorefrontPreview({
    port: 0, appUrl: "http://localhost:9", adminOrigin: emulator.origin, accessToken: TOKEN, apiSecret: "unused",
    shopDomain: fixture.shop.myshopifyDomain, shopName: fixture.shop.name, timezone: fixture.shop.ianaTimezone,
  });
  const outDir = mkdtempSync(path.join(tmpdir(), "shopdesk-lh-"));
  const variants = { without: `${preview.origin}/pages/contact?blocks=0`, with: `${preview.origin}/pages/contact` };
  const results: Record<string, LighthouseRun[]> = { without: [], with: [] };
  try {
    // Interleaved, so a busy moment on the shared machine hits both variants alike.
    for (let index = 0; index < runs; index++) {
      for (const [name, url] of Object.entries(variants)) results[name]!.push(await lighthouse(url, outDir, index * 2 + (name === "with" ? 1 : 0)));
    }
  } finally {
    await preview.close();
    await emulator.close();
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([name, list]) => [
      name,
      { scores: list.map((run) => run.score), median: median(list.map((run) => run.score)), fcp: median(list.map((run) => run.fcp)), lcp: median(list.map((run) => run.lcp)), tbt: median(list.map((run) => run.tbt)), cls: Math.max(...list.map((run) => run.cls)), renderBlocking: list[0]!.renderBlocking, requests: list[0]!.requests },
    ]),
  );
  console.log(JSON.stringify(summary, null, 2));
  const delta = summary.without!.median - summary.with!.median;
  console.log(`\n| page | scores (${runs} runs) | median | FCP | LCP | TBT | CLS (max) | requests | render-blocking |`);
  console.log(`|---|---|---|---|---|---|---|---|---|`);
  for (const [name, row] of Object.entries(summary)) {
    console.log(`| ${name} blocks | ${row.scores.join(", ")} | ${row.median} | ${Math.round(row.fcp)} ms | ${Math.round(row.lcp)} ms | ${Math.round(row.tbt)} ms | ${row.cls.toFixed(3)} | ${row.requests} | ${row.renderBlocking.length ? row.renderBlocking.map((url: string) => path.basename(new URL(url).pathname)).join(", ") : "none"} |`);
  }
  console.log(`\nDelta (without − with, medians): ${delta} point(s); budget ≤ 1.`);
  if (delta > 1) process.exitCode = 1;
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

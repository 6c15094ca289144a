// The contact endpoint under load (issue 7: p95 ≤ 150 ms with 20 concurrent submitters from distinct
// client addresses, zero lost). Starts the demo (fresh SQLite database, Admin stand-in, the app on
// Remix's dev server), then 20 submitters each post their rate limit's worth (5) of distinct messages
// as Shopify's app proxy would forward them: signed query, X-Forwarded-For = the submitter's address.
// Afterwards every submission must be a ticket with its message in the database.
//   npx tsx bench/storefront/contact-load.ts [submitters=20] [perSubmitter=5]
import { createPrismaClient } from "../../app/db/create-client.server";
import { signedAppProxySearch } from "../../dev/app-proxy-signer";
import { DEMO_API_SECRET, DEMO_SHOP_DOMAIN } from "../../prisma/seed/demo-constants";
import { startDemo } from "../../test/e2e/demo-process";

const submitters = Number(process.argv[2] ?? 20);
const perSubmitter = Number(process.argv[3] ?? 5);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function post(appUrl: string, address: string, fields: Record<string, string>): Promise<{ status: number; ms: number; body: { ok: boolean; ticketNumber?: number } }> {
  const search = signedAppProxySearch({ shop: DEMO_SHOP_DOMAIN, secret: DEMO_API_SECRET, pathPrefix: "/apps/shopdesk" });
  const started = performance.now();
  const response = await fetch(`${appUrl}/proxy/contact?${search}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json", "X-Forwarded-For": address, "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36" },
    body: new URLSearchParams(fields),
  });
  const body = (await response.json()) as { ok: boolean; ticketNumber?: number };
  return { status: response.status, ms: performance.now() - started, body };
}

function fields(run: string, submitter: number, index: number): Record<string, string> {
  return {
    name: `Load Visitor ${submitter}`,
    email: `load-${run}-${submitter}-${index}@example.com`,
    topic: ["order_status", "shipping", "returns", "product", "other"][index % 5]!,
    message: `Benchmark message ${run} ${submitter}/${index}: where is my order? It was supposed to arrive last week.`,
    locale: "en",
    started_at: String(Math.floor(Date.now() / 1000) - 30),
    website: "",
  };
}

async function main() {
  const demo = await startDemo();
  const databaseUrl = `file:.tmp/e2e-demo-${new URL(demo.appUrl).port}.sqlite`;
  const run = Date.now().toString(36);
  try {
    // Warm-up from other addresses: the dev server compiles the route on first use.
    for (let index = 0; index < 3; index++) await post(demo.appUrl, `192.0.2.${index + 1}`, fields(`${run}w`, 900 + index, index));

    const latencies: number[] = [];
    const failures: string[] = [];
    const tickets = new Set<number>();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: submitters }, async (_, submitter) => {
        const address = `10.20.${Math.floor(submitter / 250)}.${(submitter % 250) + 1}`;
        for (let index = 0; index < perSubmitter; index++) {
          const result = await post(demo.appUrl, address, fields(run, submitter, index));
          latencies.push(result.ms);
          if (result.status !== 200 || !result.body.ok || !result.body.ticketNumber) failures.push(`${address}#${index}: ${result.status} ${JSON.stringify(result.body)}`);
          else tickets.add(result.body.ticketNumber);
        }
      }),
    );
    const wallMs = performance.now() - started;
    const sorted = [...latencies].sort((a, b) => a - b);

    const db = await createPrismaClient(databaseUrl);
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: DEMO_SHOP_DOMAIN } });
    const stored = await db.contactSubmission.count({ where: { shopId: shop.id, email: { startsWith: `load-${run}-` }, status: "ticketed" } });
    const messages = await db.message.count({ where: { shopId: shop.id, channel: "contact_form", bodyText: { contains: `Benchmark message ${run} ` } } });
    await db.$disconnect();

    const expected = submitters * perSubmitter;
    const lost = expected - Math.min(stored, messages, tickets.size);
    console.log(`| submitters | requests | p50 | p95 | p99 | max | throughput | non-200 | tickets | stored | messages | lost |`);
    console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|`);
    console.log(
      `| ${submitters} (distinct addresses) | ${expected} | ${percentile(sorted, 50).toFixed(0)} ms | ${percentile(sorted, 95).toFixed(0)} ms | ${percentile(sorted, 99).toFixed(0)} ms | ${sorted.at(-1)!.toFixed(0)} ms | ${((expected / wallMs) * 1000).toFixed(1)}/s | ${failures.length} | ${tickets.size} | ${stored} | ${messages} | ${lost} |`,
    );
    if (failures.length) console.log(`failures:\n${failures.slice(0, 10).join("\n")}`);
    if (percentile(sorted, 95) > 150 || lost > 0 || failures.length > 0) process.exitCode = 1;
  } finally {
    await demo.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});

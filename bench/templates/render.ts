// Template render throughput on one core (this process is single-threaded): a typical library
// template ("Where is my order?", English, an in-transit order with tracking and three line items)
// with a full context, through the sandboxed engine with missing-value tracking and length checks.
// The rate is per CPU-second of this single-threaded process (i.e. per core), and per wall second.
//   npx tsx bench/templates/render.ts [--seconds 5]
import { buildTemplateContext, type TemplateContextInput } from "../../app/domain/templates/context";
import { renderTemplate } from "../../app/domain/templates/engine";
import { SEEDED_TEMPLATES } from "../../app/domain/templates/library";

const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SECONDS = flag("seconds", 5);
const TARGET_PER_SECOND = 20_000;

const template = SEEDED_TEMPLATES.find((entry) => entry.key === "order_where_is_my_order")!;
const body = template.variants.en.body;
const input: TemplateContextInput = {
  customer: { firstName: "Emma", lastName: "Johnson", email: "emma@example.com", language: "en-US", ordersCount: 4, totalSpent: { amount: "312.40", currencyCode: "USD" } },
  order: {
    name: "#1042", createdAt: "2026-03-10T14:12:00Z", financialStatus: "PAID", fulfillmentStatus: "FULFILLED",
    total: { amount: "89.90", currencyCode: "USD" },
    lineItems: [{ title: "Linen shirt", quantity: 1, sku: "LS-M-OAT" }, { title: "Canvas tote", quantity: 2, sku: null }, { title: "Wool socks", quantity: 3, sku: "WS-3" }],
    trackingNumber: "1Z999AA10123456784", trackingUrl: "https://www.ups.com/track?tracknum=1Z999AA10123456784", carrier: "UPS",
    estimatedDelivery: "2026-03-14", shippingCity: "Portland", shippingCountry: "United States",
  },
  ticket: { number: 1042, subject: "Where is my order?", channel: "email", createdAt: "2026-03-12T09:00:00Z" },
  agent: { firstName: "Sam", name: "Sam Rivera" },
  shop: { name: "Shopdesk Demo Supply", email: "help@example.com", domain: "demo.myshopify.com", supportHours: "Mon–Fri 09:00–18:00 (America/Los_Angeles)", currencyCode: "USD" },
};
const options = { channel: "email", locale: "en", timezone: "America/Los_Angeles" };

function measure(label: string, renderOnce: () => void): number {
  for (let index = 0; index < 2_000; index++) renderOnce(); // warm-up: JIT and the parse cache
  let count = 0;
  const deadline = performance.now() + SECONDS * 1_000;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  while (performance.now() < deadline) {
    for (let index = 0; index < 100; index++) renderOnce();
    count += 100;
  }
  const wallSeconds = (performance.now() - started) / 1_000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // Per CPU-second of this (single-threaded) process = per core, whatever else the machine runs;
  // wall-clock rate is shown too (it drops when other processes share the core).
  const perCpuSecond = count / cpuSeconds;
  const fmt = (value: number) => Math.round(value).toLocaleString("en-US");
  console.log(
    `[bench] ${label}: ${fmt(perCpuSecond)} renders per CPU-second (${fmt(count / wallSeconds)}/s wall clock; ` +
      `${fmt(count)} renders, ${cpuSeconds.toFixed(2)} s CPU in ${wallSeconds.toFixed(2)} s)`,
  );
  return perCpuSecond;
}

const context = buildTemplateContext(input);
const check = renderTemplate(body, context, options);
if (!check.ok || !check.canSend || !check.text.includes("#1042")) throw new Error(`unexpected render: ${JSON.stringify(check)}`);
console.log(`[bench] template "${template.name}" (en, ${body.length} characters of Liquid) → ${check.text.length} characters of text`);

const reused = measure("render with a prepared context", () => void renderTemplate(body, context, options));
measure("render building the context each time", () => void renderTemplate(body, buildTemplateContext(input), options));
console.log(`[bench] target ≥ ${TARGET_PER_SECOND.toLocaleString("en-US")} renders/s on one core: ${reused >= TARGET_PER_SECOND ? "met" : "MISSED"}`);

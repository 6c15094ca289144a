// Seeds one shop with 100,000 tickets and 1,000,000 messages for the inbox benchmark, on SQLite
// (bench/.data/inbox.sqlite) and PostgreSQL (database shopdesk_bench). Batch inserts, no Prisma.
//   npx tsx bench/inbox/seed.ts sqlite|postgresql [--tickets 100000]
import path from "node:path";
import { benchPgUrl, openBenchDatabase, weighted, type ColumnType, type Value } from "../bench-db";
import { buildSearchBody } from "../../app/models/ticket-search.server";
import { customerIdentity, pick, seededRandom, ticketText } from "./corpus";

export const BENCH_SHOP_DOMAIN = "bench-inbox.myshopify.com";
export const BENCH_STAFF_ID = "12345"; // the test helpers' online session: "Mine" is this agent's
const repoRoot = path.resolve(import.meta.dirname, "..", "..");
export const SQLITE_FILE = path.join(repoRoot, "bench", ".data", "inbox.sqlite");
export const PG_DATABASE = "shopdesk_bench";
export function pgBenchUrl(): string {
  return benchPgUrl(PG_DATABASE);
}

const STATUS_WEIGHTS: [string, number][] = [["open", 0.18], ["pending", 0.08], ["snoozed", 0.03], ["resolved", 0.5], ["closed", 0.21]];
const PRIORITY_WEIGHTS: [string, number][] = [["urgent", 0.04], ["high", 0.16], ["normal", 0.6], ["low", 0.2]];
const SEVERITY_WEIGHTS: [string, number][] = [["L1", 0.03], ["L2", 0.15], ["L3", 0.82]];
const CHANNEL_WEIGHTS: [string, number][] = [["email", 0.55], ["contact_form", 0.2], ["chat", 0.12], ["social", 0.05], ["marketplace", 0.05], ["phone", 0.03]];
const TAGS = ["vip", "wholesale", "repeat-buyer", "late-delivery", "fragile", "gift", "influencer", "chargeback-risk", "eu", "us", "apac", "warranty", "exchange", "pre-order", "bulk"];

export async function seedInbox(provider: "sqlite" | "postgresql", ticketCount: number, now = Date.now()) {
  const started = Date.now();
  const sink = await openBenchDatabase(provider, { sqliteFile: SQLITE_FILE, pgDatabase: PG_DATABASE });
  const random = seededRandom(20261123);
  const shopId = "bench_shop";
  await sink.insert("Shop", [["id", "text"], ["domain", "text"], ["name", "text"], ["ianaTimezone", "text"], ["updatedAt", "ts"]], [[shopId, BENCH_SHOP_DOMAIN, "Bench Outfitters", "Europe/Berlin", now]]);
  // A second shop with a little data: the benchmark's queries must stay inside the first one.
  await sink.insert("Shop", [["id", "text"], ["domain", "text"], ["name", "text"], ["updatedAt", "ts"]], [["other_shop", "bench-other.myshopify.com", "Other", now]]);
  const agentIds = Array.from({ length: 20 }, (_, index) => `agent_${index}`);
  await sink.insert(
    "Agent",
    [["id", "text"], ["shopId", "text"], ["shopifyStaffId", "text"], ["name", "text"], ["updatedAt", "ts"]],
    agentIds.map((id, index) => [id, shopId, index === 0 ? BENCH_STAFF_ID : String(1000 + index), index === 0 ? "Test User" : `Agent ${index}`, now]),
  );
  const customerCount = Math.ceil(ticketCount * 0.4);
  const customers = Array.from({ length: customerCount }, (_, index) => ({ id: `cust_${index}`, ...customerIdentity(random, index) }));
  await sink.insert(
    "Customer",
    [["id", "text"], ["shopId", "text"], ["email", "text"], ["displayName", "text"], ["firstName", "text"], ["lastName", "text"], ["updatedAt", "ts"]],
    customers.map((customer) => [customer.id, shopId, customer.email, customer.displayName, customer.firstName, customer.lastName, now]),
  );

  const ticketColumns: [string, ColumnType][] = [
    ["id", "text"], ["shopId", "text"], ["number", "int"], ["subject", "text"], ["status", "text"], ["priority", "text"], ["severity", "text"],
    ["category", "text"], ["channel", "text"], ["language", "text"], ["snippet", "text"], ["assigneeId", "text"], ["customerId", "text"],
    ["slaDueAt", "ts"], ["slaPausedAt", "ts"], ["lastActivityAt", "ts"], ["snoozedUntil", "ts"], ["resolvedAt", "ts"], ["unread", "bool"],
    ["createdAt", "ts"], ["updatedAt", "ts"],
  ];
  const messageColumns: [string, ColumnType][] = [["id", "text"], ["shopId", "text"], ["ticketId", "text"], ["direction", "text"], ["authorType", "text"], ["bodyText", "text"], ["channel", "text"], ["createdAt", "ts"]];
  let messageTotal = 0;
  const BATCH = 2000;
  for (let start = 0; start < ticketCount; start += BATCH) {
    const tickets: Value[][] = [];
    const messages: Value[][] = [];
    const tags: Value[][] = [];
    const orders: Value[][] = [];
    const documents: Value[][] = [];
    for (let index = start; index < Math.min(ticketCount, start + BATCH); index++) {
      const id = `tkt_${index.toString(36).padStart(6, "0")}`;
      const status = weighted(random, STATUS_WEIGHTS);
      const active = status === "open" || status === "pending" || status === "snoozed";
      const createdAt = now - Math.floor(random() * 365 * 86_400_000) * (active ? 0.05 : 1);
      const customer = customers[Math.floor(random() * customers.length)]!;
      const orderName = random() < 0.6 ? `#${1001 + Math.floor(random() * 60_000)}` : null;
      // About 10 messages per ticket on average (1–19): 1,000,000 for 100,000 tickets.
      const messageCount = 1 + Math.floor(random() * 19);
      const text = ticketText(random, orderName ?? "my order", messageCount);
      const lastActivityAt = createdAt + Math.floor(random() * 5 * 86_400_000 * (active ? 0.2 : 1));
      const slaDueAt = active && random() < 0.85 ? now + Math.floor((random() * 5 - 2) * 86_400_000) : null;
      const slaPausedAt = status === "pending" && slaDueAt !== null && random() < 0.8 ? lastActivityAt : null;
      const assigneeId = random() < (active ? 0.65 : 0.95) ? pick(random, agentIds) : null;
      tickets.push([
        id, shopId, 1001 + index, text.subject, status, weighted(random, PRIORITY_WEIGHTS), weighted(random, SEVERITY_WEIGHTS), text.category,
        weighted(random, CHANNEL_WEIGHTS), text.language, text.messages.at(-1)!.text.slice(0, 200), assigneeId, customer.id,
        slaDueAt, slaPausedAt, Math.min(lastActivityAt, now), status === "snoozed" ? now + 86_400_000 : null, status === "resolved" ? lastActivityAt : null,
        active && random() < 0.4 ? 1 : 0, createdAt, now,
      ]);
      text.messages.forEach((message, position) => {
        messages.push([`msg_${index.toString(36)}_${position}`, shopId, id, message.direction, message.direction === "inbound" ? "customer" : "agent", message.text, "email", createdAt + position * 3_600_000]);
      });
      messageTotal += text.messages.length;
      const tagCount = random() < 0.4 ? 1 + Math.floor(random() * 2) : 0;
      for (const tag of new Set(Array.from({ length: tagCount }, () => pick(random, TAGS)))) tags.push([id, shopId, tag]);
      if (orderName) orders.push([id, shopId, `gid://shopify/Order/${orderName.slice(1)}`, orderName]);
      const body = buildSearchBody({
        subject: text.subject,
        customerName: customer.displayName,
        customerEmail: customer.email,
        orderNames: orderName ? [orderName] : [],
        messageTexts: text.messages.map((message) => message.text),
      });
      documents.push([id, shopId, body, now]);
    }
    await sink.insert("Ticket", ticketColumns, tickets);
    await sink.insert("Message", messageColumns, messages);
    await sink.insert("TicketTag", [["ticketId", "text"], ["shopId", "text"], ["tag", "text"]], tags);
    await sink.insert("TicketOrder", [["ticketId", "text"], ["shopId", "text"], ["shopifyOrderId", "text"], ["orderName", "text"]], orders);
    await sink.insert("TicketSearchDocument", [["ticketId", "text"], ["shopId", "text"], ["body", "text"], ["updatedAt", "ts"]], documents);
    if ((start / BATCH) % 10 === 0) console.log(`[seed ${provider}] ${start + tickets.length} tickets, ${messageTotal} messages, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  // The other shop: a few look-alike tickets.
  await sink.insert("Ticket", [["id", "text"], ["shopId", "text"], ["number", "int"], ["subject", "text"], ["updatedAt", "ts"]], [["other_1", "other_shop", 1001, "Where is my order #1001?", now]]);
  await sink.close();
  console.log(`[seed ${provider}] done: ${ticketCount} tickets, ${messageTotal} messages in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const provider = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
  const countFlag = process.argv.indexOf("--tickets");
  const tickets = countFlag > 0 ? Number(process.argv[countFlag + 1]) : 100_000;
  await seedInbox(provider, tickets);
}

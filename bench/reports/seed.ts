// Seeds one shop with 100,000 tickets and about 1,000,000 messages for the reports benchmark: a year
// of conversations with office-hours peaks, auto-acknowledgements, reply delays, reopenings, SLA
// policies and breaches, CSAT and NPS answers, quality reviews and complaint reasons (one of them
// rising). SQLite bench/.data/reports.sqlite, PostgreSQL database shopdesk_bench_reports.
//   npx tsx bench/reports/seed.ts sqlite|postgresql [--tickets 100000]
import path from "node:path";
import { benchPgUrl, openBenchDatabase, weighted, type ColumnType, type Value } from "../bench-db";
import { seededRandom } from "../inbox/corpus";

export const REPORTS_SHOP_DOMAIN = "bench-reports.myshopify.com";
export const REPORTS_SQLITE_FILE = path.resolve(import.meta.dirname, "..", ".data", "reports.sqlite");
export const REPORTS_PG_DATABASE = "shopdesk_bench_reports";
export const reportsPgUrl = () => benchPgUrl(REPORTS_PG_DATABASE);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CATEGORY_WEIGHTS = [
  ["order_status", 0.3], ["shipping_address", 0.08], ["cancellation", 0.07], ["return_refund", 0.15], ["damaged_wrong_missing", 0.1],
  ["product_question", 0.14], ["payment_invoice", 0.05], ["complaint", 0.06], ["other", 0.05],
] as const;
const REASONS: Record<string, string[]> = {
  damaged_wrong_missing: ["packaging damaged", "wrong size", "missing item", "broken", "wrong colour"],
  complaint: ["disappointed", "rude", "never again", "terrible service"],
  return_refund: ["refund", "return label", "too small", "changed my mind"],
};
// Office hours in Berlin weigh more: hour-of-day weights (UTC+1) for customer messages.
const HOUR_WEIGHTS = Array.from({ length: 24 }, (_, hour) => (hour >= 8 && hour <= 20 ? 3 : hour >= 6 && hour <= 22 ? 1.5 : 0.4));
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

function pickHour(random: () => number): number {
  let roll = random() * HOUR_TOTAL;
  for (let hour = 0; hour < 24; hour++) {
    roll -= HOUR_WEIGHTS[hour]!;
    if (roll < 0) return hour;
  }
  return 23;
}

/** Log-normal reply delay in ms: median `medianMinutes`, a long tail. */
function delay(random: () => number, medianMinutes: number, spread = 1.1): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(30_000, medianMinutes * 60_000 * Math.exp(spread * normal));
}

export async function seedReports(provider: "sqlite" | "postgresql", ticketCount: number, now = Date.now()) {
  const started = Date.now();
  const sink = await openBenchDatabase(provider, { sqliteFile: REPORTS_SQLITE_FILE, pgDatabase: REPORTS_PG_DATABASE });
  const random = seededRandom(20261124);
  const shopId = "reports_shop";
  await sink.insert("Shop", [["id", "text"], ["domain", "text"], ["name", "text"], ["ianaTimezone", "text"], ["updatedAt", "ts"]], [[shopId, REPORTS_SHOP_DOMAIN, "Bench Reports", "Europe/Berlin", now]]);
  await sink.insert("Shop", [["id", "text"], ["domain", "text"], ["name", "text"], ["updatedAt", "ts"]], [["other_shop", "bench-reports-other.myshopify.com", "Other", now]]);
  await sink.insert(
    "BusinessSchedule",
    [["id", "text"], ["shopId", "text"], ["name", "text"], ["timezone", "text"], ["intervals", "json"], ["updatedAt", "ts"]],
    [["sched_1", shopId, "Support", "Europe/Berlin", JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "18:00" }))), now]],
  );
  const policies: [string, string, number, number, number, number][] = [
    ["pol_order", "Order questions", 0, 30, 60, 1440],
    ["pol_complaint", "Complaints", 1, 60, 120, 2880],
    ["pol_default", "Everything else", 2, 240, 480, 4320],
  ];
  await sink.insert(
    "SlaPolicy",
    [["id", "text"], ["shopId", "text"], ["name", "text"], ["position", "int"], ["firstResponseMinutes", "int"], ["nextResponseMinutes", "int"], ["resolutionMinutes", "int"], ["businessHoursOnly", "bool"], ["updatedAt", "ts"]],
    policies.map(([id, name, position, first, next, resolution]) => [id, shopId, name, position, first, next, resolution, id === "pol_default" ? 1 : 0, now]),
  );
  const agentIds = Array.from({ length: 12 }, (_, index) => `agent_${index}`);
  await sink.insert(
    "Agent",
    [["id", "text"], ["shopId", "text"], ["shopifyStaffId", "text"], ["name", "text"], ["role", "text"], ["updatedAt", "ts"]],
    agentIds.map((id, index) => [id, shopId, index === 0 ? "12345" : String(2000 + index), index === 0 ? "Test User" : `Agent ${index}`, index < 2 ? "supervisor" : "agent", now]),
  );
  const customerIds = Array.from({ length: Math.ceil(ticketCount * 0.4) }, (_, index) => `cust_${index}`);
  await sink.insert("Customer", [["id", "text"], ["shopId", "text"], ["email", "text"], ["updatedAt", "ts"]], customerIds.map((id, index) => [id, shopId, `c${index}@example.com`, now]));

  const ticketColumns: [string, ColumnType][] = [
    ["id", "text"], ["shopId", "text"], ["number", "int"], ["subject", "text"], ["status", "text"], ["priority", "text"], ["severity", "text"], ["category", "text"],
    ["channel", "text"], ["assigneeId", "text"], ["customerId", "text"], ["slaPolicyId", "text"], ["resolvedAt", "ts"], ["reopenCount", "int"], ["csatScore", "int"],
    ["triageReasons", "json"], ["firstRespondedAt", "ts"], ["lastActivityAt", "ts"], ["createdAt", "ts"], ["updatedAt", "ts"],
  ];
  const messageColumns: [string, ColumnType][] = [
    ["id", "text"], ["shopId", "text"], ["ticketId", "text"], ["direction", "text"], ["authorType", "text"], ["authorAgentId", "text"], ["isAutomated", "bool"], ["bodyText", "text"], ["channel", "text"], ["createdAt", "ts"],
  ];
  let messageTotal = 0;
  const BATCH = 2000;
  for (let start = 0; start < ticketCount; start += BATCH) {
    const tickets: Value[][] = [];
    const messages: Value[][] = [];
    const events: Value[][] = [];
    const surveys: Value[][] = [];
    const reviews: Value[][] = [];
    for (let index = start; index < Math.min(ticketCount, start + BATCH); index++) {
      const id = `tkt_${index.toString(36).padStart(6, "0")}`;
      const daysAgo = Math.floor(random() * 365);
      const createdAt = Math.floor((now - daysAgo * DAY) / DAY) * DAY + pickHour(random) * HOUR - HOUR + Math.floor(random() * HOUR);
      if (createdAt > now) continue;
      const category = weighted(random, CATEGORY_WEIGHTS);
      const agentId = agentIds[Math.floor(random() * agentIds.length)]!;
      const channel = weighted(random, [["email", 0.6], ["contact_form", 0.25], ["chat", 0.15]]);
      const policy = category === "order_status" || category === "shipping_address" || category === "cancellation" ? "pol_order" : category === "complaint" || category === "damaged_wrong_missing" ? "pol_complaint" : random() < 0.7 ? "pol_default" : null;
      const firstTarget = policy === "pol_order" ? 30 : policy === "pol_complaint" ? 60 : 240;
      let at = createdAt;
      let position = 0;
      const push = (direction: string, author: string, automated: boolean) => {
        messages.push([`msg_${index.toString(36)}_${position}`, shopId, id, direction, author, author === "agent" ? agentId : null, automated ? 1 : 0, `${author} message ${position}`, channel, at]);
        position += 1;
      };
      push("inbound", "customer", false);
      if (random() < 0.25) {
        at += 20_000;
        push("outbound", "automation", true);
      }
      const exchanges = 1 + Math.floor(random() * 9);
      let firstReplyAt: number | null = null;
      for (let turn = 0; turn < exchanges && at < now; turn++) {
        at += delay(random, turn === 0 ? 45 : 90);
        if (at > now) break;
        push("outbound", "agent", false);
        firstReplyAt ??= at;
        if (turn < exchanges - 1) {
          at += delay(random, 8 * 60, 0.8);
          if (at > now) break;
          push("inbound", "customer", false);
        }
      }
      const active = at > now - 2 * DAY && random() < 0.5;
      const resolvedAt = active ? null : Math.min(now, at + delay(random, 60, 0.6));
      const status = active ? weighted(random, [["open", 0.6], ["pending", 0.3], ["snoozed", 0.1]]) : random() < 0.7 ? "resolved" : "closed";
      const reopenCount = !active && random() < 0.07 ? 1 : 0;
      const csat = !active && random() < 0.25 ? Number(weighted(random, [["5", 0.55], ["4", 0.2], ["3", 0.1], ["2", 0.07], ["1", 0.08]])) : null;
      let reasons: string | null = null;
      if (REASONS[category]) {
        // "packaging damaged" grows month over month: the rising reason the report must flag.
        const terms = REASONS[category]!;
        const rising = category === "damaged_wrong_missing" && random() < 0.15 + 0.6 * (1 - daysAgo / 365);
        const term = rising ? "packaging damaged" : terms[Math.floor(random() * terms.length)]!;
        reasons = JSON.stringify([{ rule: `category:${category}`, detail: `score 6: "${term}"` }]);
      }
      tickets.push([
        id, shopId, 1001 + index, `Conversation ${index}`, status, weighted(random, [["urgent", 0.04], ["high", 0.16], ["normal", 0.6], ["low", 0.2]]),
        weighted(random, [["L1", 0.03], ["L2", 0.15], ["L3", 0.82]]), category, channel, agentId, customerIds[Math.floor(random() * customerIds.length)]!, policy,
        resolvedAt, reopenCount, csat, reasons, firstReplyAt, resolvedAt ?? at, createdAt, Math.min(now, resolvedAt ?? at),
      ]);
      if (policy && firstReplyAt !== null && firstReplyAt - createdAt > firstTarget * 60_000) {
        events.push([`evt_${index.toString(36)}`, shopId, id, "sla_breach", "system", JSON.stringify({ target: "first_response" }), "sla_breach:first_response", createdAt + firstTarget * 60_000]);
      }
      if (resolvedAt !== null && random() < 0.45) {
        surveys.push([`srv_${index.toString(36)}`, shopId, id, "csat", `tok_${index.toString(36)}_${Math.floor(random() * 1e9)}`, csat, resolvedAt + DAY, csat === null ? null : resolvedAt + DAY + HOUR]);
      }
      if (resolvedAt !== null && random() < 0.05) {
        const nps = Math.floor(random() * 11);
        surveys.push([`nps_${index.toString(36)}`, shopId, id, "nps", `npt_${index.toString(36)}_${Math.floor(random() * 1e9)}`, nps, resolvedAt + DAY, resolvedAt + 2 * DAY]);
      }
      if (resolvedAt !== null && random() < 0.003) {
        const total = 40 + Math.floor(random() * 61);
        reviews.push([`rev_${index.toString(36)}`, shopId, id, agentIds[0]!, JSON.stringify({ solution: 4 }), total, resolvedAt + 3 * DAY]);
      }
    }
    messageTotal += messages.length;
    await sink.insert("Ticket", ticketColumns, tickets);
    await sink.insert("Message", messageColumns, messages);
    await sink.insert("TicketEvent", [["id", "text"], ["shopId", "text"], ["ticketId", "text"], ["type", "text"], ["actorType", "text"], ["data", "json"], ["dedupeKey", "text"], ["createdAt", "ts"]], events);
    await sink.insert("SurveyResponse", [["id", "text"], ["shopId", "text"], ["ticketId", "text"], ["kind", "text"], ["token", "text"], ["score", "int"], ["sentAt", "ts"], ["respondedAt", "ts"]], surveys);
    await sink.insert("QualityReview", [["id", "text"], ["shopId", "text"], ["ticketId", "text"], ["reviewerAgentId", "text"], ["scores", "json"], ["totalScore", "float"], ["createdAt", "ts"]], reviews);
    if ((start / BATCH) % 10 === 0) console.log(`[seed ${provider}] ${start + tickets.length} tickets, ${messageTotal} messages, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  await sink.close();
  console.log(`[seed ${provider}] done: ${ticketCount} tickets, ${messageTotal} messages in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const provider = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
  const countFlag = process.argv.indexOf("--tickets");
  await seedReports(provider, countFlag > 0 ? Number(process.argv[countFlag + 1]) : 100_000);
}

// Seeds one shop with 100,000 open tickets on SLA clocks for the sweep benchmark, on SQLite
// (bench/.data/sla-sweep.sqlite) or PostgreSQL (database shopdesk_bench_sla). Due times come from the
// real domain code (default policies, weekday 09:00–17:00 Berlin); batch inserts, no Prisma.
//   npx tsx bench/sla-sweep/seed.ts sqlite|postgresql [--tickets 100000]
import path from "node:path";
import { benchPgUrl, openBenchDatabase, weighted, type ColumnType, type Value } from "../bench-db";
import { seededRandom } from "../inbox/corpus";
import type { BusinessSchedule } from "../../app/domain/business-hours";
import { computeSlaDueTimes, DEFAULT_SLA_POLICIES, nextSlaCheckAt, selectSlaPolicy } from "../../app/domain/sla";
import type { TicketCategory, TicketChannel, TicketPriority, TicketSeverity } from "../../app/domain/ticket-fields";

export const BENCH_SHOP_ID = "bench_sla_shop";
const repoRoot = path.resolve(import.meta.dirname, "..", "..");
export const SQLITE_FILE = path.join(repoRoot, "bench", ".data", "sla-sweep.sqlite");
export const PG_DATABASE = "shopdesk_bench_sla";
export const pgUrl = () => benchPgUrl(PG_DATABASE);

export const BENCH_SCHEDULE: BusinessSchedule = {
  timezone: "Europe/Berlin",
  intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
  holidays: [],
};
export const BENCH_POLICIES = DEFAULT_SLA_POLICIES.map((policy) => ({ ...policy, id: `policy_${policy.position}` }));

const CATEGORY_WEIGHTS: [string, number][] = [
  ["order_status", 0.3], ["shipping_address", 0.06], ["cancellation", 0.06], ["return_refund", 0.16], ["damaged_wrong_missing", 0.1],
  ["product_question", 0.14], ["payment_invoice", 0.05], ["complaint", 0.05], ["other", 0.08],
];
const SEVERITY_WEIGHTS: [string, number][] = [["L1", 0.02], ["L2", 0.1], ["L3", 0.88]];
const STATUS_WEIGHTS: [string, number][] = [["open", 0.8], ["pending", 0.15], ["snoozed", 0.05]];

export async function seedSlaSweep(provider: "sqlite" | "postgresql", ticketCount: number, now = Date.now()) {
  const started = Date.now();
  const sink = await openBenchDatabase(provider, { sqliteFile: SQLITE_FILE, pgDatabase: PG_DATABASE });
  const random = seededRandom(6);
  await sink.insert("Shop", [["id", "text"], ["domain", "text"], ["name", "text"], ["ianaTimezone", "text"], ["updatedAt", "ts"]], [[BENCH_SHOP_ID, "bench-sla.myshopify.com", "Bench SLA", "Europe/Berlin", now]]);
  await sink.insert(
    "BusinessSchedule",
    [["id", "text"], ["shopId", "text"], ["name", "text"], ["timezone", "text"], ["intervals", "json"], ["updatedAt", "ts"]],
    [["schedule_default", BENCH_SHOP_ID, "Default", "Europe/Berlin", JSON.stringify(BENCH_SCHEDULE.intervals), now]],
  );
  const policyColumns: [string, ColumnType][] = [
    ["id", "text"], ["shopId", "text"], ["name", "text"], ["position", "int"], ["matchPriority", "text"], ["matchSeverity", "text"], ["matchCategory", "text"],
    ["matchChannel", "text"], ["matchSegment", "text"], ["firstResponseMinutes", "int"], ["nextResponseMinutes", "int"], ["resolutionMinutes", "int"],
    ["businessHoursOnly", "bool"], ["warnAtShare", "float"], ["enabled", "bool"], ["updatedAt", "ts"],
  ];
  await sink.insert("SlaPolicy", policyColumns, BENCH_POLICIES.map((p) => [
    p.id, BENCH_SHOP_ID, p.name, p.position, p.matchPriority, p.matchSeverity, p.matchCategory, p.matchChannel, p.matchSegment,
    p.firstResponseMinutes, p.nextResponseMinutes, p.resolutionMinutes, p.businessHoursOnly ? 1 : 0, p.warnAtShare, p.enabled ? 1 : 0, now,
  ]));
  const columns: [string, ColumnType][] = [
    ["id", "text"], ["shopId", "text"], ["number", "int"], ["subject", "text"], ["status", "text"], ["priority", "text"], ["severity", "text"], ["category", "text"],
    ["channel", "text"], ["slaPolicyId", "text"], ["createdAt", "ts"], ["firstRespondedAt", "ts"], ["lastCustomerMessageAt", "ts"], ["lastAgentMessageAt", "ts"],
    ["waitingSince", "ts"], ["slaPausedAt", "ts"], ["firstResponseDueAt", "ts"], ["nextResponseDueAt", "ts"], ["resolutionDueAt", "ts"], ["slaDueAt", "ts"],
    ["slaNextEventAt", "ts"], ["lastActivityAt", "ts"], ["updatedAt", "ts"],
  ];
  const BATCH = 5000;
  for (let start = 0; start < ticketCount; start += BATCH) {
    const rows: Value[][] = [];
    for (let index = start; index < Math.min(ticketCount, start + BATCH); index++) {
      const status = weighted(random, STATUS_WEIGHTS);
      const severity = weighted(random, SEVERITY_WEIGHTS) as TicketSeverity;
      const category = weighted(random, CATEGORY_WEIGHTS) as TicketCategory;
      const priority: TicketPriority = severity === "L1" ? "urgent" : severity === "L2" ? "high" : "normal";
      const channel: TicketChannel = random() < 0.05 ? "marketplace" : "email";
      const policy = selectSlaPolicy(BENCH_POLICIES, { priority, severity, category, channel })!;
      // Open tickets from the last four days; half answered once, a third of those waiting again.
      const createdAt = new Date(now - Math.floor(random() * 4 * 86_400_000));
      const answered = random() < 0.5;
      const firstRespondedAt = answered ? new Date(Math.min(now, createdAt.getTime() + Math.floor(random() * 8 * 3_600_000))) : null;
      const waitingAgain = answered && random() < 0.35;
      const lastCustomerMessageAt = waitingAgain ? new Date(Math.min(now, firstRespondedAt!.getTime() + Math.floor(random() * 20 * 3_600_000))) : createdAt;
      const waitingSince = !answered ? createdAt : waitingAgain ? lastCustomerMessageAt : null;
      const pausedAt = status === "pending" ? (firstRespondedAt ?? createdAt) : null;
      const clock = { policy, schedule: BENCH_SCHEDULE, createdAt, firstRespondedAt, lastCustomerMessageAt, lastAgentMessageAt: firstRespondedAt, waitingSince, pausedAt };
      const due = computeSlaDueTimes(clock);
      // As the app writes it: the next warning or due time (the shop's default 75 % share; L1 at once).
      const nextCheck = nextSlaCheckAt({ ...clock, ...due }, new Date(now), policy.warnAtShare === 0 ? 0 : 0.75);
      const ts = (date: Date | null) => (date ? date.getTime() : null);
      rows.push([
        `sla_${index.toString(36).padStart(6, "0")}`, BENCH_SHOP_ID, 1001 + index, `Ticket ${index}`, status, priority, severity, category, channel, policy.id,
        ts(createdAt), ts(firstRespondedAt), ts(lastCustomerMessageAt), ts(firstRespondedAt), ts(waitingSince), ts(pausedAt),
        ts(due.firstResponseDueAt), ts(due.nextResponseDueAt), ts(due.resolutionDueAt), ts(due.slaDueAt), nextCheck.getTime(), ts(lastCustomerMessageAt), now,
      ]);
    }
    await sink.insert("Ticket", columns, rows);
  }
  await sink.close();
  console.log(`[seed ${provider}] ${ticketCount} open tickets on the clock in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const provider = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
  const countFlag = process.argv.indexOf("--tickets");
  await seedSlaSweep(provider, countFlag > 0 ? Number(process.argv[countFlag + 1]) : 100_000);
}

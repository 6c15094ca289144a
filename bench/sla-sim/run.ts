// Replays simulated days (bench/sla-sim/simulate.ts) with three orderings (first-in-first-out;
// due-first: earliest SLA due time, breached or not; sla-aware: the ticket due soonest that can still
// be answered in time, else the oldest breached one) and prints the
// share of first responses within 15 min / 1 h / 24 h, the share meeting their SLA target, order
// questions within 30 min and L1 within 1 h, averaged over several seeded days.
//   npx tsx bench/sla-sim/run.ts [--days 30] [--messages 600] [--spike 7]
import { DateTime } from "luxon";
import { seededRandom } from "../inbox/corpus";
import { generateDay, report, simulate, type Ordering, type SimConfig, type SimReport } from "./simulate";

const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const DAYS = flag("days", 30);
const hour = (h: number) => h * 60;

const config: SimConfig = {
  messages: flag("messages", 600),
  spikeFactor: flag("spike", 7),
  spikeStart: hour(11), // the promotion email goes out at 11:00 and pulls two hours of questions
  spikeMinutes: 120,
  // Four agents on two overlapping nine-hour shifts; support is staffed 07:00–22:00, seven days a week.
  agents: [{ start: hour(7), end: hour(16) }, { start: hour(7), end: hour(16) }, { start: hour(13), end: hour(22) }, { start: hour(13), end: hour(22) }],
  schedule: { timezone: "Europe/Berlin", intervals: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "07:00", end: "22:00" })), holidays: [] },
  day: DateTime.fromISO("2026-03-04T00:00", { zone: "Europe/Berlin" }).toJSDate(),
};

const totals: Record<Ordering, SimReport[]> = { fifo: [], edf: [], sla: [] };
let messages = 0;
for (let day = 0; day < DAYS; day++) {
  const tickets = generateDay(seededRandom(1000 + day), config);
  messages += tickets.length;
  for (const ordering of ["fifo", "edf", "sla"] as const) totals[ordering].push(report(simulate(tickets, config, ordering)));
}

const mean = (reports: SimReport[], key: keyof SimReport) => reports.reduce((sum, r) => sum + r[key], 0) / reports.length;
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
console.log(`[sla-sim] ${DAYS} simulated days, ${Math.round(messages / DAYS)} messages/day on average, ${config.spikeFactor}x promotion spike 11:00–13:00, 4 agents (2 × 07–16, 2 × 13–22)`);
console.log("ordering  | ≤15 min | ≤1 h  | ≤24 h  | SLA met | order questions ≤30 min | L1 ≤1 h | median first response");
const labels: Record<Ordering, string> = { fifo: "fifo", edf: "due-first", sla: "sla-aware" };
for (const ordering of ["fifo", "edf", "sla"] as const) {
  const r = totals[ordering];
  console.log(
    `${labels[ordering].padEnd(9)} | ${pct(mean(r, "within15")).padStart(6)} | ${pct(mean(r, "within60")).padStart(5)} | ${pct(mean(r, "within24h")).padStart(6)} | ${pct(mean(r, "slaMet")).padStart(7)} | ` +
      `${pct(mean(r, "orderQuestionsWithin30")).padStart(23)} | ${pct(mean(r, "l1Within60")).padStart(7)} | ${mean(r, "medianMinutes").toFixed(0)} min`,
  );
}

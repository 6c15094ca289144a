// A day of support replayed minute by minute: customer messages arrive (night lull, daytime peak, a
// promotion spike), four agents on two shifts take the next ticket and answer it after a handling time.
// The only difference between runs is the order agents take tickets in: first-in-first-out, or by the
// SLA due time computed with the app's own policies and business hours (app/domain/sla.ts).
import type { BusinessSchedule } from "../../app/domain/business-hours";
import { computeSlaDueTimes, DEFAULT_SLA_POLICIES, selectSlaPolicy } from "../../app/domain/sla";
import type { TicketCategory, TicketSeverity } from "../../app/domain/ticket-fields";
import type { Random } from "../inbox/corpus";

export type Ordering = "fifo" | "edf" | "sla";

export interface SimTicket {
  arrivedAt: number; // minutes since the day's midnight (local)
  category: TicketCategory;
  severity: TicketSeverity;
  dueAt: number; // first-response due time, minutes
  handlingMinutes: number;
  /** What an agent can expect it to take (the category's median), not the actual time. */
  expectedMinutes: number;
  firstResponseAt: number | null;
}

export interface SimConfig {
  messages: number;
  spikeFactor: number;
  spikeStart: number; // minute of day
  spikeMinutes: number;
  agents: { start: number; end: number }[]; // shifts, minutes of day
  schedule: BusinessSchedule;
  day: Date; // local midnight of the simulated day, as an instant
}

// Share of messages per category in a small fashion/home shop, with complaints and after-sales.
const CATEGORY_MIX: [TicketCategory, number][] = [
  ["order_status", 0.32], ["shipping_address", 0.06], ["cancellation", 0.06], ["return_refund", 0.15], ["damaged_wrong_missing", 0.08],
  ["product_question", 0.16], ["payment_invoice", 0.05], ["complaint", 0.04], ["other", 0.08],
];
// Median minutes to read, look up the order and send the first reply, per category (lognormal spread).
const HANDLING_MEDIAN: Record<TicketCategory, number> = {
  order_status: 2, shipping_address: 2.5, cancellation: 2.5, return_refund: 3.5, damaged_wrong_missing: 4, product_question: 3, payment_invoice: 3, complaint: 6, other: 1.5,
};
// Relative arrival rate per hour of the day (customers' evenings and lunch breaks).
const HOURLY_SHAPE = [0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 0.9, 1.1, 1.2, 1.3, 1.3, 1.2, 1.1, 1.1, 1.1, 1.2, 1.3, 1.4, 1.4, 1.2, 0.9, 0.5];

function weighted<T>(random: Random, mix: readonly [T, number][]): T {
  let roll = random();
  for (const [value, weight] of mix) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return mix[mix.length - 1]![0];
}

function lognormal(random: Random, median: number, sigma = 0.5): number {
  const u = Math.max(1e-9, random());
  const v = random();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(1, median * Math.exp(sigma * normal));
}

/** The day's messages: arrival minutes drawn from the hourly shape with the spike, sorted. */
export function generateDay(random: Random, config: SimConfig): SimTicket[] {
  const rate = (minute: number) => {
    const spike = minute >= config.spikeStart && minute < config.spikeStart + config.spikeMinutes ? config.spikeFactor : 1;
    return HOURLY_SHAPE[Math.floor(minute / 60)]! * spike;
  };
  const total = Array.from({ length: 1440 }, (_, m) => rate(m)).reduce((a, b) => a + b, 0);
  const tickets: SimTicket[] = [];
  for (let minute = 0; minute < 1440; minute++) {
    // Poisson arrivals per minute with the expected count scaled to the day's total.
    const expected = (rate(minute) / total) * config.messages;
    let count = 0;
    for (let p = Math.exp(-expected), s = p, u = random(); u > s; count++) {
      p *= expected / (count + 1);
      s += p;
    }
    for (let i = 0; i < count; i++) {
      const category = weighted(random, CATEGORY_MIX);
      const severity: TicketSeverity = random() < 0.02 ? "L1" : category === "complaint" || category === "damaged_wrong_missing" ? (random() < 0.4 ? "L2" : "L3") : "L3";
      const arrivedAt = minute + random();
      const policy = selectSlaPolicy(DEFAULT_SLA_POLICIES, { priority: "normal", severity, category, channel: "email" });
      const created = new Date(config.day.getTime() + arrivedAt * 60_000);
      const due = computeSlaDueTimes({ policy, schedule: config.schedule, createdAt: created, firstRespondedAt: null, lastCustomerMessageAt: created, pausedAt: null });
      const dueAt = due.firstResponseDueAt ? (due.firstResponseDueAt.getTime() - config.day.getTime()) / 60_000 : Infinity;
      tickets.push({ arrivedAt, category, severity, dueAt, handlingMinutes: lognormal(random, HANDLING_MEDIAN[category] * (severity === "L1" ? 2 : 1)), expectedMinutes: HANDLING_MEDIAN[category], firstResponseAt: null });
    }
  }
  return tickets;
}

/** Earliest due time first (the inbox's SLA sort), breached or not. */
function earliestDue(waiting: readonly SimTicket[]): number {
  let index = 0;
  for (let i = 1; i < waiting.length; i++) if (waiting[i]!.dueAt < waiting[index]!.dueAt) index = i;
  return index;
}

/**
 * SLA-aware: the ticket due soonest that can still be answered in time; when none can, the oldest
 * breached one (earliest-due-first alone chases lost causes and breaks the next tickets too).
 */
function slaAwareNext(waiting: readonly SimTicket[], minute: number): number {
  let savable = -1;
  let oldest = 0;
  for (let i = 0; i < waiting.length; i++) {
    const ticket = waiting[i]!;
    if (ticket.dueAt >= minute + ticket.expectedMinutes && (savable === -1 || ticket.dueAt < waiting[savable]!.dueAt)) savable = i;
    if (ticket.arrivedAt < waiting[oldest]!.arrivedAt) oldest = i;
  }
  return savable === -1 ? oldest : savable;
}

/** Runs the queue for up to two days; returns the tickets with their first-response times. */
export function simulate(day: readonly SimTicket[], config: SimConfig, ordering: Ordering): SimTicket[] {
  const tickets = day.map((t) => ({ ...t }));
  const waiting: SimTicket[] = [];
  const busyUntil = config.agents.map(() => 0);
  let next = 0;
  for (let minute = 0; minute < 2 * 1440; minute++) {
    while (next < tickets.length && tickets[next]!.arrivedAt <= minute) waiting.push(tickets[next++]!);
    const minuteOfDay = minute % 1440;
    config.agents.forEach((shift, agent) => {
      if (busyUntil[agent]! > minute || minuteOfDay < shift.start || minuteOfDay >= shift.end || waiting.length === 0) return;
      const index = ordering === "sla" ? slaAwareNext(waiting, minute) : ordering === "edf" ? earliestDue(waiting) : 0;
      const [ticket] = waiting.splice(index, 1);
      ticket!.firstResponseAt = minute + ticket!.handlingMinutes;
      busyUntil[agent] = minute + ticket!.handlingMinutes;
    });
  }
  return tickets;
}

export interface SimReport {
  tickets: number;
  within15: number;
  within60: number;
  within24h: number;
  slaMet: number;
  orderQuestionsWithin30: number;
  l1Within60: number;
  medianMinutes: number;
}

export function report(tickets: readonly SimTicket[]): SimReport {
  const delay = (t: SimTicket) => (t.firstResponseAt === null ? Infinity : t.firstResponseAt - t.arrivedAt);
  const share = (list: readonly SimTicket[], ok: (t: SimTicket) => boolean) => (list.length === 0 ? 1 : list.filter(ok).length / list.length);
  const delays = tickets.map(delay).sort((a, b) => a - b);
  const orders = tickets.filter((t) => ["order_status", "shipping_address", "cancellation"].includes(t.category) && t.severity === "L3");
  const l1 = tickets.filter((t) => t.severity === "L1");
  return {
    tickets: tickets.length,
    within15: share(tickets, (t) => delay(t) <= 15),
    within60: share(tickets, (t) => delay(t) <= 60),
    within24h: share(tickets, (t) => delay(t) <= 1440),
    slaMet: share(tickets, (t) => t.firstResponseAt !== null && t.firstResponseAt <= t.dueAt),
    orderQuestionsWithin30: share(orders, (t) => delay(t) <= 30),
    l1Within60: share(l1, (t) => delay(t) <= 60),
    medianMinutes: delays[Math.floor(delays.length / 2)]!,
  };
}

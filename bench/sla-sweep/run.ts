// SLA sweep benchmark on the seeded shop (bench/sla-sweep/seed.ts): 
//   1. due-time computation throughput (computeSlaDueTimes, pure);
//   2. the sweep job (sla.sweep, with escalation) on a shop with 100,000 open tickets: the first sweep
//      records what fell due since the seed (with escalation), then back-to-back sweeps (the 30-s case);
//   3. breach latency: probe tickets due over the next minute, the real scheduler (30 s) and an
//      embedded worker; how long after its due time each breach was recorded.
//   2b. a burst of --burst N (default 1,000) first responses falling due at the same moment;
//   npx tsx bench/sla-sweep/run.ts sqlite|postgresql [--skip-latency] [--burst 1000]
import { applyShopifyTestEnvironment } from "../test-shopify-env";
import { BENCH_POLICIES, BENCH_SCHEDULE, BENCH_SHOP_ID, pgUrl, SQLITE_FILE } from "./seed";

const provider = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
applyShopifyTestEnvironment(provider === "sqlite" ? `file:${SQLITE_FILE}` : pgUrl(), { JOB_RUNNER: "embedded" });
const { default: prisma } = await import("../../app/db.server");
const { computeSlaDueTimes } = await import("../../app/domain/sla");
const { slaSweepJob } = await import("../../app/jobs/definitions/sla-sweep.server");
const { startSlaSweepScheduler } = await import("../../app/jobs/scheduler.server");
const { createJobWorker } = await import("../../app/jobs/create.server");
const { jobHandlers } = await import("../../app/jobs/registry");
const { EmbeddedJobQueue } = await import("../../app/jobs/embedded/queue.server");
const { silentLogger } = await import("../../app/jobs/types");

const open = await prisma.ticket.count({ where: { shopId: BENCH_SHOP_ID, status: { in: ["open", "pending", "snoozed"] }, slaDueAt: { not: null } } });
console.log(`[${provider}] ${open} active tickets with a due time`);

// 1. Due-time computation
{
  const policy = BENCH_POLICIES.find((p) => p.matchCategory === "order_status")!;
  const base = Date.now();
  const inputs = Array.from({ length: 100_000 }, (_, i) => ({
    policy, schedule: BENCH_SCHEDULE, createdAt: new Date(base - (i % 5000) * 60_000), firstRespondedAt: null, lastCustomerMessageAt: null, pausedAt: null,
  }));
  for (const input of inputs.slice(0, 5000)) computeSlaDueTimes(input); // warm the day cache
  const started = performance.now();
  for (const input of inputs) computeSlaDueTimes(input);
  const ms = performance.now() - started;
  console.log(`[${provider}] due-time computation: ${inputs.length} tickets in ${ms.toFixed(0)} ms = ${Math.round(inputs.length / (ms / 1000)).toLocaleString("en")} tickets/s`);
}

// 2. The sweep
const ctx = (now: Date) => ({ db: prisma, now, jobId: "bench", attempt: 1, log: silentLogger });
async function timedSweep(label: string) {
  const before = await prisma.ticketEvent.count({ where: { shopId: BENCH_SHOP_ID } });
  const started = performance.now();
  await slaSweepJob.run({ shopId: BENCH_SHOP_ID }, ctx(new Date()));
  const ms = performance.now() - started;
  const recorded = (await prisma.ticketEvent.count({ where: { shopId: BENCH_SHOP_ID } })) - before;
  console.log(`[${provider}] sweep (${label}): ${ms.toFixed(0)} ms, ${recorded} timeline events written`);
  return ms;
}
await timedSweep("first sweep: warnings and breaches that fell due since the seed");
const steady: number[] = [];
for (let round = 0; round < 5; round++) steady.push(await timedSweep(`steady state ${round + 1}`));
steady.sort((a, b) => a - b);
console.log(`[${provider}] steady-state sweep over ${open} tickets: median ${steady[2]!.toFixed(0)} ms, max ${steady[4]!.toFixed(0)} ms`);

// 2b. A burst: BURST tickets whose first response falls due at the same moment (a promotion's backlog)
{
  const burstFlag = process.argv.indexOf("--burst");
  const burst = burstFlag > 0 ? Number(process.argv[burstFlag + 1]) : 1000;
  const victims = await prisma.ticket.findMany({
    where: { shopId: BENCH_SHOP_ID, status: "open", firstRespondedAt: null, slaPausedAt: null, firstResponseDueAt: { gt: new Date() } },
    select: { id: true },
    take: burst,
  });
  const dueAt = new Date(Date.now() - 1_000);
  for (let start = 0; start < victims.length; start += 400) {
    const ids = victims.slice(start, start + 400).map((v) => v.id);
    await prisma.ticket.updateMany({ where: { id: { in: ids } }, data: { firstResponseDueAt: dueAt, slaDueAt: dueAt, slaNextEventAt: dueAt } });
  }
  const ms = await timedSweep(`burst: ${victims.length} first responses due at once`);
  console.log(`[${provider}] burst of ${victims.length} breaches (each escalated): ${(ms / 1000).toFixed(1)} s, ${(ms / Math.max(1, victims.length)).toFixed(1)} ms per breach`);
}

// 3. Breach latency with the real scheduler and an embedded worker
if (!process.argv.includes("--skip-latency")) {
  const policy = BENCH_POLICIES.find((p) => p.matchSeverity === "L1")!; // 60 calendar minutes
  const now = Date.now();
  const probes = Array.from({ length: 12 }, (_, i) => {
    const dueAt = new Date(now + 5_000 + i * 5_000);
    return { id: `probe_${now.toString(36)}_${i}`, dueAt, createdAt: new Date(dueAt.getTime() - 60 * 60_000) };
  });
  for (const [i, probe] of probes.entries()) {
    await prisma.ticket.create({
      data: {
        id: probe.id, shopId: BENCH_SHOP_ID, number: 900_000 + (now % 10_000) * 20 + i, subject: "probe", severity: "L1", priority: "urgent", slaPolicyId: policy.id,
        createdAt: probe.createdAt, lastCustomerMessageAt: probe.createdAt, waitingSince: probe.createdAt,
        firstResponseDueAt: probe.dueAt, slaDueAt: probe.dueAt, resolutionDueAt: new Date(probe.createdAt.getTime() + 24 * 3_600_000),
      },
    });
  }
  const queue = new EmbeddedJobQueue(prisma);
  const worker = createJobWorker({ JOB_RUNNER: "embedded", DATABASE_URL: process.env.DATABASE_URL! }, jobHandlers([slaSweepJob]), { db: prisma });
  worker.start();
  const scheduler = startSlaSweepScheduler({ db: prisma, queue });
  const deadline = Date.now() + 130_000;
  let lags: number[] = [];
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const events = await prisma.ticketEvent.findMany({ where: { ticketId: { in: probes.map((p) => p.id) }, type: "sla_breach" }, select: { ticketId: true, createdAt: true } });
    lags = events.map((event) => event.createdAt.getTime() - probes.find((p) => p.id === event.ticketId)!.dueAt.getTime());
    if (events.length === probes.length) break;
  }
  await scheduler.stop();
  await worker.stop();
  await queue.close();
  lags.sort((a, b) => a - b);
  console.log(
    `[${provider}] breach latency (${lags.length}/${probes.length} probes breached, due over 60 s, scheduler every 30 s): ` +
      `median ${(lags[Math.floor(lags.length / 2)]! / 1000).toFixed(1)} s, max ${(lags.at(-1)! / 1000).toFixed(1)} s after the due time`,
  );
  await prisma.ticket.deleteMany({ where: { id: { in: probes.map((p) => p.id) } } });
}
await prisma.$disconnect();

// The durable job runner, the same behaviour on both runners: the embedded one on the test database
// (SQLite, or PostgreSQL with TEST_DATABASE_URL) and BullMQ on local Redis.
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import prisma from "../../app/db.server";
import { defineJob, jobHandlers, PermanentJobError } from "../../app/jobs/registry";
import { createShop, createTicket } from "../factories";
import { startChildWorker } from "./support/child-process";
import { effectJob } from "./support/effect-job";
import { createHarness, sleep, uniqueJobName, waitFor, type RunnerHarness, type RunnerKind } from "./support/runners";

const runners: RunnerKind[] = ["embedded", "bullmq"];

describe.each(runners)("job runner: %s", (kind) => {
  let harness: RunnerHarness;
  const open = () => (harness = createHarness(kind, prisma));
  afterEach(async () => {
    await harness?.close();
  });

  async function ticketFixture() {
    const shop = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id);
    return { shopId: shop.id, ticketId: ticket.id };
  }
  const effects = (ticketId: string, key: string) => prisma.ticketEvent.count({ where: { ticketId, dedupeKey: `effect:${key}` } });

  it("runs an enqueued job once; a second enqueue of the same due event is a no-op", async () => {
    // GIVEN a queue and a job for one due event
    open();
    const { shopId, ticketId } = await ticketFixture();
    const name = uniqueJobName("once");
    const runs: number[] = [];
    const first = await harness.queue.enqueue(name, { shopId, ticketId, key: "a" }, { dedupeKey: `${name}:a`, shopId });
    // WHEN the same due event is enqueued again, and a worker runs
    const second = await harness.queue.enqueue(name, { shopId, ticketId, key: "a" }, { dedupeKey: `${name}:a`, shopId });
    harness.startWorker(jobHandlers([effectJob(name, { onRun: (_, attempt) => void runs.push(attempt) })]));
    await waitFor(async () => (await harness.state(first.id)) === "done", 10_000, "the job to finish");
    const third = await harness.queue.enqueue(name, { shopId, ticketId, key: "a" }, { dedupeKey: `${name}:a`, shopId });
    await sleep(300);
    // THEN one job, run once, one effect; repeats (also after completion) return the same job
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(third).toEqual({ id: first.id, created: false });
    expect(runs).toEqual([1]);
    expect(await effects(ticketId, "a")).toBe(1);
  });

  it("runs a delayed job at its runAt, not before", async () => {
    // GIVEN a job due in 1.2 s and a running worker
    open();
    const { shopId, ticketId } = await ticketFixture();
    const name = uniqueJobName("delayed");
    let ranAt: number | null = null;
    harness.startWorker(jobHandlers([effectJob(name, { onRun: () => void (ranAt = Date.now()) })]));
    const runAt = new Date(Date.now() + 1_200);
    // WHEN it is enqueued
    const { id } = await harness.queue.enqueue(name, { shopId, ticketId, key: "later" }, { runAt, dedupeKey: `${name}:later` });
    // THEN nothing runs early; it runs once it is due
    await sleep(600);
    expect(ranAt).toBeNull();
    await waitFor(async () => (await harness.state(id)) === "done", 10_000, "the delayed job");
    expect(ranAt!).toBeGreaterThanOrEqual(runAt.getTime() - 5);
    expect(await effects(ticketId, "later")).toBe(1);
  });

  it("retries a failing job with growing delays, then gives it up as dead", async () => {
    // GIVEN a handler that always fails, 3 attempts, a 150 ms base delay
    open();
    const name = uniqueJobName("failing");
    const attemptsAt: number[] = [];
    const failing = defineJob(name, z.object({}), async () => {
      attemptsAt.push(Date.now());
      throw new Error("carrier API down");
    });
    // WHEN it runs
    const { id } = await harness.queue.enqueue(name, {}, { dedupeKey: `${name}:x`, maxAttempts: 3 });
    harness.startWorker(jobHandlers([failing]));
    await waitFor(async () => (await harness.state(id)) === "dead", 10_000, "the job to be dead");
    await sleep(400);
    // THEN three attempts, the second gap about twice the first, and the error kept
    expect(attemptsAt).toHaveLength(3);
    const [gap1, gap2] = [attemptsAt[1] - attemptsAt[0], attemptsAt[2] - attemptsAt[1]];
    expect(gap1).toBeGreaterThanOrEqual(140);
    expect(gap2).toBeGreaterThanOrEqual(290);
    expect(await harness.attempts(id)).toBe(3);
    if (kind === "embedded") expect((await prisma.job.findUnique({ where: { id } }))?.lastError).toContain("carrier API down");
  });

  it("gives up at once on a permanent error or an invalid payload", async () => {
    // GIVEN a job whose handler reports a permanent failure, and one with a payload its schema refuses
    open();
    const name = uniqueJobName("permanent");
    const runs: string[] = [];
    const job = defineJob(name, z.object({ orderId: z.string() }), async ({ orderId }) => {
      runs.push(orderId);
      throw new PermanentJobError("order deleted");
    });
    const permanent = await harness.queue.enqueue(name, { orderId: "1" }, { dedupeKey: `${name}:1` });
    const invalid = await harness.queue.enqueue(name, { orderId: 42 }, { dedupeKey: `${name}:2` });
    // WHEN a worker runs them
    harness.startWorker(jobHandlers([job]));
    // THEN both are dead after one attempt
    await waitFor(async () => (await harness.state(permanent.id)) === "dead" && (await harness.state(invalid.id)) === "dead", 10_000, "both dead");
    expect(runs).toEqual(["1"]);
    expect(await harness.attempts(permanent.id)).toBe(1);
    expect(await harness.attempts(invalid.id)).toBe(1);
  });

  it("cancels a waiting job by its due event; a new enqueue then creates it again", async () => {
    // GIVEN two delayed jobs
    open();
    const { shopId, ticketId } = await ticketFixture();
    const name = uniqueJobName("cancel");
    const runAt = new Date(Date.now() + 600);
    const cancelled = await harness.queue.enqueue(name, { shopId, ticketId, key: "cancelled" }, { runAt, dedupeKey: `${name}:cancelled` });
    const kept = await harness.queue.enqueue(name, { shopId, ticketId, key: "kept" }, { runAt: new Date(runAt.getTime() + 100), dedupeKey: `${name}:kept` });
    // WHEN one is cancelled before it is due
    expect(await harness.queue.cancel(`${name}:cancelled`)).toBe(true);
    expect(await harness.queue.cancel(`${name}:unknown`)).toBe(false);
    harness.startWorker(jobHandlers([effectJob(name)]));
    await waitFor(async () => (await harness.state(kept.id)) === "done", 10_000, "the kept job");
    // THEN it never runs, and enqueuing that due event again creates a new job
    expect(await harness.state(cancelled.id)).toBe("missing");
    expect(await effects(ticketId, "cancelled")).toBe(0);
    expect(await effects(ticketId, "kept")).toBe(1);
    const again = await harness.queue.enqueue(name, { shopId, ticketId, key: "cancelled" }, { dedupeKey: `${name}:cancelled` });
    expect(again.created).toBe(true);
  });

  it("cancels every waiting job of an uninstalled shop, and only that shop's", async () => {
    // GIVEN waiting jobs of two shops
    open();
    const name = uniqueJobName("uninstall");
    const later = new Date(Date.now() + 60_000);
    for (const n of [1, 2, 3]) await harness.queue.enqueue(name, { n }, { runAt: later, shopId: "shop-gone", dedupeKey: `${name}:gone:${n}` });
    const other = await harness.queue.enqueue(name, { n: 4 }, { runAt: later, shopId: "shop-stays", dedupeKey: `${name}:stays` });
    // WHEN the first shop uninstalls
    const removed = await harness.queue.cancelForShop("shop-gone");
    // THEN its three jobs are gone, the other shop's job waits
    expect(removed).toBe(3);
    expect(await harness.queue.cancelForShop("shop-gone")).toBe(0);
    expect(await harness.state(other.id)).toBe("queued");
  });

  it("two worker processes run 50 jobs, each exactly once", async () => {
    // GIVEN 50 due jobs, a worker in this process and one in another process
    open();
    const { shopId, ticketId } = await ticketFixture();
    const name = uniqueJobName("concurrent");
    const runs = new Map<string, number>();
    const count = (key: string) => runs.set(key, (runs.get(key) ?? 0) + 1);
    const ids: string[] = [];
    for (let n = 0; n < 50; n++) ids.push((await harness.queue.enqueue(name, { shopId, ticketId, key: `k${n}` }, { dedupeKey: `${name}:${n}` })).id);
    // Locks long enough that a busy machine never lets one expire: this test is about claims, not kills.
    const tuning = { concurrency: 4, leaseMs: 20_000, lockDurationMs: 20_000 };
    const child = startChildWorker(harness, name, { tuning });
    try {
      // WHEN both work the queue
      await child.waitForLine((line) => line === "ready");
      harness.startWorker(jobHandlers([effectJob(name, { onRun: ({ key }) => void count(key) })]), { tuning });
      await waitFor(async () => (await Promise.all(ids.map((id) => harness.state(id)))).every((state) => state === "done"), 30_000, "all 50 jobs");
      // THEN every job ran once, in one process or the other, and produced one effect
      // Its report lines may still be in the pipe: stop it and read them all.
      child.process.kill("SIGTERM");
      await child.exited;
      for (const line of child.lines.filter((line) => line.startsWith("run "))) count(line.split(" ")[1]);
      expect(runs.size).toBe(50);
      expect([...runs.entries()].filter(([, times]) => times !== 1)).toEqual([]);
      expect(await prisma.ticketEvent.count({ where: { ticketId, dedupeKey: { startsWith: "effect:k" } } })).toBe(50);
      for (const id of ids) expect(await harness.attempts(id)).toBe(1);
    } finally {
      child.process.kill("SIGTERM");
      await child.exited;
    }
  }, 60_000);
});

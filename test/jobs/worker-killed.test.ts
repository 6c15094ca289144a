// Exactly once when a worker is killed mid-run: a worker in another process claims a job, produces its
// effect, and is SIGKILLed before it completes the job. Another worker takes the job over when the
// lease (embedded) or lock (BullMQ) expires; the job completes once and the effect exists once.
import { afterEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { jobHandlers } from "../../app/jobs/registry";
import { createShop, createTicket } from "../factories";
import { startChildWorker } from "./support/child-process";
import { effectJob } from "./support/effect-job";
import { createHarness, uniqueJobName, waitFor, type RunnerHarness, type RunnerKind } from "./support/runners";

const runners: RunnerKind[] = ["embedded", "bullmq"];

describe.each(runners)("a worker killed mid-run: %s", (kind) => {
  let harness: RunnerHarness;
  afterEach(async () => {
    await harness?.close();
  });

  it.each([
    ["after its effect", true],
    ["before its effect", false],
  ])("the job completes exactly once when the worker dies %s", async (_, diesAfterEffect) => {
    // GIVEN a due job and a worker process that takes it and hangs (after or before the effect)
    harness = createHarness(kind, prisma);
    const shop = await createShop(prisma);
    const ticket = await createTicket(prisma, shop.id);
    const name = uniqueJobName("killed");
    const payload = { shopId: shop.id, ticketId: ticket.id, key: name };
    const { id } = await harness.queue.enqueue(name, payload, { dedupeKey: `${name}:due`, shopId: shop.id, maxAttempts: 3 });
    const child = startChildWorker(harness, name, { block: diesAfterEffect ? "after-effect" : "before-effect" });
    await child.waitForLine((line) => line.startsWith(diesAfterEffect ? `effect ${name}` : `run ${name}`));
    // WHEN the worker process is killed and another worker starts
    child.process.kill("SIGKILL");
    await child.exited;
    expect(await harness.state(id)).toBe("running");
    const runsHere: number[] = [];
    const appliedHere: boolean[] = [];
    harness.startWorker(
      jobHandlers([effectJob(name, { onRun: (_, attempt) => void runsHere.push(attempt), afterEffect: (_, applied) => void appliedHere.push(applied) })]),
    );
    await waitFor(async () => (await harness.state(id)) === "done", 20_000, "the job to be taken over and done");
    // THEN it ran once more, completed once, and its effect exists once
    expect(runsHere).toHaveLength(1);
    expect(await prisma.ticketEvent.count({ where: { ticketId: ticket.id, dedupeKey: `effect:${name}` } })).toBe(1);
    expect(child.lines.filter((line) => line.startsWith("effect ")).length).toBe(diesAfterEffect ? 1 : 0);
    expect(appliedHere).toEqual([!diesAfterEffect]);
    if (kind === "embedded") {
      const row = await prisma.job.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "done", attempts: 2, lockedBy: null });
    }
  }, 60_000);
});

// A job worker in its own process, for the tests that need a second process: run with
// `node --import tsx test/jobs/support/child-worker.ts`. It reports on stdout, one line per event:
// "ready", "run <key> <attempt>", "effect <key> <applied>". CHILD_BLOCK=after-effect (or before-effect)
// makes every handler hang there, so the test can SIGKILL the process before the job is completed.
import { createPrismaClient } from "../../../app/db/create-client.server";
import { createJobWorker } from "../../../app/jobs/create.server";
import { jobHandlers } from "../../../app/jobs/registry";
import { effectJob } from "./effect-job";
import { FAST_TUNING, type RunnerKind } from "./runners";

const required = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`child worker: ${name} is required`);
  return value;
};

const env = { JOB_RUNNER: required("JOB_RUNNER") as RunnerKind, DATABASE_URL: required("DATABASE_URL"), REDIS_URL: required("REDIS_URL") };
const block = process.env.CHILD_BLOCK ?? "none";
const hang = () => new Promise<never>(() => {});
const db = await createPrismaClient(env.DATABASE_URL);
const definition = effectJob(required("CHILD_JOB_NAME"), {
  onRun: async ({ key }, attempt) => {
    process.stdout.write(`run ${key} ${attempt}\n`);
    if (block === "before-effect") await hang();
  },
  afterEffect: async ({ key }, applied) => {
    process.stdout.write(`effect ${key} ${applied}\n`);
    if (block === "after-effect") await hang();
  },
});
const tuning = { ...FAST_TUNING, ...(JSON.parse(process.env.CHILD_TUNING ?? "{}") as object) };
const worker = createJobWorker(env, jobHandlers([definition]), { db, bullmq: { prefix: required("CHILD_PREFIX") }, tuning });
worker.start();
process.stdout.write("ready\n");

process.once("SIGTERM", () => {
  void worker.stop().then(async () => {
    await db.$disconnect();
    process.exit(0);
  });
});

// `npm run worker`: a job worker process. Production (JOB_RUNNER=bullmq) runs one or more of these
// beside the app processes; with the embedded runner it is an optional extra worker on the database.
// SIGTERM/SIGINT stop it gracefully: no new jobs, running ones finish (see docs/decisions/009).
import prisma from "../db.server";
import { env } from "../env.server";
import { createJobQueue, createJobWorker } from "../jobs/create.server";
import { allJobHandlers } from "../jobs/definitions/index.server";
import { createJobLogger } from "../jobs/logger.server";
import { startSlaSweepScheduler } from "../jobs/scheduler.server";

const log = createJobLogger(env.LOG_LEVEL);
// The process's one client (db.server): job code that enqueues through getJobQueue() uses it too. A
// second SQLite connection in the same process would deadlock: better-sqlite3 waits for a lock
// synchronously, blocking the event loop that the holder needs to commit.
const db = prisma;
const queue = createJobQueue(env, { db, log });
const worker = createJobWorker(env, allJobHandlers(), { db, log });
worker.start();
const scheduler = startSlaSweepScheduler({ db, queue, log });
log.info({ runner: env.JOB_RUNNER }, "Shopdesk job worker running");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "Shopdesk job worker stopping");
  await scheduler.stop();
  await worker.stop();
  await queue.close();
  await db.$disconnect();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));

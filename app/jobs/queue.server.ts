// The app's job queue (one per process), for routes and services that schedule work:
// `scheduleSnoozeWake(getJobQueue(), …)`.
import prisma from "../db.server";
import { env } from "../env.server";
import { createJobQueue } from "./create.server";
import type { JobQueue } from "./types";

declare global {
  var shopdeskJobQueue: JobQueue | undefined;
}

export function getJobQueue(): JobQueue {
  globalThis.shopdeskJobQueue ??= createJobQueue(env, { db: prisma });
  return globalThis.shopdeskJobQueue;
}

import { pino } from "pino";
import type { Env } from "../env.server";
import type { JobLogger } from "./types";

export function createJobLogger(level: Env["LOG_LEVEL"]): JobLogger {
  return pino({ level, base: { component: "jobs" } });
}

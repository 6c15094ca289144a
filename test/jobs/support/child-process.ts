// Starts test/jobs/support/child-worker.ts in a new Node process and follows its stdout lines.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { REDIS_URL, waitFor, type RunnerHarness } from "./runners";

export interface ChildWorker {
  process: ChildProcess;
  lines: string[];
  waitForLine(predicate: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves when the process has ended and all its output has been read. */
  exited: Promise<void>;
}

export function startChildWorker(harness: RunnerHarness, jobName: string, options: { block?: "after-effect" | "before-effect"; tuning?: object } = {}): ChildWorker {
  const script = path.join(import.meta.dirname, "child-worker.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: {
      ...process.env,
      JOB_RUNNER: harness.kind,
      REDIS_URL,
      CHILD_PREFIX: harness.prefix,
      CHILD_JOB_NAME: jobName,
      CHILD_BLOCK: options.block ?? "none",
      CHILD_TUNING: JSON.stringify(options.tuning ?? {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    lines.push(...parts.filter(Boolean));
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  // "close": the process ended and its stdout was read to the end.
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  return {
    process: child,
    lines,
    exited,
    async waitForLine(predicate, timeoutMs = 15_000) {
      await waitFor(() => lines.some(predicate) || child.exitCode !== null, timeoutMs, `a line from the child worker (stderr: ${stderr.slice(-500)})`);
      const line = lines.find(predicate);
      if (!line) throw new Error(`child worker exited (${child.exitCode}): ${stderr.slice(-1000)}`);
      return line;
    },
  };
}

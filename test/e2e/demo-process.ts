// Starts `npm run demo`'s server (fresh database, stand-in, app) on free ports for a browser test.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createServer } from "node:net";

const root = path.resolve(import.meta.dirname, "..", "..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningDemo {
  appUrl: string;
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startDemo(): Promise<RunningDemo> {
  const port = await freePort();
  const standinPort = await freePort();
  mkdirSync(path.join(root, ".tmp"), { recursive: true });
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "dev", "demo.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      STANDIN_PORT: String(standinPort),
      DEMO_DATABASE_FILE: path.join(".tmp", `e2e-demo-${port}.sqlite`),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so stop() ends the dev server it spawns too
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not become ready:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("[demo] ready.")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited with ${code}:\n${output}`));
    });
  });
  return {
    appUrl: `http://localhost:${port}`,
    adminUrl: `http://localhost:${standinPort}/admin`,
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    },
  };
}

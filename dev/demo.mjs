#!/usr/bin/env node
// `npm run demo` on a fresh clone: install dependencies when they are missing, then start the demo.
// Plain JavaScript so it runs before node_modules (and tsx) exist.
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
if (!existsSync(path.join(root, "node_modules", ".bin", "tsx"))) {
  console.log("[demo] installing dependencies (npm ci, about 3 minutes on a fresh machine)…");
  const install = spawnSync("npm", ["ci"], { cwd: root, stdio: "inherit" });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "dev", "demo-server.ts")], {
  cwd: root,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));

import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../../app/env.server";

const root = path.resolve(import.meta.dirname, "..", "..");
const valid = { SHOPIFY_API_KEY: "key", SHOPIFY_API_SECRET: "secret", SHOPIFY_APP_URL: "https://app.example.com" };

describe("environment", () => {
  it("accepts a complete environment with defaults", () => {
    const parsed = parseEnv(valid);
    expect("env" in parsed && parsed.env).toMatchObject({ DATABASE_URL: "file:./prisma/dev.sqlite", JOB_RUNNER: "embedded" });
  });

  it("names every missing or invalid variable", () => {
    const parsed = parseEnv({ SHOPIFY_API_KEY: "key", SHOPIFY_APP_URL: "not a url", DATABASE_URL: "mysql://x" });
    expect("problems" in parsed && parsed.problems.join("\n")).toMatch(/SHOPIFY_API_SECRET/);
    expect("problems" in parsed && parsed.problems.join("\n")).toMatch(/SHOPIFY_APP_URL/);
    expect("problems" in parsed && parsed.problems.join("\n")).toMatch(/DATABASE_URL must start with file:/);
  });

  it("refuses the development stand-ins in production", () => {
    const parsed = parseEnv({ ...valid, NODE_ENV: "production", SHOPIFY_ADMIN_API_ORIGIN: "http://localhost:3100" });
    expect("problems" in parsed && parsed.problems).toEqual([
      "SHOPIFY_ADMIN_API_ORIGIN is a development stand-in and is refused in production",
    ]);
  });

  it("stops the process with one clear line when SHOPIFY_API_SECRET is missing", () => {
    // GIVEN an environment without the secret WHEN the app's environment module loads
    const { SHOPIFY_API_SECRET: _omitted, ...withoutSecret } = process.env;
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "-e", `await import(${JSON.stringify(path.join(root, "app", "env.server.ts"))})`],
      { cwd: root, env: { ...withoutSecret, SHOPIFY_API_KEY: valid.SHOPIFY_API_KEY, SHOPIFY_APP_URL: valid.SHOPIFY_APP_URL }, encoding: "utf8" },
    );
    // THEN it exits non-zero with one line naming the variable, and no stack trace
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Shopdesk cannot start: SHOPIFY_API_SECRET is required/);
  });
});

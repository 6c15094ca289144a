import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("./desk.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

function desk(...args: string[]) {
  const result = spawnSync(tsx, [cli, ...args], { encoding: "utf8", timeout: 15_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("desk CLI", () => {
  it("triage prints the classification as JSON", () => {
    const { status, stdout } = desk("triage", "The charger caught fire, I will call my lawyer", "--subject", "Dangerous charger");
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ category: "complaint", severity: "L1", priority: "urgent", escalate: true });
    expect(result.reasons.map((r: { rule: string }) => r.rule)).toEqual(expect.arrayContaining(["severity:L1:safety", "severity:L1:legal"]));
  });

  it("triage handles Chinese text", () => {
    const { status, stdout } = desk("triage", "请帮我取消订单");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ category: "cancellation", severity: "L3", escalate: false });
  });

  it("prints usage and exits 2 on an unknown command or a missing message", () => {
    const unknown = desk("frobnicate");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain("triage");
    expect(unknown.stdout).toBe("");
    expect(desk("triage").status).toBe(2);
  });
});

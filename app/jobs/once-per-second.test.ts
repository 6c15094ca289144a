import { describe, expect, it } from "vitest";
import { oncePerSecond } from "./once-per-second";

describe("oncePerSecond", () => {
  it("asks once per key and second, and again after a failed ask", async () => {
    const asked: string[] = [];
    let fail = false;
    const ask = oncePerSecond(async (_queue: null, key: string, now: Date) => {
      if (fail) throw new Error("queue down");
      asked.push(`${key}@${now.getTime()}`);
    });
    const t = new Date("2026-11-23T12:00:00.100Z");
    await ask(null, "a", t);
    await ask(null, "a", new Date(t.getTime() + 500));
    await ask(null, "b", t);
    await ask(null, "a", new Date(t.getTime() + 1_000));
    expect(asked).toEqual([`a@${t.getTime()}`, `b@${t.getTime()}`, `a@${t.getTime() + 1_000}`]);
    fail = true;
    await expect(ask(null, "c", t)).rejects.toThrow("queue down");
    fail = false;
    await ask(null, "c", t);
    expect(asked).toContain(`c@${t.getTime()}`);
  });
});

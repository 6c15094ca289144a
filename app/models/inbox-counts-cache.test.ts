import { describe, expect, it } from "vitest";
import { cachedInboxCounts, invalidateInboxCounts, INBOX_COUNTS_TTL_MS } from "./inbox-counts-cache.server";
import type { InboxViewCounts } from "./inbox-query.server";

const counts = (all: number) => ({ all, mine: 0, unassigned: 0, urgent: 0, breaching: 0, waiting: 0, snoozed: 0, resolved: 0 }) satisfies InboxViewCounts;

describe("inbox counts cache", () => {
  it("serves fresh counts from memory, per shop and agent, and recomputes after the TTL or a write", async () => {
    let computed = 0;
    const compute = async () => counts(++computed);
    const t0 = 1_000_000;
    expect((await cachedInboxCounts("shop-a", "agent-1", compute, t0)).all).toBe(1);
    expect((await cachedInboxCounts("shop-a", "agent-1", compute, t0 + 1000)).all).toBe(1); // cached
    expect((await cachedInboxCounts("shop-a", "agent-2", compute, t0 + 1000)).all).toBe(2); // another agent's "Mine"
    expect((await cachedInboxCounts("shop-b", "agent-1", compute, t0 + 1000)).all).toBe(3); // another shop
    expect((await cachedInboxCounts("shop-a", "agent-1", compute, t0 + INBOX_COUNTS_TTL_MS + 1)).all).toBe(4); // expired
    invalidateInboxCounts("shop-a");
    expect((await cachedInboxCounts("shop-a", "agent-1", compute, t0 + INBOX_COUNTS_TTL_MS + 2)).all).toBe(5); // written
    expect((await cachedInboxCounts("shop-b", "agent-1", compute, t0 + 2000)).all).toBe(3); // other shop untouched
  });
});

// View counts are the inbox's most expensive part (a count over every ticket of the shop per view), and
// they need not be exact to the second. They are kept per shop and agent for a few seconds; writes made
// by this process drop the shop's entries at once, other processes' writes show within the TTL.
import type { InboxViewCounts } from "./inbox-query.server";

export const INBOX_COUNTS_TTL_MS = 10_000;

interface Entry {
  counts: InboxViewCounts;
  expiresAt: number;
  generation: number;
}

const entries = new Map<string, Entry>();
const generations = new Map<string, number>();

function generationOf(shopId: string): number {
  return generations.get(shopId) ?? 0;
}

/** Counts from the cache when fresh, else computed (concurrent misses each compute; they are idempotent). */
export async function cachedInboxCounts(
  shopId: string,
  agentId: string | null,
  compute: () => Promise<InboxViewCounts>,
  now = Date.now(),
): Promise<InboxViewCounts> {
  const key = `${shopId}\u0000${agentId ?? ""}`;
  const entry = entries.get(key);
  const generation = generationOf(shopId);
  if (entry && entry.expiresAt > now && entry.generation === generation) return entry.counts;
  const counts = await compute();
  entries.set(key, { counts, expiresAt: now + INBOX_COUNTS_TTL_MS, generation });
  if (entries.size > 10_000) entries.delete(entries.keys().next().value!); // bound memory: oldest first
  return counts;
}

/** Call after any write that can move a ticket between views (status, assignee, priority, SLA, merge, new ticket). */
export function invalidateInboxCounts(shopId: string): void {
  generations.set(shopId, generationOf(shopId) + 1);
}

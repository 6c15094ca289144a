// Hot paths (webhook ingestion, the storefront contact form) ask for a drain job per shop and second.
// Asking costs an insert (or a Redis call) even when the job exists; this keeps it to the first ask
// per key and second in this process. A failed ask is forgotten, so the next one tries again.
const SECOND_MS = 1_000;
const MAX_KEYS = 10_000;

export function oncePerSecond<Q>(ask: (queue: Q, key: string, now: Date) => Promise<unknown>): (queue: Q, key: string, now?: Date) => Promise<void> {
  const askedInSecond = new Map<string, number>();
  return async (queue, key, now = new Date()) => {
    const second = Math.floor(now.getTime() / SECOND_MS);
    if (askedInSecond.get(key) === second) return;
    if (askedInSecond.size > MAX_KEYS) askedInSecond.clear();
    askedInSecond.set(key, second);
    try {
      await ask(queue, key, now);
    } catch (error) {
      askedInSecond.delete(key);
      throw error;
    }
  };
}

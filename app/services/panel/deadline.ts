// The panel must render within about two seconds even when the Admin API is slow or retrying
// (the client's own timeout is 10 s with throttle and 5xx retries): race the request against a deadline.
import { AdminApiError } from "../../shopify/admin-api-error";

export const PANEL_DEADLINE_MS = 2_000;

export type DeadlineOutcome<T> = { ok: true; value: T } | { ok: false; error: string; errorKind: string };

export class DeadlineExceeded extends Error {
  constructor(ms: number) {
    super(`Shopify did not answer within ${(ms / 1000).toFixed(1)} s`);
    this.name = "DeadlineExceeded";
  }
}

/**
 * Resolves with the work's value, or with a failure when it rejects or takes longer than `ms`.
 * At the deadline `abandoned` aborts: the work should start no new retries, but a request already
 * sent keeps running and `onLate` gets its value.
 */
export async function withinDeadline<T>(
  start: (abandoned: AbortSignal) => Promise<T>,
  ms: number,
  onLate?: (value: T) => Promise<void> | void,
): Promise<DeadlineOutcome<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const abandon = new AbortController();
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      abandon.abort();
      reject(new DeadlineExceeded(ms));
    }, Math.max(0, ms));
  });
  const work = start(abandon.signal);
  try {
    return { ok: true, value: await Promise.race([work, deadline]) };
  } catch (error) {
    if (timedOut && onLate) {
      // Late answers still warm the cache; failures after the deadline are already reported as the timeout.
      work.then(onLate).catch(() => undefined);
    } else {
      work.catch(() => undefined);
    }
    return { ok: false, ...describeAdminFailure(error) };
  } finally {
    clearTimeout(timer);
  }
}

export function describeAdminFailure(error: unknown): { error: string; errorKind: string } {
  if (error instanceof DeadlineExceeded) return { error: error.message, errorKind: "timeout" };
  if (error instanceof AdminApiError) return { error: error.message, errorKind: error.kind };
  return { error: error instanceof Error ? error.message : String(error), errorKind: "unknown" };
}

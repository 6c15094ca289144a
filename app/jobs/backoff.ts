// Retry delays, shared by both runners so a job retries on the same schedule whichever runs it.

export interface BackoffOptions {
  /** Delay before the first retry. */
  baseDelayMs: number;
  /** Upper bound of any delay. */
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 5_000, maxDelayMs: 60 * 60_000 };

/** Exponential: after failed attempt n (1-based) wait base · 2^(n−1), capped. */
export function retryDelayMs(failedAttempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failedAttempt - 1);
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(exponent, 30));
}

/** When and how long to wait before trying a request again. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly retries: number;
  /** First backoff ceiling; doubles each attempt. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Injected for tests and seeded runs. */
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 6,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Statuses that mean "try again later": rate limiting and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Exponential backoff with full jitter (a random wait up to the doubling ceiling), so
 * many clients retrying together spread out; a server's Retry-After is a floor.
 */
export function backoffMs(attempt: number, policy: RetryPolicy, serverAsked?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const jittered = Math.round(policy.random() * ceiling);
  return serverAsked === undefined ? jittered : Math.max(serverAsked, jittered);
}

/** What one attempt returned: done, or retry after an optional server-requested delay. */
export type AttemptOutcome<T> = { done: true; value: T } | { done: false; error: Error; retryAfterMs?: number };

/** Runs attempts until one is done or the retries are spent; the last error is thrown. */
export async function withRetries<T>(attempt: (n: number) => Promise<AttemptOutcome<T>>, policy: RetryPolicy): Promise<T> {
  for (let n = 0; ; n++) {
    const outcome = await attempt(n);
    if (outcome.done) return outcome.value;
    if (n >= policy.retries) throw outcome.error;
    await policy.sleep(backoffMs(n, policy, outcome.retryAfterMs));
  }
}

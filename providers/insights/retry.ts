/** When and how long to wait before trying a request again. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly retries: number;
  /** First backoff ceiling; doubles each attempt. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * The longest single wait, whatever a server's Retry-After asks: `Retry-After: 3600` would
   * idle an hour per attempt, and a date in 2099 overflows Node's timer into a 1 ms busy loop.
   */
  readonly maxWaitMs: number;
  /** Injected for tests and seeded runs. */
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** The clock Retry-After dates and deadlines are read against. */
  readonly now: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 6,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  maxWaitMs: 30_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: Date.now,
};

/** Statuses that mean "try again later": rate limiting and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); not capped here. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Exponential backoff with full jitter (a random wait up to the doubling ceiling), so
 * many clients retrying together spread out; a server's Retry-After is a floor, and
 * `maxWaitMs` the ceiling of both.
 */
export function backoffMs(attempt: number, policy: RetryPolicy, serverAsked?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const jittered = Math.round(policy.random() * ceiling);
  return Math.min(policy.maxWaitMs, serverAsked === undefined ? jittered : Math.max(serverAsked, jittered));
}

/** What one attempt returned: done, or retry after an optional server-requested delay. */
export type AttemptOutcome<T> =
  { done: true; value: T } | { done: false; error: Error; retryAfterMs?: number; final?: boolean };

/** One wait before a retry, for progress output. */
export interface RetryEvent {
  /** The attempt about to be made (1 = the first retry). */
  readonly retry: number;
  readonly waitMs: number;
  /** What the server's Retry-After asked for, when it asked for more than the ceiling allows. */
  readonly serverAskedMs?: number;
  readonly error: Error;
}

export interface RetryLimits {
  /** No wait may end after this instant (the call's and the run's deadline), on the policy's clock. */
  readonly deadline?: number;
  readonly onRetry?: (event: RetryEvent) => void;
}

const seconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;

/** The last error, with why it was not retried further; the caller sees one message. */
function givenUp(error: Error, why: string | undefined): Error {
  if (why) error.message = `${error.message} (${why})`;
  return error;
}

/** Runs attempts until one is done, the retries are spent or the deadline leaves no room; the last error is thrown. */
export async function withRetries<T>(
  attempt: (n: number) => Promise<AttemptOutcome<T>>,
  policy: RetryPolicy,
  limits: RetryLimits = {},
): Promise<T> {
  let askedMore: number | undefined;
  for (let n = 0; ; n++) {
    const outcome = await attempt(n);
    if (outcome.done) return outcome.value;
    const capNote =
      askedMore === undefined
        ? undefined
        : `the server asked to wait ${seconds(askedMore)}; waits are capped at ${seconds(policy.maxWaitMs)}`;
    if (outcome.final || n >= policy.retries) throw givenUp(outcome.error, capNote);
    const waitMs = backoffMs(n, policy, outcome.retryAfterMs);
    const asked =
      outcome.retryAfterMs !== undefined && outcome.retryAfterMs > waitMs ? outcome.retryAfterMs : undefined;
    if (asked !== undefined) askedMore = Math.max(askedMore ?? 0, asked);
    if (limits.deadline !== undefined && policy.now() + waitMs >= limits.deadline) {
      throw givenUp(outcome.error, `not retried: a ${seconds(waitMs)} wait would pass the deadline`);
    }
    limits.onRetry?.({ retry: n + 1, waitMs, serverAskedMs: asked, error: outcome.error });
    await policy.sleep(waitMs);
  }
}

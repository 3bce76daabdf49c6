import { createAppAuth } from "@octokit/auth-app";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import type { SecretValue } from "../../values/secret-value";
import { boundedFetch } from "../http/bounded-fetch";

const USER_AGENT = "insights-connectors";

/** Retries and rate limits are Octokit's own plugins, bounded by {@link GithubHttpPolicy}. */
const GithubOctokit = Octokit.plugin(retry, throttling);
export type GithubClient = InstanceType<typeof GithubOctokit>;

/** The limits every call to GitHub runs under. */
export interface GithubHttpPolicy {
  /** Deadline of one request, body included. @default 30 s */
  readonly requestTimeoutMs: number;
  /** Largest response body read. @default 1 MiB (the largest answer here, the conversion, is a few KiB) */
  readonly maxResponseBytes: number;
  /** Retries of one request after a 5xx, a timeout or a dropped connection. @default 2 */
  readonly retries: number;
  /** Retry n waits n² × this (plugin-retry's schedule). @default 1 s */
  readonly retryBaseMs: number;
  /** The longest rate-limit wait honoured, once; GitHub asking for more fails the call at once. @default 60 s */
  readonly maxRateLimitWaitSeconds: number;
}

export const DEFAULT_GITHUB_HTTP_POLICY: GithubHttpPolicy = {
  requestTimeoutMs: 30_000,
  maxResponseBytes: 1024 * 1024,
  retries: 2,
  retryBaseMs: 1000,
  maxRateLimitWaitSeconds: 60,
};

function clientOptions(apiUrl: string, policy: GithubHttpPolicy) {
  // One retry of a rate limit, only when GitHub's wait is short: never an hour-long idle.
  const onLimit = (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
    retryCount < 1 && retryAfter <= policy.maxRateLimitWaitSeconds;
  return {
    baseUrl: apiUrl,
    userAgent: USER_AGENT,
    log: quietLog,
    request: { fetch: boundedFetch({ timeoutMs: policy.requestTimeoutMs, maxResponseBytes: policy.maxResponseBytes }) },
    // 429 is the throttling plugin's to handle, with its ceiling; plugin-retry would retry it again.
    retry: {
      retries: policy.retries,
      retryAfterBaseValue: policy.retryBaseMs,
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: { onRateLimit: onLimit, onSecondaryRateLimit: onLimit },
  };
}

/** Unauthenticated client: the manifest conversion needs no token, only the one-time code. */
export function anonymousOctokit(apiUrl: string, policy = DEFAULT_GITHUB_HTTP_POLICY): GithubClient {
  return new GithubOctokit(clientOptions(apiUrl, policy));
}

/** Client that signs as the app itself (a short-lived JWT from its private key). */
export function appOctokit(
  apiUrl: string,
  appId: number,
  privateKey: SecretValue,
  policy = DEFAULT_GITHUB_HTTP_POLICY,
): GithubClient {
  const auth = { appId, privateKey: privateKey.reveal() };
  return new GithubOctokit({ ...clientOptions(apiUrl, policy), authStrategy: createAppAuth, auth });
}

/** Octokit logs request failures itself; the flow reports them once, in its own words. */
const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

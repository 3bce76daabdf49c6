import { setTimeout as sleep } from "node:timers/promises";
import { PINGONE_REGIONS, type PingOneRegion } from "../../connectors/pingone/config";
import { printable } from "../../providers/text/printable";
import { boundedFetch, BoundedFetchError } from "../../providers/http/bounded-fetch";
import { UnreadableSourceError, type ReadContext } from "../reading";
import { sourceEndpoint } from "../source-endpoint";

/** Largest answer read from PingOne; a page of applications is a few hundred KiB at most. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** Statuses worth another attempt: throttling and the server's own failures. */
const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);

/** PingOne answered with an error status (kept, so a caller can tell "not found" apart). */
export class PingOneStatusError extends UnreadableSourceError {
  constructor(
    what: string,
    why: string,
    readonly status: number,
  ) {
    super(what, why);
  }
}

/** Where the reader talks to PingOne: the management API and the auth server of one region. */
export interface PingOneEndpoints {
  /** e.g. `https://api.pingone.eu`, without `/v1`. */
  readonly apiUrl: string;
  /** e.g. `https://auth.pingone.eu`. */
  readonly authUrl: string;
}

/** A base URL from the environment: https, or plain http on the loopback interface only (the local fake). */
function baseUrl(variable: string, value: string): string {
  return sourceEndpoint(value, variable).toString().replace(/\/+$/, "");
}

/**
 * The region's hosts, `api.pingone.<tld>` and `auth.pingone.<tld>`, as the provider builds them
 * (pingidentity/terraform-provider-pingone, internal/service/base/data_source_organization.go,
 * commit cef5208af78019b95a0146818839f63237659b4e). `PINGONE_API_URL` and `PINGONE_AUTH_URL`
 * replace them whole (scheme and port included), which is how the tests reach the local fake.
 */
export function pingoneEndpoints(region: PingOneRegion, env: NodeJS.ProcessEnv): PingOneEndpoints {
  const tld = PINGONE_REGIONS[region];
  return {
    apiUrl: env.PINGONE_API_URL ? baseUrl("PINGONE_API_URL", env.PINGONE_API_URL) : `https://api.pingone.${tld}`,
    authUrl: env.PINGONE_AUTH_URL ? baseUrl("PINGONE_AUTH_URL", env.PINGONE_AUTH_URL) : `https://auth.pingone.${tld}`,
  };
}

/** What PingOne said, cleaned and short: its error `code` and `message` (never the request). */
function reasonOf(status: number, body: string): string {
  let said = "";
  try {
    // The management API answers `code` and `message`; the token endpoint OAuth's `error` and `error_description`.
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const parts = [parsed.code ?? parsed.error, parsed.message ?? parsed.error_description];
    said = parts.filter((part) => typeof part === "string").join(": ");
  } catch {
    // Not JSON (a proxy's page): the status alone says enough.
  }
  const text = printable(said).slice(0, 300);
  return `HTTP ${status}${text ? ` ${text}` : ""}`;
}

/** One JSON request with the read's limits: a deadline each, a retry ceiling, a size cap, no redirects. */
async function requestJson(context: ReadContext, what: string, url: string, init: RequestInit): Promise<unknown> {
  const { requestTimeoutMs, maxAttempts } = context.limits;
  const bounded = boundedFetch({ timeoutMs: requestTimeoutMs, maxResponseBytes: MAX_RESPONSE_BYTES });
  let reason = "not attempted";
  let status: number | undefined;
  for (let attempt = 1; attempt <= Math.max(1, maxAttempts); attempt += 1) {
    // A short, growing pause before each retry, so a throttled or restarting server is not hammered.
    if (attempt > 1)
      await sleep(250 * 2 ** (attempt - 2), undefined, { signal: context.signal }).catch(() => undefined);
    if (context.signal.aborted) throw new UnreadableSourceError(what, "the source deadline passed (--source-timeout)");
    let response: Response;
    try {
      response = await bounded(url, { ...init, signal: context.signal });
    } catch (error) {
      const cause = error instanceof Error ? error.cause : undefined;
      const code = (cause as { code?: string } | undefined)?.code;
      reason = printable(error instanceof BoundedFetchError ? error.message : (code ?? String(error)));
      status = undefined;
      continue;
    }
    const body = await response.text();
    if (response.ok) {
      try {
        return JSON.parse(body);
      } catch {
        throw new UnreadableSourceError(what, `HTTP ${response.status} with an answer that is not JSON`);
      }
    }
    reason = reasonOf(response.status, body);
    status = response.status;
    if (!RETRIED_STATUSES.has(response.status)) break;
  }
  const why = `${reason} (after at most ${maxAttempts} attempts)`;
  throw status === undefined ? new UnreadableSourceError(what, why) : new PingOneStatusError(what, why, status);
}

/** The reader's own worker app, from the provider's variables (docs/index.md of the provider, same commit). */
function readerCredentials(env: NodeJS.ProcessEnv): { clientId: string; clientSecret: string; environmentId: string } {
  const names = ["PINGONE_CLIENT_ID", "PINGONE_CLIENT_SECRET", "PINGONE_ENVIRONMENT_ID"] as const;
  const unset = names.filter((name) => !env[name]);
  if (unset.length) {
    throw new UnreadableSourceError(
      "PingOne credentials",
      `${unset.join(", ")} not set (a worker app of the reader's own)`,
    );
  }
  return {
    clientId: env.PINGONE_CLIENT_ID!,
    clientSecret: env.PINGONE_CLIENT_SECRET!,
    environmentId: env.PINGONE_ENVIRONMENT_ID!,
  };
}

/** A signed-in reader: GETs against the management API with a worker token. */
export interface PingOneApi {
  get(what: string, path: string): Promise<unknown>;
}

/**
 * Client credentials at `<auth>/<envId>/as/token` (client_secret_basic, a worker app's default),
 * then GETs under `<api>/v1`. The secret goes only into the token request's Authorization header.
 */
export async function signIn(endpoints: PingOneEndpoints, context: ReadContext): Promise<PingOneApi> {
  const { clientId, clientSecret, environmentId } = readerCredentials(context.env);
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64");
  const tokenUrl = `${endpoints.authUrl}/${encodeURIComponent(environmentId)}/as/token`;
  const token = (await requestJson(context, "PingOne token (POST /{envId}/as/token)", tokenUrl, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  })) as { access_token?: unknown };
  if (typeof token.access_token !== "string" || !token.access_token) {
    throw new UnreadableSourceError("PingOne token (POST /{envId}/as/token)", "the answer has no access_token");
  }
  const bearer = `Bearer ${token.access_token}`;
  return {
    get: (what, path) =>
      requestJson(context, what, `${endpoints.apiUrl}/v1${path}`, {
        headers: { authorization: bearer, accept: "application/json" },
      }),
  };
}

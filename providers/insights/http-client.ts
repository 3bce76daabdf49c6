import type { SecretValue } from "../../values/secret-value";
import { printable } from "../text/printable";
import { revealValues, type InsightsApi, type RegistrationValues } from "./adapter";
import type { ApiConnectorKind } from "./api-kind";
import { connectionFailure } from "./connection-failure";
import { checkedConnectorId } from "./connector-id";
import {
  API_BASE_PATH,
  API_VERSION,
  API_VERSION_HEADER,
  IDEMPOTENCY_HEADER,
  type ActivityEntry,
  type ConnectivityState,
  type Connector,
} from "./contract";
import { CallDeadline } from "../http/call-deadline";
import { checkSecureEndpoint } from "../http/secure-endpoint";
import type { Deadline } from "./deadline";
import { InsightsApiError, InsightsConnectionError, UnexpectedAnswerError } from "./errors";
import { contractValidator } from "./openapi-validator";
import { DEFAULT_MAX_RESPONSE_BYTES, readCappedBody, ResponseTooLargeError } from "./response-body";
import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retryAfterMs,
  withRetries,
  type AttemptOutcome,
  type RetryEvent,
  type RetryPolicy,
} from "./retry";
import { routePath, ROUTES, type Route } from "./routes";

export { InsightsApiError, InsightsConnectionError, UnexpectedAnswerError };

/** One request/response pair, for contract tests that validate both against openapi.yaml. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
  requestBody?: unknown;
  responseBody?: unknown;
  requestHeaders: Record<string, string>;
}

/** The default deadline of one call, every attempt and wait included. */
export const DEFAULT_CALL_TIMEOUT_MS = 60_000;

export interface InsightsHttpClientOptions {
  /** e.g. https://app.beyondtrust.io, or http://127.0.0.1:PORT for the emulator. */
  readonly baseUrl: string;
  readonly siteId: string;
  /** The connector kinds the API knows (the catalog's): answers are checked against the contract they make. */
  readonly kinds: readonly ApiConnectorKind[];
  readonly token?: SecretValue;
  /** One overall deadline per call: every attempt, retry wait and body read of one operation. @default 60 s */
  readonly timeoutMs?: number;
  /** The run's deadline: no call outlives it. */
  readonly runDeadline?: Deadline;
  /** Largest response body read; past it the connection is cut. @default 8 MiB */
  readonly maxResponseBytes?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly onExchange?: (exchange: Exchange) => void;
  /** Each wait before a retry, for progress output. */
  readonly onRetry?: (event: RetryEvent & { method: string; path: string }) => void;
  /** The next step when the API cannot be reached, e.g. "start the emulator: …". */
  readonly unreachableHint?: string;
}

interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  payload?: string;
  signal: AbortSignal;
  timeoutMs: number;
}

/** A redirect's target as it may be printed: no credentials, no query, bounded. */
function shownLocation(location: string | null, base: string): string {
  if (!location) return "(no Location header)";
  try {
    const url = new URL(location, base);
    return printable(`${url.protocol}//${url.host}${url.pathname}${url.search ? "?…" : ""}`).slice(0, 200);
  } catch {
    return `an unparsable Location (${printable(location).slice(0, 80)})`;
  }
}

/**
 * The `http` adapter: the written contract over HTTPS (plain HTTP only to 127.0.0.1 or
 * localhost). Redirects are never followed (a 307/308 would re-send a body with secrets to
 * wherever it points), bodies are capped and read as a stream, every answer is validated
 * against openapi.yaml before it is believed (connector ids included: a strict pattern, checked
 * again before an id goes into a path), and each call has one deadline.
 */
export class InsightsHttpClient implements InsightsApi {
  private readonly root: string;
  private readonly host: string;
  private readonly policy: RetryPolicy;
  /** Ids of this site's connectors as {@link list} returned them (contract-checked, so each a plain id). */
  private readonly listed = new Set<string>();

  constructor(private readonly options: InsightsHttpClientOptions) {
    // The API is spoken over TLS with checked certificates; plain http only to a local emulator.
    const url = checkSecureEndpoint(options.baseUrl, "the Insights API URL");
    this.root = `${options.baseUrl.replace(/\/+$/, "")}${API_BASE_PATH}`;
    this.host = url.host;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  async list(): Promise<Connector[]> {
    const { items } = await this.call<{ items: Connector[] }>(ROUTES.listConnectors);
    for (const connector of items) this.listed.add(connector.id);
    return items;
  }

  create(kind: string, values: RegistrationValues, idempotencyKey: string): Promise<Connector> {
    return this.call(ROUTES.createConnector, { kind }, values, { [IDEMPOTENCY_HEADER]: idempotencyKey });
  }

  async update(id: string, changes: RegistrationValues): Promise<Connector> {
    return this.call(ROUTES.updateConnector, { connectorId: checkedConnectorId(id) }, changes);
  }

  async remove(id: string): Promise<void> {
    try {
      await this.call(ROUTES.deleteConnector, { connectorId: checkedConnectorId(id) });
    } catch (error) {
      // A retried delete whose first attempt went through finds nothing: that is success, but
      // only for a connector this client listed in this site. A 404 for any other id says
      // nothing about a delete of ours (a wrong id, a wrong path), so it stays a failure.
      if (!(error instanceof InsightsApiError && error.status === 404 && this.listed.has(id))) throw error;
    }
  }

  async turnOff(id: string): Promise<Connector> {
    return this.call(ROUTES.turnOff, { connectorId: checkedConnectorId(id) });
  }

  async turnOn(id: string): Promise<Connector> {
    return this.call(ROUTES.turnOn, { connectorId: checkedConnectorId(id) });
  }

  async connectivity(id: string): Promise<{ state: ConnectivityState; checkedAt: string }> {
    return this.call(ROUTES.connectivity, { connectorId: checkedConnectorId(id) });
  }

  async activity(id: string): Promise<ActivityEntry[]> {
    const answer = await this.call<{ items: ActivityEntry[] }>(ROUTES.activity, {
      connectorId: checkedConnectorId(id),
    });
    return answer.items;
  }

  /**
   * The external ID the AWS connection panel shows, for the role's trust policy (see the
   * contract's x-assumption). `up` asks for it before deploying an AWS stack; asking again
   * returns the site's same value.
   */
  async awsExternalId(siteId = this.options.siteId): Promise<string> {
    return (await this.call<{ externalId: string }>(ROUTES.awsExternalId, { siteId })).externalId;
  }

  /** One operation: attempts with backoff on 429, 5xx and dropped connections, within one deadline. */
  private async call<T>(
    route: Route,
    params: Record<string, string> = {},
    body?: RegistrationValues,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const { method } = route;
    const path = routePath(route, { siteId: this.options.siteId, ...params });
    const headers: Record<string, string> = {
      accept: "application/json",
      [API_VERSION_HEADER]: API_VERSION,
      ...extraHeaders,
      ...(body ? { "content-type": "application/json" } : {}),
    };
    const run = this.options.runDeadline;
    const ownMs = this.options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    const runMs = run?.remainingMs() ?? Infinity;
    const timeoutMs = Math.min(ownMs, runMs);
    // The call's own timer (providers/http/call-deadline.ts), which it keeps until it settles.
    // When the run ends first, its signal alone ends the call: a second timer for the same
    // instant could fire first and blame the call's own deadline for the run's.
    const own = run && runMs <= ownMs ? undefined : new CallDeadline(ownMs, run?.signal);
    const signal = own?.signal ?? run!.signal;
    // Secrets are revealed into this one string, sent, and dropped.
    const payload = body ? JSON.stringify(revealValues(body)) : undefined;
    const call: Call = { method, path, headers, payload, signal, timeoutMs };
    try {
      return await withRetries<T>(() => this.attempt<T>(call), this.policy, {
        deadline: this.policy.now() + timeoutMs,
        onRetry: (event) => this.options.onRetry?.({ ...event, method, path }),
      });
    } finally {
      own?.clear();
    }
  }

  private async attempt<T>(call: Call): Promise<AttemptOutcome<T>> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.root}${call.path}`, {
        method: call.method,
        headers: this.options.token
          ? { ...call.headers, authorization: `Bearer ${this.options.token.reveal()}` }
          : call.headers,
        body: call.payload,
        signal: call.signal,
        redirect: "manual",
      });
    } catch (error) {
      return this.noAnswer(call, error);
    }
    try {
      text = await readCappedBody(response, this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    } catch (error) {
      if (!(error instanceof ResponseTooLargeError)) return this.noAnswer(call, error);
      const tooLarge = new UnexpectedAnswerError(
        response.status,
        call.method,
        call.path,
        response.headers.get("content-type") ?? undefined,
        error.message,
      );
      return { done: false, final: true, error: tooLarge };
    }
    return this.judge<T>(call, response, text);
  }

  /** No (complete) answer: out of time, unreachable, or dropped mid-way. */
  private noAnswer(call: Call, error: unknown): AttemptOutcome<never> {
    const run = this.options.runDeadline;
    if (call.signal.aborted) {
      const why = run?.signal.aborted
        ? `timed out after ${run.seconds} s (the run's deadline)`
        : `timed out after ${Math.round(call.timeoutMs / 1000)} s`;
      return {
        done: false,
        final: true,
        error: new InsightsConnectionError(call.method, call.path, `${why} talking to ${this.host}`),
      };
    }
    const failure = connectionFailure(error, new URL(this.root), this.options.unreachableHint);
    return {
      done: false,
      final: !failure.retryable,
      error: new InsightsConnectionError(call.method, call.path, failure.message),
    };
  }

  /** Believes an answer only when the contract describes it: this status, JSON, this shape. */
  private judge<T>(call: Call, response: Response, text: string): AttemptOutcome<T> {
    const { method, path } = call;
    const contentType = response.headers.get("content-type") ?? undefined;
    const unexpected = (reason: string) =>
      new UnexpectedAnswerError(response.status, method, path, contentType, reason);
    if (response.status >= 300 && response.status < 400) {
      const location = shownLocation(response.headers.get("location"), this.root);
      return {
        done: false,
        final: true,
        error: unexpected(`redirect to ${location}, not followed: the contract has no redirects; check insights.url`),
      };
    }
    const validator = contractValidator(this.options.kinds);
    const operation = validator.operation(method, path);
    if (!operation) throw new Error(`${method} ${path} is not an operation of openapi.yaml`);
    const mediaType = contentType?.split(";")[0].trim().toLowerCase();
    const parsed =
      mediaType === "application/json" || mediaType === "application/problem+json" ? parseJson(text) : undefined;
    this.options.onExchange?.({
      method,
      path,
      status: response.status,
      requestBody: call.payload ? JSON.parse(call.payload) : undefined,
      responseBody: parsed,
      requestHeaders: call.headers,
    });
    const schema = validator.responseSchema(operation, response.status);
    if (response.ok) {
      if (schema === undefined)
        return { done: false, final: true, error: unexpected("is not an answer the contract gives to this call") };
      if (schema === null) return { done: true, value: undefined as T };
      if (mediaType !== "application/json")
        return {
          done: false,
          final: true,
          error: unexpected("is not the JSON the contract promises (a proxy or sign-in page?)"),
        };
      if (parsed === undefined) return { done: false, final: true, error: unexpected("body is not valid JSON") };
      const problems = validator.validate(schema, parsed, "response");
      if (problems.length)
        return {
          done: false,
          final: true,
          error: unexpected(`does not follow the contract: ${problems.slice(0, 3).join("; ")}`),
        };
      return { done: true, value: parsed as T };
    }
    const conforming = schema && parsed !== undefined && validator.validate(schema, parsed, "problem").length === 0;
    const error = conforming
      ? new InsightsApiError(response.status, method, path, parsed as InsightsApiError["problem"])
      : unexpected("is not the problem JSON the contract promises");
    if (!isRetryableStatus(response.status)) return { done: false, final: true, error };
    return { done: false, error, retryAfterMs: retryAfterMs(response.headers.get("retry-after"), this.policy.now()) };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

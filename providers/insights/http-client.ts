import { SecretValue } from "../../config/secret-value";
import { revealValues, type InsightsApi, type RegistrationValues } from "./adapter";
import { API_BASE_PATH, API_VERSION, API_VERSION_HEADER, IDEMPOTENCY_HEADER, PATHS, type ActivityEntry, type ConnectivityState, type Connector } from "./contract";
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryAfterMs, withRetries, type RetryPolicy } from "./retry";

/** An answer from Insights that is not a success; the message carries the problem's title and field errors, never a value. */
export class InsightsApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly problem: { title?: string; detail?: string; errors?: { field?: string; message?: string }[] },
  ) {
    const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join("; ");
    super(`${method} ${path}: HTTP ${status} ${problem.title ?? ""}${problem.detail ? ` (${problem.detail})` : ""}${fields ? `: ${fields}` : ""}`.trim());
  }
}

/** One request/response pair, for contract tests that validate both against openapi.yaml. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
  requestBody?: unknown;
  responseBody?: unknown;
  requestHeaders: Record<string, string>;
}

export interface InsightsHttpClientOptions {
  /** e.g. https://app.beyondtrust.io, or http://127.0.0.1:PORT for the emulator. */
  readonly baseUrl: string;
  readonly siteId: string;
  readonly token?: SecretValue;
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly onExchange?: (exchange: Exchange) => void;
}

/** The `http` adapter: the written contract over HTTPS (plain HTTP only to 127.0.0.1 or localhost). */
export class InsightsHttpClient implements InsightsApi {
  private readonly root: string;
  private readonly policy: RetryPolicy;

  constructor(private readonly options: InsightsHttpClientOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== "https:" && !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
      throw new Error(`refusing plain ${url.protocol} to ${url.hostname}: the Insights API is only spoken over TLS (http is for a local emulator)`);
    }
    this.root = `${options.baseUrl.replace(/\/+$/, "")}${API_BASE_PATH}`;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  async list(): Promise<Connector[]> {
    return (await this.call<{ items: Connector[] }>("GET", PATHS.connectors(this.options.siteId))).items;
  }

  create(kind: string, values: RegistrationValues, idempotencyKey: string): Promise<Connector> {
    return this.call("POST", PATHS.createConnector(this.options.siteId, kind), values, { [IDEMPOTENCY_HEADER]: idempotencyKey });
  }

  update(id: string, changes: RegistrationValues): Promise<Connector> {
    return this.call("PATCH", PATHS.connector(this.options.siteId, id), changes);
  }

  async remove(id: string): Promise<void> {
    try {
      await this.call("DELETE", PATHS.connector(this.options.siteId, id));
    } catch (error) {
      // A retried delete whose first attempt went through finds nothing: that is success.
      if (!(error instanceof InsightsApiError && error.status === 404)) throw error;
    }
  }

  turnOff(id: string): Promise<Connector> {
    return this.call("POST", PATHS.turnOff(this.options.siteId, id));
  }

  turnOn(id: string): Promise<Connector> {
    return this.call("POST", PATHS.turnOn(this.options.siteId, id));
  }

  connectivity(id: string): Promise<{ state: ConnectivityState; checkedAt: string }> {
    return this.call("GET", PATHS.connectivity(this.options.siteId, id));
  }

  async activity(id: string): Promise<ActivityEntry[]> {
    return (await this.call<{ items: ActivityEntry[] }>("GET", PATHS.activity(this.options.siteId, id))).items;
  }

  /** One operation: attempts with backoff on 429, 5xx, timeouts and dropped connections. */
  private call<T>(method: string, path: string, body?: RegistrationValues, extraHeaders: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = {
      accept: "application/json",
      [API_VERSION_HEADER]: API_VERSION,
      ...extraHeaders,
      ...(body ? { "content-type": "application/json" } : {}),
    };
    return withRetries(async () => {
      let response: Response;
      // Secrets are revealed into this one string, sent, and dropped.
      const payload = body ? JSON.stringify(revealValues(body)) : undefined;
      try {
        response = await fetch(`${this.root}${path}`, {
          method,
          headers: this.options.token ? { ...headers, authorization: `Bearer ${this.options.token.reveal()}` } : headers,
          body: payload,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
      } catch (error) {
        return { done: false, error: new Error(`${method} ${path}: ${(error as Error).name === "TimeoutError" ? "timed out" : "connection failed"} (${(error as Error).message})`) };
      }
      const text = await response.text().catch(() => "");
      const parsed = text ? safeJson(text) : undefined;
      this.options.onExchange?.({ method, path, status: response.status, requestBody: payload ? JSON.parse(payload) : undefined, responseBody: parsed, requestHeaders: headers });
      if (response.ok) return { done: true, value: parsed as T };
      const error = new InsightsApiError(response.status, method, path, (parsed as object) ?? {});
      if (isRetryableStatus(response.status)) return { done: false, error, retryAfterMs: retryAfterMs(response.headers.get("retry-after")) };
      throw error;
    }, this.policy);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { title: "response was not JSON" };
  }
}

import { CallDeadline } from "../../providers/http/call-deadline";
import { readCappedBytes, ResponseTooLargeError } from "../../providers/http/capped-body";
import { printable } from "../../providers/text/printable";
import { UnreadableSourceError, type ReadContext } from "../reading";
import { sourceEndpoint } from "../source-endpoint";

/** A Google API answer is a few kilobytes; 4 MiB bounds a broken or hostile server. */
export const GCP_RESPONSE_LIMIT_BYTES = 4 * 1024 * 1024;

/** Statuses Google asks clients to retry ("Retry strategy", Cloud docs: 408, 429 and 5xx). */
const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);

export interface GcpRequest {
  /** Names the call in errors, e.g. `getIamPolicy organizations/123`. */
  readonly what: string;
  readonly url: string;
  readonly method?: "GET" | "POST";
  /** Sent as the body: JSON for the APIs, a form for the token endpoint. */
  readonly body?: { json: unknown } | { form: URLSearchParams };
  readonly accessToken?: string;
}

/** Google's error body (`{ error: { code, message, status } }`) or the token endpoint's, cleaned for printing. */
function errorReason(status: number, text: string): string {
  let said: string;
  try {
    const body = JSON.parse(text);
    const error = body?.error;
    said =
      typeof error === "object"
        ? `${error?.status ?? ""} ${error?.message ?? ""}`
        : `${error ?? ""} ${body?.error_description ?? ""}`;
  } catch {
    said = "";
  }
  return printable(`HTTP ${status}${said.trim() ? `: ${said.trim()}` : ""}`).slice(0, 300);
}

function failureReason(error: unknown, context: ReadContext): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string } };
  if (context.signal.aborted) return "the source deadline passed (see --source-timeout)";
  if (e?.name === "TimeoutError") return `no answer within ${context.limits.requestTimeoutMs / 1000} s`;
  if (error instanceof ResponseTooLargeError) return error.message;
  return printable(`${e?.cause?.code ?? e?.name ?? "Error"}: ${e?.message ?? "request failed"}`);
}

/**
 * One call to a Google REST API (or its token endpoint): a deadline per attempt, the
 * source deadline's signal, at most `maxAttempts` attempts on 408/429/5xx and socket
 * errors, a capped body, and no redirects (the bearer token must not follow one).
 */
export async function gcpRequest<T>(request: GcpRequest, context: ReadContext): Promise<T> {
  // The signed assertion and the bearer token go nowhere in clear: `token_uri` and the
  // CLOUDSDK_API_ENDPOINT_OVERRIDES_* endpoints pass the shared check before any request.
  sourceEndpoint(request.url, request.what);
  const headers: Record<string, string> = { accept: "application/json" };
  if (request.accessToken) headers.authorization = `Bearer ${request.accessToken}`;
  let body: string | undefined;
  if (request.body && "json" in request.body) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.body.json);
  } else if (request.body) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = request.body.form.toString();
  }
  let reason = "no attempt made";
  for (let attempt = 1; attempt <= context.limits.maxAttempts; attempt += 1) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 2)));
    // One timer per attempt, kept until the body is read (providers/http/call-deadline.ts).
    const deadline = new CallDeadline(context.limits.requestTimeoutMs, context.signal);
    try {
      const response = await fetch(request.url, {
        method: request.method ?? "GET",
        headers,
        body,
        signal: deadline.signal,
        redirect: "manual",
      });
      const text = (await readCappedBytes(response, GCP_RESPONSE_LIMIT_BYTES)).toString("utf8");
      if (response.ok) return JSON.parse(text) as T;
      reason =
        response.status >= 300 && response.status < 400
          ? `HTTP ${response.status}: a redirect, not followed (the token would go with it)`
          : errorReason(response.status, text);
      if (!RETRYABLE.has(response.status)) break;
    } catch (error) {
      reason = failureReason(error, context);
      if (context.signal.aborted || error instanceof ResponseTooLargeError || error instanceof SyntaxError) {
        if (error instanceof SyntaxError) reason = "the answer is not JSON";
        break;
      }
    } finally {
      deadline.clear();
    }
  }
  throw new UnreadableSourceError(request.what, reason);
}

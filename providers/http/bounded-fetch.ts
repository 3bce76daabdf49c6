import { CallDeadline } from "./call-deadline";
import { readCappedBytes, ResponseTooLargeError } from "./capped-body";
import { checkSecureEndpoint } from "./secure-endpoint";
import { printable } from "../text/printable";
import { ExternalError } from "../../values/errors";

export interface FetchBounds {
  /** Deadline of one request, from connecting to the last byte of the body. */
  readonly timeoutMs: number;
  /** Largest body read; a bigger one fails the request instead of filling memory. */
  readonly maxResponseBytes: number;
}

/** A request that hit its deadline, or a body over the cap; retried like a dropped connection. */
export class BoundedFetchError extends ExternalError {}

/** Reads a body up to the cap, cancelling the stream as soon as it is passed. */
async function readCapped(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  try {
    return await readCappedBytes(response, maxBytes);
  } catch (error) {
    if (!(error instanceof ResponseTooLargeError)) throw error;
    throw new BoundedFetchError(`the answer from ${new URL(url).host} is over ${maxBytes} bytes; not read further`);
  }
}

/** Statuses whose response has no body by definition (`new Response` refuses one). */
const BODILESS = new Set([101, 204, 205, 304]);

/**
 * `fetch` for Octokit with the limits a server we do not run gets: the shared endpoint check
 * (providers/http/secure-endpoint.ts), one deadline that covers the body too, a size cap, and
 * no redirects at all (the app's JWT or the one-time manifest code must not follow one to
 * another host; GitHub's API answers these calls directly).
 */
export function boundedFetch(bounds: FetchBounds): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    // Every request: https with checked certificates, or plain http on this machine (the fakes).
    checkSecureEndpoint(url, new URL(url).host);
    // One timer per request, kept until the body is read (providers/http/call-deadline.ts).
    const deadline = new CallDeadline(bounds.timeoutMs, init?.signal);
    const signal = deadline.signal;
    try {
      const response = await fetch(input, { ...init, signal, redirect: "manual" });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel().catch(() => undefined);
        const location = printable(response.headers.get("location") ?? "(no location)");
        const host = new URL(url).host;
        throw new BoundedFetchError(`${host} answered ${response.status} redirecting to ${location}; not followed`);
      }
      const bodiless = BODILESS.has(response.status) || !response.body;
      const body = bodiless ? null : await readCapped(response, url, bounds.maxResponseBytes);
      const { status, statusText, headers } = response;
      const bounded = new Response(body, { status, statusText, headers });
      return Object.defineProperty(bounded, "url", { value: response.url });
    } catch (error) {
      if (deadline.timedOut) {
        throw new BoundedFetchError(`timed out after ${bounds.timeoutMs / 1000} s talking to ${new URL(url).host}`);
      }
      throw error;
    } finally {
      deadline.clear();
    }
  };
}

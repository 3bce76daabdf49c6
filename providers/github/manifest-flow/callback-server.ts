import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CallbackRejectedError, GithubFlowError } from "../errors";
import type { GithubAppManifest } from "./manifest";
import { manifestPage, resultPage } from "./manifest-page";

export interface ManifestFlowServerOptions<T> {
  /** The manifest, given the redirect URL this server listens on. */
  readonly manifest: (redirectUrl: string) => GithubAppManifest;
  /** GitHub's "new app from manifest" form for the organization, given the state. */
  readonly formAction: (state: string) => string;
  /** How long to wait for GitHub's redirect. */
  readonly timeoutMs: number;
  /**
   * Turns the code of a redirect that carried the right state into the flow's result
   * (converts it, saves the key) before the browser is answered. A
   * {@link CallbackRejectedError} answers 400 and the server keeps waiting.
   */
  readonly accept: (code: string) => Promise<T>;
  /** Told about each refused request that carried the right state, for the terminal. */
  readonly onRejected?: (error: CallbackRejectedError) => void;
}

export interface ManifestFlowServer<T> {
  /** The one-time local page to open in a browser signed in to GitHub; print it to the terminal only. */
  readonly pageUrl: string;
  /** What {@link ManifestFlowServerOptions.accept} made of GitHub's redirect. */
  readonly result: Promise<T>;
  close(): void;
}

function sameSecret(expected: string, received: string | null | undefined): boolean {
  if (received == null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Answers with a result page titled `title`, or with `html` as it is. */
type Send = (status: number, title: string, message: string, html?: string) => void;

function sender(response: ServerResponse): Send {
  return (status, title, message, html) => {
    response.writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    });
    response.end(html ?? resultPage(title, message));
  };
}

/**
 * A server on 127.0.0.1 at a random port for one manifest flow. It answers only requests
 * addressed to itself by name (`127.0.0.1:<port>` or `localhost:<port>`), so a web page
 * cannot reach it through DNS rebinding; it serves the manifest page, which holds the
 * `state`, once and only at a random path printed to the terminal; and it waits for the
 * one redirect that carries that state and a code `accept` takes. Stray or forged
 * requests get a 4xx and change nothing.
 */
export async function startManifestFlowServer<T>(
  options: ManifestFlowServerOptions<T>,
): Promise<ManifestFlowServer<T>> {
  const state = randomBytes(32).toString("base64url");
  const pageToken = randomBytes(32).toString("base64url");
  let pageServed = false;
  let busy = false;
  let expired = false;
  let done = false;
  let settle!: { resolve(value: T): void; reject(error: Error): void };
  const result = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  result.catch(() => undefined); // observed by the caller; avoid an unhandled rejection before it is

  const server = createServer((request, response) => {
    const send = sender(response);
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (!addressedToUs(request)) return send(421, "Wrong address", "This server answers only its own address.");
    if (request.method !== "GET") return send(405, "Not allowed", "Only GET is answered here.");
    if (sameSecret(`/${pageToken}`, url.pathname)) return servePage(send);
    if (url.pathname === "/callback") return void takeCallback(url.searchParams, send);
    send(404, "Not found", "Nothing here.");
  });

  function addressedToUs(request: IncomingMessage): boolean {
    const { port } = server.address() as AddressInfo;
    const host = (request.headers.host ?? "").toLowerCase();
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  }

  function servePage(send: Send): void {
    if (pageServed) {
      return send(410, "Already opened", "This page was opened once already. To start over, run the command again.");
    }
    pageServed = true;
    send(200, "", "", manifestPage(options.formAction(state), options.manifest(redirectUrl)));
  }

  async function takeCallback(query: URLSearchParams, send: Send): Promise<void> {
    if (!sameSecret(state, query.get("state"))) {
      return send(400, "State mismatch", "This redirect did not come from the flow the command started.");
    }
    const code = query.get("code");
    if (!code) return send(400, "No code", "GitHub did not send a code; nothing was done. Confirm the app on GitHub.");
    if (done || busy) return send(409, "Already handled", "A redirect is already being handled; see the terminal.");
    busy = true;
    try {
      const value = await options.accept(code);
      send(200, "GitHub App created", "You can close this tab and return to the terminal.");
      finish(undefined, value);
    } catch (error) {
      if (!(error instanceof CallbackRejectedError)) {
        send(502, "Not completed", "The app could not be completed; see the terminal.");
        return finish(error as Error);
      }
      send(400, "Refused", error.message);
      options.onRejected?.(error);
      if (expired) finish(timeoutError());
    } finally {
      busy = false;
    }
  }

  const seconds = Math.round(options.timeoutMs / 1000);
  const timeoutError = () =>
    new GithubFlowError(`no redirect from GitHub within ${seconds} s; open the page and confirm, or raise --timeout`);
  // A conversion under way when the time is up is let finish: its app already exists.
  const timer = setTimeout(() => (busy ? (expired = true) : finish(timeoutError())), options.timeoutMs);

  function finish(error?: Error, value?: T): void {
    if (done) return;
    done = true;
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
    if (error) settle.reject(error);
    else settle.resolve(value as T);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const redirectUrl = `http://127.0.0.1:${port}/callback`;
  return {
    pageUrl: `http://127.0.0.1:${port}/${pageToken}`,
    result,
    close: () => finish(new GithubFlowError("the flow was stopped")),
  };
}

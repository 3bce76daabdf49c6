import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { GithubFlowError } from "./errors";
import type { GithubAppManifest } from "./manifest";
import { manifestPage, resultPage } from "./manifest-page";

export interface ManifestFlowServerOptions {
  /** The manifest, given the redirect URL this server listens on. */
  readonly manifest: (redirectUrl: string) => GithubAppManifest;
  /** GitHub's "new app from manifest" form for the organization, given the state. */
  readonly formAction: (state: string) => string;
  /** How long to wait for GitHub's redirect. */
  readonly timeoutMs: number;
}

export interface ManifestFlowServer {
  /** The local page to open in a browser signed in to GitHub. */
  readonly pageUrl: string;
  /** The one-time code GitHub sends back, once the state has been checked. */
  readonly code: Promise<string>;
  close(): void;
}

function sameState(expected: string, received: string | null): boolean {
  if (received === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A one-shot server on 127.0.0.1 at a random port: it serves the page that posts the
 * manifest to GitHub and takes exactly one redirect back, which must carry the random
 * `state` it sent. Anything else ends the flow.
 */
export async function startManifestFlowServer(options: ManifestFlowServerOptions): Promise<ManifestFlowServer> {
  const state = randomBytes(32).toString("base64url");
  let settle!: { resolve(code: string): void; reject(error: Error): void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined); // observed by the caller; avoid an unhandled rejection before it is

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const send = (status: number, body: string) => {
      response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" });
      response.end(body);
    };
    if (request.method === "GET" && url.pathname === "/") {
      send(200, manifestPage(options.formAction(state), options.manifest(redirectUrl)));
      return;
    }
    if (request.method === "GET" && url.pathname === "/callback") {
      if (!sameState(state, url.searchParams.get("state"))) {
        send(400, resultPage("State mismatch", "This redirect did not come from the flow this command started. Nothing was created here; run the command again."));
        finish(new GithubFlowError("GitHub's redirect carried a state this run did not send (a stale tab or a forged request); the app was not converted. Run create-app again."));
        return;
      }
      const received = url.searchParams.get("code");
      if (!received) {
        send(400, resultPage("No code", "GitHub did not send a code; the app was not created."));
        finish(new GithubFlowError("GitHub redirected back without a code: the app creation was cancelled or failed on GitHub."));
        return;
      }
      send(200, resultPage("GitHub App created", "You can close this tab and return to the terminal."));
      finish(undefined, received);
      return;
    }
    send(404, resultPage("Not found", "Nothing here."));
  });

  const timer = setTimeout(
    () => finish(new GithubFlowError(`no redirect from GitHub within ${Math.round(options.timeoutMs / 1000)} s; open the page, confirm on GitHub, or raise --timeout`)),
    options.timeoutMs,
  );
  let done = false;
  function finish(error?: Error, received?: string): void {
    if (done) return;
    done = true;
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
    if (error) settle.reject(error);
    else settle.resolve(received!);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const redirectUrl = `http://127.0.0.1:${port}/callback`;
  return {
    pageUrl: `http://127.0.0.1:${port}/`,
    code,
    close: () => finish(new GithubFlowError("the flow was stopped")),
  };
}

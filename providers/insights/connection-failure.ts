import { isLoopbackHost } from "../../values/loopback";
import { explain } from "../network/tls-reachability";
import { printable } from "../text/printable";

/**
 * Codes of a connection that worked and then broke, or a resolver that was busy: worth
 * another attempt. A connect timeout is not: a black-holed address stays one, and each
 * attempt would add undici's 10 s connect timeout of silence.
 */
const TRANSIENT = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED", "EAI_AGAIN"]);

/** What fetch's "fetch failed" wraps: the socket's error, sometimes one per address tried. */
function rootCause(error: unknown): NodeJS.ErrnoException {
  let cause = error as NodeJS.ErrnoException & { cause?: unknown; errors?: unknown[] };
  while (cause?.cause && typeof cause.cause === "object") cause = cause.cause as typeof cause;
  if (!cause?.code && Array.isArray(cause?.errors) && cause.errors.length) return rootCause(cause.errors[0]);
  return cause;
}

export interface ConnectionFailure {
  /** `HOST:PORT: <cause>. <next step>` */
  readonly message: string;
  /** A dropped connection is retried; DNS, refused and TLS failures will not mend in a second. */
  readonly retryable: boolean;
}

/** The proxy variables Node's built-in fetch does not read (Node 20/22 connect directly). */
function ignoredProxy(env: NodeJS.ProcessEnv): string | undefined {
  return ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"].find((name) => env[name]);
}

/**
 * A failed connection in the words of someone fixing it: which host and port, what broke
 * (DNS, refused, TLS, timeout, proxy) and what to do next (`hint`, e.g. start the emulator).
 */
export function connectionFailure(
  error: unknown,
  url: URL,
  hint: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ConnectionFailure {
  const cause = rootCause(error);
  const code = cause?.code ?? "";
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const where = `${url.hostname}:${port}`;
  let what: string;
  if (code === "UND_ERR_CONNECT_TIMEOUT" || code === "ETIMEDOUT")
    what = "timeout: no answer to the TCP connection (a firewall dropping packets, or the wrong host)";
  else if (["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"].includes(code))
    what = "the connection was dropped before a complete answer";
  else if (code) what = printable(explain(cause));
  else what = printable(cause?.message ?? String(error));
  const proxy = ignoredProxy(env);
  const proxyNote =
    proxy && !isLoopbackHost(url.hostname)
      ? ` proxy: ${proxy} is set, but Node's fetch connects directly; allow direct HTTPS to ${where} or run where it is reachable.`
      : "";
  const next = hint ? ` Next: ${hint}.` : "";
  return { message: `cannot reach ${where}: ${what}.${proxyNote}${next}`, retryable: TRANSIENT.has(code) };
}

import { isLoopbackHost, LOOPBACK_HOSTS } from "../../values/loopback";
import { printable } from "../text/printable";
import { InvalidConfigError, UsageError } from "../../values/errors";

/**
 * An endpoint a secret would travel to in clear: plain http to a host that is not this
 * machine. Nothing was sent.
 */
export class InsecureEndpointError extends InvalidConfigError {
  constructor(
    /** What names the endpoint: a setting, a variable, a file field. */
    readonly what: string,
    /** What is wrong and what to do, without `what`. */
    readonly reason: string,
  ) {
    super(`${what}: ${reason}`);
  }
}

/**
 * `NODE_TLS_REJECT_UNAUTHORIZED=0` is set and the user did not accept it: every TLS connection
 * of the process would take any certificate, so a secret could go to whoever answers. Nothing
 * was sent.
 */
export class TlsVerificationOffError extends UsageError {
  static readonly REASON =
    "NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks for every connection of this process, so " +
    "secrets could go to whoever answers; unset it, or pass --insecure-skip-tls-verify to accept that for this run; " +
    "nothing was sent";
  readonly reason = TlsVerificationOffError.REASON;

  constructor(readonly what: string) {
    super(`${what}: ${TlsVerificationOffError.REASON}`);
  }
}

/**
 * Node's switch: "If value equals '0', certificate validation is disabled for TLS connections"
 * (Node.js CLI docs, `NODE_TLS_REJECT_UNAUTHORIZED=value`). Read from the process's own
 * environment, the one Node's TLS reads.
 */
export function tlsVerificationDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_TLS_REJECT_UNAUTHORIZED === "0";
}

/** Set once per CLI run from `--insecure-skip-tls-verify` (cli/program.ts); false for library use. */
let insecureTlsAccepted = false;

/** Whether this run accepts `NODE_TLS_REJECT_UNAUTHORIZED=0` (the CLI's `--insecure-skip-tls-verify`). */
export function acceptInsecureTls(accepted: boolean): void {
  insecureTlsAccepted = accepted;
}

/**
 * For a process the toolkit starts with `env` (an engine's CLI, which inherits Node's switch):
 * throws {@link TlsVerificationOffError} when `env` turns certificate checks off and the user
 * did not accept it.
 */
export function checkTlsVerificationFor(env: NodeJS.ProcessEnv, what: string): void {
  if (tlsVerificationDisabled(env) && !insecureTlsAccepted) throw new TlsVerificationOffError(what);
}

/**
 * The one check every client and reader makes before it sends a secret (a token, a key, a
 * signed assertion, a password) to `url`: https, or plain http only to this machine's
 * loopback names (values/loopback.ts; the emulator and the local fakes); and, for https,
 * certificates checked unless the user accepted otherwise. Throws {@link InsecureEndpointError}
 * or {@link TlsVerificationOffError}; returns the parsed URL.
 */
export function checkSecureEndpoint(url: string | URL, what: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InsecureEndpointError(what, "not a URL; nothing was sent");
  }
  const shown = printable(`${parsed.protocol}//${parsed.host}`).slice(0, 200);
  if (parsed.protocol === "http:" && !isLoopbackHost(parsed.hostname)) {
    throw new InsecureEndpointError(
      what,
      `${shown} is plain http off this machine; use https (plain http only to ${LOOPBACK_HOSTS.join(", ")}); ` +
        "nothing was sent",
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new InsecureEndpointError(what, `${shown} is not an http(s) URL; nothing was sent`);
  }
  if (parsed.protocol === "https:" && tlsVerificationDisabled() && !insecureTlsAccepted) {
    throw new TlsVerificationOffError(what);
  }
  return parsed;
}

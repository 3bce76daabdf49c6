import { acceptInsecureTls, tlsVerificationDisabled } from "../providers/http/secure-endpoint";
import type { Io } from "./io";

/** The program-wide option; like every program option it may also follow the command. */
export const INSECURE_TLS_OPTION = "--insecure-skip-tls-verify";
export const INSECURE_TLS_HELP =
  "accept NODE_TLS_REJECT_UNAUTHORIZED=0 (no server certificate checked) and send secrets anyway, said on stderr";

/**
 * Applies `--insecure-skip-tls-verify` to this run (providers/http/secure-endpoint.ts): without
 * it, NODE_TLS_REJECT_UNAUTHORIZED=0 makes every client refuse to send a secret. With it, and
 * the switch set, every run says so on stderr before it does anything.
 */
export function applyInsecureTlsOption(accepted: boolean, io: Io): void {
  acceptInsecureTls(accepted);
  if (accepted && tlsVerificationDisabled()) {
    io.stderr.write(
      `warning: ${INSECURE_TLS_OPTION}: NODE_TLS_REJECT_UNAUTHORIZED=0 is set, so no server certificate is ` +
        "checked on this run; secrets may go to whoever answers\n",
    );
  }
}

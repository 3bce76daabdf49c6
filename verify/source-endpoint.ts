import { checkSecureEndpoint, InsecureEndpointError, TlsVerificationOffError } from "../providers/http/secure-endpoint";
import { UnreadableSourceError } from "./reading";

/**
 * A reader's endpoint through the one shared check (providers/http/secure-endpoint.ts): https,
 * plain http only on this machine, certificates checked. A refusal is the source's
 * {@link UnreadableSourceError} naming `what` (the variable or field that gave the URL).
 */
export function sourceEndpoint(url: string, what: string): URL {
  try {
    return checkSecureEndpoint(url, what);
  } catch (error) {
    if (error instanceof InsecureEndpointError || error instanceof TlsVerificationOffError)
      throw new UnreadableSourceError(what, error.reason);
    throw error;
  }
}

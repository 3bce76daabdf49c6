import { connect } from "node:tls";

export interface ReachabilityTarget {
  readonly host: string;
  readonly port: number;
  /** Why this connection must work, as the document's network table says. */
  readonly purpose: string;
}

export interface ReachabilityResult extends ReachabilityTarget {
  readonly ok: boolean;
  /** TCP connected, then what TLS said: the protocol and certificate, or why it failed. */
  readonly detail: string;
}

/** Node's error codes in the words of someone fixing a firewall or a certificate. */
export function explain(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "DNS: the name does not resolve from this host";
    case "ECONNREFUSED":
      return "TCP: connection refused (nothing listening, or a firewall rejects it)";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "TCP: no route to the host";
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
      return `TLS: connected, but the certificate is not trusted here (${error.code}); install its CA on this host`;
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return "TLS: connected, but the certificate is for another name";
    case "CERT_HAS_EXPIRED":
      return "TLS: connected, but the certificate has expired";
    default:
      return `${error.code ?? "error"}: ${error.message}`;
  }
}

/** One TCP + TLS handshake with certificate and host name verification, as the ECM's own calls would do. */
export function checkTls(
  target: ReachabilityTarget,
  options: { timeoutMs: number; ca?: string | Buffer },
): Promise<ReachabilityResult> {
  return new Promise((resolve) => {
    const done = (ok: boolean, detail: string) => {
      socket.destroy();
      resolve({ ...target, ok, detail });
    };
    const socket = connect({
      host: target.host,
      port: target.port,
      servername: /^\d/.test(target.host) ? undefined : target.host,
      ca: options.ca,
      rejectUnauthorized: true,
    });
    socket.setTimeout(options.timeoutMs, () =>
      done(false, `timed out after ${options.timeoutMs} ms (a firewall dropping packets, or the wrong host)`),
    );
    socket.once("secureConnect", () => {
      const cert = socket.getPeerCertificate();
      const days = Math.floor((Date.parse(cert.valid_to) - Date.now()) / 86_400_000);
      done(true, `TLS ${socket.getProtocol()}, certificate ${cert.subject?.CN ?? "(no CN)"} valid ${days} more days`);
    });
    socket.once("error", (error) => done(false, explain(error as NodeJS.ErrnoException)));
  });
}

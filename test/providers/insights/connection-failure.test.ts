import { connectionFailure } from "../../../providers/insights/connection-failure";

/** What Node's fetch throws: TypeError("fetch failed") wrapping the socket's error. */
function fetchFailed(code: string, message = code): Error {
  return Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(message), { code }) });
}

const HTTPS = new URL("https://insights.example.com/api/v1");
const HINT = "check `insights.url` in the config";

describe("connectionFailure names host, port, cause and next step", () => {
  test.each([
    ["ENOTFOUND", "DNS: the name does not resolve from this host", false],
    ["ECONNREFUSED", "TCP: connection refused (nothing listening, or a firewall rejects it)", false],
    [
      "DEPTH_ZERO_SELF_SIGNED_CERT",
      "TLS: connected, but the certificate is not trusted here (DEPTH_ZERO_SELF_SIGNED_CERT); install its CA on this host",
      false,
    ],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "TLS: connected, but the certificate is for another name", false],
    [
      "UND_ERR_CONNECT_TIMEOUT",
      "timeout: no answer to the TCP connection (a firewall dropping packets, or the wrong host)",
      false,
    ],
    ["ECONNRESET", "the connection was dropped before a complete answer", true],
  ])("%s", (code, cause, retryable) => {
    expect(connectionFailure(fetchFailed(code), HTTPS, HINT, {})).toEqual({
      message: `cannot reach insights.example.com:443: ${cause}. Next: ${HINT}.`,
      retryable,
    });
  });

  test("an address list (happy eyeballs) reports the first address's cause", () => {
    const aggregate = Object.assign(new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]), {});
    const failure = connectionFailure(
      Object.assign(new TypeError("fetch failed"), { cause: aggregate }),
      new URL("http://localhost:8080"),
      undefined,
      {},
    );
    expect(failure.message).toBe(
      "cannot reach localhost:8080: TCP: connection refused (nothing listening, or a firewall rejects it).",
    );
  });

  test("a proxy in the environment that Node's fetch ignores is named (not for loopback)", () => {
    const env = { HTTPS_PROXY: "http://proxy.corp:3128" };
    expect(connectionFailure(fetchFailed("ENOTFOUND"), HTTPS, HINT, env).message).toContain(
      "proxy: HTTPS_PROXY is set, but Node's fetch connects directly; allow direct HTTPS to insights.example.com:443",
    );
    expect(
      connectionFailure(fetchFailed("ECONNREFUSED"), new URL("http://127.0.0.1:8080"), HINT, env).message,
    ).not.toContain("proxy");
  });

  test("a server-chosen certificate name in the cause cannot carry escape codes", () => {
    const failure = connectionFailure(
      fetchFailed("ESOMETHING", "bad cert CN=\u001b]0;x\u0007evil"),
      HTTPS,
      undefined,
      {},
    );
    expect(failure.message).toBe("cannot reach insights.example.com:443: ESOMETHING: bad cert CN=evil.");
  });
});

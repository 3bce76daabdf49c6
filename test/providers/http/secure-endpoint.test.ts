import {
  acceptInsecureTls,
  checkSecureEndpoint,
  InsecureEndpointError,
  TlsVerificationOffError,
} from "../../../providers/http/secure-endpoint";

const saved = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
afterEach(() => {
  if (saved === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = saved;
  acceptInsecureTls(false);
});

describe("one check before a secret is sent: https, plain http only on this machine", () => {
  test.each(["https://api.pingone.eu", "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:4010/x"])(
    "%s is accepted",
    (url) => expect(checkSecureEndpoint(url, "X_URL").href).toBe(new URL(url).href),
  );

  test.each([
    ["http://127.0.0.2:8080", "http://127.0.0.2:8080 is plain http off this machine"],
    ["http://10.0.0.5", "http://10.0.0.5 is plain http off this machine"],
    ["http://localhost.example.com", "http://localhost.example.com is plain http off this machine"],
    ["ftp://files.example.com", "ftp://files.example.com is not an http(s) URL"],
    ["token", "not a URL"],
  ])("%s is refused, naming the setting and what to do", (url, reason) => {
    expect(() => checkSecureEndpoint(url, "X_URL")).toThrow(InsecureEndpointError);
    expect(() => checkSecureEndpoint(url, "X_URL")).toThrow(`X_URL: ${reason}`);
  });
});

describe("NODE_TLS_REJECT_UNAUTHORIZED=0: no secret sent unless --insecure-skip-tls-verify accepted it", () => {
  test("https is refused while certificates are not checked; plain http on this machine has no TLS to check", () => {
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
    expect(() => checkSecureEndpoint("https://app.beyondtrust.io", "the Insights API URL")).toThrow(
      TlsVerificationOffError,
    );
    expect(() => checkSecureEndpoint("https://app.beyondtrust.io", "the Insights API URL")).toThrow(
      /^the Insights API URL: NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks .* pass --insecure-skip-tls-verify/,
    );
    expect(() => checkSecureEndpoint("http://127.0.0.1:8080", "the emulator")).not.toThrow();
  });

  test("accepted, https goes ahead; any other value of the variable leaves certificates checked", () => {
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
    acceptInsecureTls(true);
    expect(() => checkSecureEndpoint("https://app.beyondtrust.io", "x")).not.toThrow();
    acceptInsecureTls(false);
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
    expect(() => checkSecureEndpoint("https://app.beyondtrust.io", "x")).not.toThrow();
  });
});

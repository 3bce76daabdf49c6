import { SecretValue } from "../../../values/secret-value";
import { Deadline } from "../../../providers/insights/deadline";
import { InsightsHttpClient, type InsightsHttpClientOptions } from "../../../providers/insights/http-client";
import { reconcile } from "../../../register/reconcile";
import { manyEpmConnectors } from "../../register/helpers";
import { closedPort, connectorJson, hostileServersPerTest } from "./hostile-server";
import { INSIGHTS_CONNECTOR_KINDS } from "../../../connectors/catalog";

const SITE = "5a7f0c2e-1b2c-4d3e-8f40-123456789abc";
const CANARY = "CANARY-hostile-51c3";
const FAST = { dryRun: false, concurrency: 2, settleTimeoutMs: 2000, pollMs: 20 };

/** Each test's servers, closed after it. */
const serve = hostileServersPerTest();

function client(url: string, options: Partial<InsightsHttpClientOptions> = {}): InsightsHttpClient {
  return new InsightsHttpClient({
    kinds: INSIGHTS_CONNECTOR_KINDS,
    baseUrl: url,
    siteId: SITE,
    token: new SecretValue(`${CANARY}-token`),
    retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  });
}

/** The error a call must end with; a call that succeeds fails the test. */
async function failureOf(call: Promise<unknown>): Promise<Error> {
  const outcome = await call.then(
    (value) => ({ value }),
    (error: Error) => ({ error }),
  );
  if ("value" in outcome) throw new Error(`expected a failure, got ${JSON.stringify(outcome.value)}`);
  return outcome.error;
}

const createBody = {
  name: "EPM",
  domain: "https://acme.pm.beyondtrustcloud.com",
  clientId: "id",
  clientSecret: new SecretValue(`${CANARY}-secret`),
};

describe("redirects are never followed", () => {
  test.each([307, 308])(
    "a %i to another origin: the other server receives nothing, the failure names the location",
    async (status) => {
      const elsewhere = await serve((_req, res) =>
        res.writeHead(200, { "content-type": "application/json" }).end("{}"),
      );
      const insights = await serve((_req, res) =>
        res.writeHead(status, { location: `${elsewhere.url}/collect?token=abc` }).end(),
      );
      const error = await failureOf(client(insights.url).create("epm-cloud", createBody, "idempotency-key-0001"));
      expect(elsewhere.requests).toEqual([]);
      expect(insights.requests).toHaveLength(1); // not retried either
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).toContain(`redirect to ${elsewhere.url}/collect?…, not followed`);
      expect(error.message).not.toContain("token=abc");
      expect(error.message).not.toContain(CANARY);
    },
  );

  test("a 302 that would turn the POST into a GET answered 200 HTML is a failure, not a create", async () => {
    const insights = await serve((req, res) => {
      if (req.method === "GET" && req.url!.endsWith("/connectors"))
        return void res.writeHead(200, { "content-type": "application/json" }).end('{"items":[]}');
      if (req.method === "POST") return void res.writeHead(302, { location: "/sign-in" }).end();
      res.writeHead(200, { "content-type": "text/html" }).end("<html>Sign in</html>");
    });
    const [result] = await reconcile(client(insights.url), manyEpmConnectors(1), FAST);
    expect(result.action).toBe("failed");
    expect(result.detail).toMatch(
      /HTTP 302 \(no content type\) redirect to http:\/\/127\.0\.0\.1:\d+\/sign-in, not followed/,
    );
    expect(insights.requests.map((r) => r.method)).toEqual(["GET", "POST"]);
  });
});

describe("only answers the contract describes are believed", () => {
  test("a 2xx HTML page (a proxy's sign-in) fails with the status and content type", async () => {
    const insights = await serve((req, res) => {
      if (req.method === "GET")
        return void res.writeHead(200, { "content-type": "application/json" }).end('{"items":[]}');
      res.writeHead(201, { "content-type": "text/html; charset=utf-8" }).end("<html>Sign in</html>");
    });
    const [result] = await reconcile(client(insights.url), manyEpmConnectors(1), FAST);
    expect(result).toMatchObject({ action: "failed" });
    expect(result.detail).toContain("HTTP 201 (text/html; charset=utf-8) is not the JSON the contract promises");
  });

  test("JSON of the wrong shape fails naming the schema problem, not `Cannot read properties of undefined`", async () => {
    const insights = await serve((_req, res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"connectors":[]}'),
    );
    await expect(client(insights.url).list()).rejects.toThrow(
      /GET \/sites\/[^ ]+\/connectors: HTTP 200 \(application\/json\) does not follow the contract: response: \(root\) must have required property 'items'/,
    );
  });

  test("a fingerprint cost past the contract's bounds is refused before any scrypt runs at it", async () => {
    const insights = await serve((_req, res) =>
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ items: [connectorJson({ fingerprintCost: 30 })] })),
    );
    await expect(client(insights.url).list()).rejects.toThrow(
      /does not follow the contract: .*fingerprintCost must be <= 15/,
    );
  });

  test("a 404 HTML page does not count as 'already deleted'", async () => {
    const insights = await serve((_req, res) =>
      res.writeHead(404, { "content-type": "text/html" }).end("<html>Not here</html>"),
    );
    await expect(client(insights.url).remove("c-1")).rejects.toThrow(/HTTP 404 \(text\/html\) is not the problem JSON/);
  });
});

describe("response size is capped", () => {
  /** Streams 64 KiB chunks until the client goes away or `maxBytes` are out; counts what it sent. */
  async function endless(maxBytes: number, headers: Record<string, string> = {}) {
    const sent = { bytes: 0, closedByClient: false };
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", ...headers });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (sent.bytes < maxBytes) {
          sent.bytes += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => (sent.closedByClient = sent.bytes < maxBytes));
      res.write('{"items":[');
      pump();
    });
    return { server, sent };
  }

  test("a body past the cap is cut off as a stream; the server is stopped long before its 64 MiB", async () => {
    const { server, sent } = await endless(64 * 1024 * 1024);
    const error = await failureOf(client(server.url, { maxResponseBytes: 1024 * 1024 }).list());
    expect(error.message).toMatch(
      /HTTP 200 \(application\/json\) the answer is larger than the 1 MiB limit; it was not read/,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent.closedByClient).toBe(true);
    expect(sent.bytes).toBeLessThan(16 * 1024 * 1024); // what the socket buffers hold, not the body
  });

  test("the default cap is 8 MiB, and a declared Content-Length past it is refused before reading", async () => {
    const { server, sent } = await endless(24 * 1024 * 1024);
    await expect(client(server.url).list()).rejects.toThrow(/larger than the 8 MiB limit/);
    expect(sent.bytes).toBeLessThan(24 * 1024 * 1024);
    const declared = await serve((_req, res) =>
      res.writeHead(200, { "content-type": "application/json", "content-length": String(2 ** 31) }).write("{"),
    );
    await expect(client(declared.url).list()).rejects.toThrow(
      /larger than the 8 MiB limit \(Content-Length 2048 MiB\)/,
    );
  });
});

describe("deadlines", () => {
  test("a hanging server: one message naming the host, after the call's deadline, no retry", async () => {
    const hanging = await serve(() => undefined);
    const started = Date.now();
    const error = await failureOf(client(hanging.url, { timeoutMs: 1000 }).list());
    expect(error.message).toMatch(
      new RegExp(`^GET /sites/${SITE}/connectors: timed out after 1 s talking to 127\\.0\\.0\\.1:${hanging.port}$`),
    );
    expect(Date.now() - started).toBeLessThan(4000);
    expect(hanging.requests).toHaveLength(1);
  });

  test("a trickling body times out with the same message, not `Cannot read properties of undefined`", async () => {
    const trickle = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"items":');
      const timer = setInterval(() => res.write(" "), 100);
      res.on("close", () => clearInterval(timer));
    });
    await expect(client(trickle.url, { timeoutMs: 1000 }).list()).rejects.toThrow(
      `timed out after 1 s talking to 127.0.0.1:${trickle.port}`,
    );
  });

  test("the run's deadline ends a call that its own deadline would still allow", async () => {
    const hanging = await serve(() => undefined);
    const runDeadline = new Deadline(800);
    await expect(client(hanging.url, { timeoutMs: 60_000, runDeadline }).list()).rejects.toThrow(
      `timed out after 1 s (the run's deadline) talking to 127.0.0.1:${hanging.port}`,
    );
  });
});

describe("an unreachable API is named quickly, with the cause and the next step", () => {
  test("refused port: host, port, cause and hint at once, without the retries' backoff", async () => {
    const port = await closedPort();
    const started = Date.now();
    const hint = `start the emulator: npx insights-connectors emulator --port ${port}`;
    // The default retry policy: a refused connection is not worth six backoffs.
    const error = await failureOf(
      new InsightsHttpClient({
        kinds: INSIGHTS_CONNECTOR_KINDS,
        baseUrl: `http://127.0.0.1:${port}`,
        siteId: SITE,
        unreachableHint: hint,
      }).list(),
    );
    expect(error.message).toBe(
      `GET /sites/${SITE}/connectors: cannot reach 127.0.0.1:${port}: TCP: connection refused (nothing listening, or a firewall rejects it). Next: ${hint}.`,
    );
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

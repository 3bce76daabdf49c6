import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createGithubApp, type CreateGithubAppOptions } from "../../../providers/github/manifest-flow/create-app";
import { anonymousOctokit, DEFAULT_GITHUB_HTTP_POLICY, type GithubHttpPolicy } from "../../../providers/github/octokit";
import { FakeGithub } from "../../fakes/github";
import { blueprintFor, flowOptions, recordingHandoff, scriptedBrowser } from "./helpers";

const LOOKUP = "/api/v3/orgs/acme/installation";
const fast: Partial<GithubHttpPolicy> = { retryBaseMs: 5 };

describe("calls to GitHub retry a transient failure, within a ceiling and a deadline", () => {
  let fake: FakeGithub;
  beforeEach(async () => {
    fake = new FakeGithub();
    await fake.start();
  });
  afterEach(() => fake.stop());

  function flow(http: Partial<GithubHttpPolicy>, overrides: Partial<CreateGithubAppOptions> = {}) {
    const said: string[] = [];
    const handoff = recordingHandoff();
    const result = createGithubApp(
      blueprintFor(fake),
      flowOptions({ said, handoff, http, onPageReady: (url) => void scriptedBrowser(url), ...overrides }),
    );
    return { said, handoff, result };
  }

  const lookups = () => fake.requests.filter((r) => r.path === LOOKUP).length;

  test("one 502 while polling for the installation, after the app exists, is retried and the flow completes", async () => {
    fake.failNext(LOOKUP, 502);
    fake.installOnLookup("acme", 3); // counts the lookups that reach GitHub, not the proxy's 502
    const { handoff, result } = flow(fast);
    await expect(result).resolves.toMatchObject({
      installedAppUrl: expect.stringContaining("/settings/installations/"),
    });
    expect(handoff.installedAppUrl).toBeDefined();
    expect(lookups()).toBe(4);
  });

  test("a GitHub that keeps failing gets two retries, then a clear error; the key was already handed off", async () => {
    fake.failNext(LOOKUP, 502, 10);
    const { handoff, result } = flow(fast);
    await expect(result).rejects.toThrow("looking up the app's installation on acme failed: fake fault 502");
    expect(lookups()).toBe(3); // the first try and two retries (DEFAULT_GITHUB_HTTP_POLICY)
    expect(handoff.created).toBeDefined();
  });

  test("a request that is never answered times out after the deadline, naming the host", async () => {
    fake.stall(LOOKUP);
    const started = Date.now();
    const { result } = flow({ ...fast, requestTimeoutMs: 300, retries: 1 });
    await expect(result).rejects.toThrow(/timed out after 0\.3 s talking to 127\.0\.0\.1:\d+/);
    expect(lookups()).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("the GitHub client's limits, against a hostile local server", () => {
  let server: Server;
  let url = "";
  let hits = 0;
  let answer: (response: ServerResponse) => void = () => undefined;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      hits += 1;
      answer(response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => (hits = 0));
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const client = (policy: Partial<GithubHttpPolicy> = {}) =>
    anonymousOctokit(url, { ...DEFAULT_GITHUB_HTTP_POLICY, ...fast, ...policy });

  test("a body over the cap is cut off, not buffered", async () => {
    answer = (response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(`{"pad":"${"x".repeat(64 * 1024)}"}`);
    };
    await expect(client({ maxResponseBytes: 16 * 1024, retries: 0 }).request("GET /app")).rejects.toThrow(
      /is over 16384 bytes; not read further/,
    );
  });

  test("a redirect is not followed (the JWT or the code must not go elsewhere) and names its target", async () => {
    answer = (response) => {
      response.writeHead(307, { location: "http://127.0.0.2:9/steal" });
      response.end();
    };
    const call = client({ retries: 0 }).request("POST /app-manifests/{code}/conversions", { code: "c0de" });
    await expect(call).rejects.toThrow(/answered 307 redirecting to http:\/\/127\.0\.0\.2:9\/steal; not followed/);
  });

  test("a rate limit that resets in an hour fails at once; one that resets now is retried once", async () => {
    const limited = (resetInSeconds: number) => (response: ServerResponse) => {
      const reset = Math.floor(Date.now() / 1000) + resetInSeconds;
      response.writeHead(403, {
        "content-type": "application/json",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(reset),
      });
      response.end(JSON.stringify({ message: "API rate limit exceeded" }));
    };
    answer = limited(3600);
    const started = Date.now();
    await expect(client().request("GET /app")).rejects.toThrow(/API rate limit exceeded/);
    expect([hits, Date.now() - started < 2_000]).toEqual([1, true]);

    hits = 0;
    answer = limited(-5);
    await expect(client().request("GET /app")).rejects.toThrow(/API rate limit exceeded/);
    expect(hits).toBe(2);
  });
});

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { InsightsHttpClient } from "../../../providers/insights/http-client";
import { backoffMs, DEFAULT_RETRY_POLICY, retryAfterMs } from "../../../providers/insights/retry";
import { retryLine } from "../../../cli/progress";
import { INSIGHTS_CONNECTOR_KINDS } from "../../../connectors/catalog";

describe("retries", () => {
  test("Retry-After: delta-seconds and HTTP dates", () => {
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs("Wed, 21 Oct 2015 07:28:05 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(5000);
    expect(retryAfterMs("soon")).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });

  test("full-jitter backoff stays under the doubling ceiling and the cap; Retry-After is a floor", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffMs(0, { ...policy, random: () => 0.999 })).toBeLessThanOrEqual(100);
    expect(backoffMs(3, { ...policy, random: () => 0.999 })).toBeLessThanOrEqual(800);
    expect(backoffMs(10, { ...policy, random: () => 0.999 })).toBeLessThanOrEqual(1000);
    expect(backoffMs(0, { ...policy, random: () => 0 })).toBe(0);
    expect(backoffMs(0, { ...policy, random: () => 0 }, 2000)).toBe(2000);
  });

  test("the client waits what Retry-After says, retries 429/503, and gives up after its retries with the last error", async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      if (hits === 1)
        return void res
          .writeHead(429, { "retry-after": "2", "content-type": "application/json" })
          .end('{"title":"slow down"}');
      res.writeHead(503, { "content-type": "application/json" }).end('{"title":"unavailable"}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const slept: number[] = [];
    const client = new InsightsHttpClient({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      siteId: "s",
      retry: {
        retries: 3,
        baseDelayMs: 10,
        maxDelayMs: 100,
        random: () => 0.5,
        sleep: async (ms) => void slept.push(ms),
      },
    });
    await expect(client.list()).rejects.toThrow(/HTTP 503 unavailable/);
    server.close();
    expect(hits).toBe(4);
    expect(slept).toEqual([2000, 10, 20]);
  });

  test("plain http is refused except to loopback", () => {
    expect(
      () =>
        new InsightsHttpClient({
          kinds: INSIGHTS_CONNECTOR_KINDS,
          baseUrl: "http://insights.example.com",
          siteId: "s",
        }),
    ).toThrow("the Insights API URL: http://insights.example.com is plain http off this machine");
    expect(
      () => new InsightsHttpClient({ kinds: INSIGHTS_CONNECTOR_KINDS, baseUrl: "http://127.0.0.1:1", siteId: "s" }),
    ).not.toThrow();
  });
});

describe("Retry-After has a ceiling", () => {
  const NOW = Date.parse("2026-11-23T12:00:00Z");

  /** A server answering 429 with `retryAfter` `times` times, then an empty list. */
  async function throttling(retryAfter: string, times: number) {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      if (hits <= times)
        return void res
          .writeHead(429, { "retry-after": retryAfter, "content-type": "application/json" })
          .end('{"title":"slow down"}');
      res.writeHead(200, { "content-type": "application/json" }).end('{"items":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => server.close(),
      hits: () => hits,
    };
  }

  test.each([
    ["3600", 3_600_000],
    ["Thu, 01 Jan 2099 00:00:00 GMT", Date.parse("2099-01-01T00:00:00Z") - NOW],
  ])(
    "Retry-After: %s waits the 30 s ceiling, and the progress event says what the server asked",
    async (header, asked) => {
      const server = await throttling(header, 2);
      const slept: number[] = [];
      const events: { waitMs: number; serverAskedMs?: number }[] = [];
      const client = new InsightsHttpClient({
        kinds: INSIGHTS_CONNECTOR_KINDS,
        baseUrl: server.url,
        siteId: "s",
        timeoutMs: 120_000,
        retry: { retries: 3, random: () => 0.5, now: () => NOW, sleep: async (ms) => void slept.push(ms) },
        onRetry: (e) => events.push({ waitMs: e.waitMs, serverAskedMs: e.serverAskedMs }),
      });
      await expect(client.list()).resolves.toEqual([]);
      server.close();
      expect(slept).toEqual([30_000, 30_000]);
      expect(events).toEqual([
        { waitMs: 30_000, serverAskedMs: asked },
        { waitMs: 30_000, serverAskedMs: asked },
      ]);
    },
  );

  test("the call's deadline caps the total: no wait that would pass it, and the error says why", async () => {
    const server = await throttling("3600", 10);
    let now = NOW;
    const client = new InsightsHttpClient({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      baseUrl: server.url,
      siteId: "s",
      timeoutMs: 75_000,
      retry: { retries: 10, random: () => 0.5, now: () => now, sleep: async (ms) => void (now += ms) },
    });
    await expect(client.list()).rejects.toThrow(
      "HTTP 429 slow down (not retried: a 30 s wait would pass the deadline)",
    );
    server.close();
    expect([server.hits(), now - NOW]).toEqual([3, 60_000]);
  });

  test("retries spent: the error says the server asked for more than the ceiling", async () => {
    const server = await throttling("3600", 10);
    const client = new InsightsHttpClient({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      baseUrl: server.url,
      siteId: "s",
      retry: { retries: 1, sleep: async () => undefined },
    });
    await expect(client.list()).rejects.toThrow(
      "HTTP 429 slow down (the server asked to wait 3600 s; waits are capped at 30 s)",
    );
    server.close();
  });

  test("the retry line a user sees names the call, the wait, the status and the server's ask", () => {
    const line = retryLine({
      method: "GET",
      path: "/sites/s/connectors",
      retry: 1,
      waitMs: 30_000,
      serverAskedMs: 3_600_000,
      error: new Error("GET /sites/s/connectors: HTTP 429 slow\u001b[2J down"),
    });
    expect(line).toBe(
      "retrying GET /sites/s/connectors in 30 s: HTTP 429 slow down (the server asked to wait 3600 s; waits are capped at 30 s)",
    );
  });
});

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { InsightsHttpClient } from "../../../providers/insights/http-client";
import { backoffMs, DEFAULT_RETRY_POLICY, retryAfterMs } from "../../../providers/insights/retry";

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
      if (hits === 1) return void res.writeHead(429, { "retry-after": "2", "content-type": "application/json" }).end('{"title":"slow down"}');
      res.writeHead(503, { "content-type": "application/json" }).end('{"title":"unavailable"}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const slept: number[] = [];
    const client = new InsightsHttpClient({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      siteId: "s",
      retry: { retries: 3, baseDelayMs: 10, maxDelayMs: 100, random: () => 0.5, sleep: async (ms) => void slept.push(ms) },
    });
    await expect(client.list()).rejects.toThrow(/HTTP 503 unavailable/);
    server.close();
    expect(hits).toBe(4);
    expect(slept).toEqual([2000, 10, 20]);
  });

  test("plain http is refused except to loopback", () => {
    expect(() => new InsightsHttpClient({ baseUrl: "http://insights.example.com", siteId: "s" })).toThrow(/only spoken over TLS/);
    expect(() => new InsightsHttpClient({ baseUrl: "http://127.0.0.1:1", siteId: "s" })).not.toThrow();
  });
});

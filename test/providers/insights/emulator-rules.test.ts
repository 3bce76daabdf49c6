import { z } from "zod";
import type { ApiConnectorKind } from "../../../providers/insights/api-kind";
import { InsightsEmulator } from "../../../providers/insights/emulator/server";
import { InsightsConnectionError, InsightsHttpClient } from "../../../providers/insights/http-client";

const SITE = "5a7f0c2e-1b2c-4d3e-8f40-123456789abc";

/** A kind no catalog has: whatever the emulator does with it, it learned from these members alone. */
const WIDGET: ApiConnectorKind = {
  kind: "widget",
  title: "Widget",
  provisioning: { mode: "stack" },
  registration: {
    fields: [
      { key: "name", label: "Name", secret: false },
      { key: "endpoint", label: "Endpoint", secret: false, connectionPoint: true },
      {
        key: "token",
        label: "Token",
        secret: true,
        check: (value) => (value.startsWith("wt_") ? undefined : "is not a widget token"),
      },
    ],
    apiSchema: z.strictObject({ name: z.string().min(1), endpoint: z.string().min(1), token: z.string().min(1) }),
  },
  cannotTurnOff: { reason: "a widget cannot be turned off" },
};

describe("the emulator asks the kinds it is given", () => {
  let emulator: InsightsEmulator;
  const client = (retries = 0) =>
    new InsightsHttpClient({
      kinds: [WIDGET],
      baseUrl: emulator.url,
      siteId: SITE,
      retry: { retries, baseDelayMs: 1 },
    });
  afterEach(() => emulator.stop());

  test("each field's check, the Connection Point field and cannotTurnOff come from the kind", async () => {
    emulator = await InsightsEmulator.start({ kinds: [WIDGET], checkDelayMs: 0 });
    const refused = await client()
      .create("widget", { name: "W", endpoint: "w.example", token: "nope" }, "0123456789abcdef-1")
      .catch((e) => e);
    expect(refused.problem.errors).toEqual([{ field: "token", message: "is not a widget token" }]);

    const created = await client().create(
      "widget",
      { name: "W", endpoint: "w.example", token: "wt_1" },
      "0123456789abcdef-2",
    );
    expect(created.connectionPoint).toBe("w.example");
    await expect(client().turnOff(created.id)).rejects.toMatchObject({
      status: 409,
      problem: { title: "a widget cannot be turned off" },
    });
  });

  test("dieAfterWrites: the Nth write is stored, its answer lost, and nothing answers after it", async () => {
    emulator = await InsightsEmulator.start({ kinds: [WIDGET], checkDelayMs: 0, dieAfterWrites: 2 });
    const body = (name: string) => ({ name, endpoint: "w.example", token: "wt_1" });
    await client().create("widget", body("one"), "0123456789abcdef-a");
    expect(await client().list()).toHaveLength(1); // reads are not writes
    await expect(client().create("widget", body("two"), "0123456789abcdef-b")).rejects.toBeInstanceOf(
      InsightsConnectionError,
    );
    await emulator.died;
    expect((await emulator.all()).map((c) => c.name).sort()).toEqual(["one", "two"]);
    await expect(client(2).list()).rejects.toThrow(/cannot reach 127\.0\.0\.1/);
  });

  test("the AWS external ID: one per site, the same on every request", async () => {
    emulator = await InsightsEmulator.start({ kinds: [WIDGET] });
    const id = await client().awsExternalId();
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await client().awsExternalId(SITE)).toBe(id);
    expect(await client().awsExternalId("another-site")).not.toBe(id);
  });
});

import { SecretValue } from "../../../values/secret-value";
import { InsightsEmulator } from "../../../providers/insights/emulator/server";
import { InsightsApiError, InsightsHttpClient, type Exchange } from "../../../providers/insights/http-client";
import { reconcile } from "../../../register/reconcile";
import { allSourcesDesired } from "../../register/helpers";
import { OpenApiValidator } from "./openapi-validator";
import { INSIGHTS_CONNECTOR_KINDS as CATALOG } from "../../../connectors/catalog";

const SITE = "5a7f0c2e-1b2c-4d3e-8f40-123456789abc";

describe("http adapter against the emulator, every exchange validated against openapi.yaml", () => {
  let emulator: InsightsEmulator;
  let exchanges: Exchange[];
  let client: InsightsHttpClient;
  beforeEach(async () => {
    emulator = await InsightsEmulator.start({ kinds: CATALOG, checkDelayMs: 50 });
    exchanges = [];
    client = new InsightsHttpClient({
      kinds: CATALOG,
      baseUrl: emulator.url,
      siteId: SITE,
      token: new SecretValue("token"),
      onExchange: (e) => exchanges.push(e),
      retry: { retries: 0 },
    });
  });
  afterEach(() => emulator.stop());

  test("create, read, update, turn off/on, connectivity, activity and delete for every kind", async () => {
    const desired = await allSourcesDesired();
    expect(new Set(desired.map((d) => d.kind))).toEqual(new Set(CATALOG.map((k) => k.kind)));
    const results = await reconcile(client, desired, {
      dryRun: false,
      concurrency: 4,
      settleTimeoutMs: 5000,
      pollMs: 60,
    });
    expect(results.map((r) => [r.kind, r.action, r.connectivity])).toEqual(
      desired.map((d) => [
        d.kind,
        "create",
        ["active-directory", "password-safe-onprem"].includes(d.kind) ? "Pending Agent Registration" : "Connected",
      ]),
    );
    const listed = await client.list();
    for (const connector of listed) {
      await client.connectivity(connector.id);
      await client.activity(connector.id);
      if (connector.kind !== "active-directory") {
        expect((await client.turnOff(connector.id)).connectivity).toBe("Connector Off");
        expect((await client.turnOn(connector.id)).enabled).toBe(true);
      }
    }
    const okta = listed.find((c) => c.kind === "okta")!;
    expect((await client.update(okta.id, { name: "Acme Okta (renamed)" })).name).toBe("Acme Okta (renamed)");
    for (const connector of listed) await client.remove(connector.id);
    expect(await client.list()).toEqual([]);

    const validator = new OpenApiValidator();
    const problems = exchanges.flatMap((e) => validator.check(e));
    expect(problems).toEqual([]);
    expect(new Set(validator.checked)).toEqual(
      new Set([
        "listConnectors",
        "getConnectivity",
        "getActivity",
        "turnOffConnector",
        "turnOnConnector",
        "updateConnector",
        "deleteConnector",
        ...CATALOG.map((k) => `create${k.kind.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}Connector`),
      ]),
    );
  });

  test("the emulator validates like the console: bad ARN, PEM, JSON key and GUID are 422 naming the field, never the value", async () => {
    const cases: [string, Record<string, string>, string][] = [
      ["aws", { name: "A", roleArn: "arn:aws:iam::12:user/x" }, "roleArn"],
      [
        "okta",
        {
          name: "O",
          domain: "acme.okta.com",
          clientId: "0oa1",
          pemKey: "-----BEGIN PRIVATE KEY-----\nnot-a-key\n-----END PRIVATE KEY-----",
        },
        "pemKey",
      ],
      ["gcp", { name: "G", organizationId: "123456789012", serviceAccountKey: '{"type":"user"}' }, "serviceAccountKey"],
      [
        "azure",
        {
          name: "Z",
          tenantId: "contoso",
          directoryName: "c",
          clientId: "1e2d3c4b-0000-4000-8000-00000000000a",
          clientSecret: "s3cr3t-value",
        },
        "tenantId",
      ],
    ];
    const validator = new OpenApiValidator();
    for (const [kind, body, field] of cases) {
      const error = await client.create(kind, body, "0123456789abcdef-key").catch((e) => e);
      expect(error).toBeInstanceOf(InsightsApiError);
      expect(error.status).toBe(422);
      expect(error.message).toContain(`${field}:`);
      for (const value of Object.values(body).filter((v) => v.length > 12)) expect(error.message).not.toContain(value);
    }
    // The 422 answers follow the contract; the validator also catches the bad requests the schema can see.
    expect(exchanges.flatMap((e) => validator.check(e)).map((p) => p.replace(/ must match pattern.*/, ""))).toEqual([
      "createAwsConnector request: /roleArn",
      "createAzureConnector request: /tenantId",
    ]);
  });

  test("a second create of the same kind and name is 409; a replayed Idempotency-Key returns the first connector", async () => {
    const body = { name: "PRA", subdomain: "acme.beyondtrustcloud.com", clientId: "id", clientSecret: "secret" };
    const first = await client.create("pra-cloud", body, "idempotency-key-0001");
    const replay = await client.create("pra-cloud", body, "idempotency-key-0001");
    expect(replay.id).toBe(first.id);
    await expect(client.create("pra-cloud", body, "idempotency-key-0002")).rejects.toMatchObject({ status: 409 });
    expect((await emulator.all()).length).toBe(1);
    const validator = new OpenApiValidator();
    expect(exchanges.flatMap((e) => validator.check(e))).toEqual([]);
  });
});

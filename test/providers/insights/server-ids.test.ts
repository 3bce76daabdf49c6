import { SecretValue } from "../../../values/secret-value";
import { INSIGHTS_CONNECTOR_KINDS } from "../../../connectors/catalog";
import { UnsafeConnectorIdError } from "../../../providers/insights/connector-id";
import { InsightsEmulator } from "../../../providers/insights/emulator/server";
import { InsightsHttpClient } from "../../../providers/insights/http-client";
import { runCli } from "../../helpers/cli";
import { connectorJson, hostileServersPerTest } from "./hostile-server";

const SITE = "00000000-0000-4000-8000-000000000000"; // the site --emulator uses (register/insights-target.ts)

/** Each test's servers, closed after it. */
const serve = hostileServersPerTest();

const client = (url: string) =>
  new InsightsHttpClient({
    kinds: INSIGHTS_CONNECTOR_KINDS,
    baseUrl: url,
    siteId: SITE,
    token: new SecretValue("token"),
    retry: { retries: 2, baseDelayMs: 5, maxDelayMs: 20 },
  });

/** A server that lists one AWS connector with the given id and answers anything else 404, as a site root would. */
function listingServer(id: string) {
  return serve((request, response) => {
    if (request.method === "GET" && request.url?.endsWith("/connectors")) {
      const item = connectorJson({ id, kind: "aws", name: "AWS Dev Account", connectionPoint: "arn" });
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ items: [item] }));
      return;
    }
    response.writeHead(404, { "content-type": "application/problem+json" }).end('{"title":"Not found"}');
  });
}

describe("connector ids from a server are data, checked before use", () => {
  test("connector delete of a connector whose id is `..`: refused before any request is sent with it, exit 1, nothing said deleted", async () => {
    const insights = await listingServer("..");
    const run = await runCli(
      ...["connector", "delete", "--config", "examples/aws-single-account.yaml", "--tenant", "acme-dev"],
      ...["--kind", "aws", "--name", "AWS Dev Account", "--yes", "--emulator", insights.url],
    );
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("deleted");
    expect(run.stderr).toMatch(/does not follow the contract: .*id must match pattern/);
    expect(insights.requests.map((r) => r.method)).toEqual(["GET"]);
  });

  test.each([
    ["..", ".."],
    [".", "."],
    ["a/b", "a/b"],
    ["%2e%2e", "%2e%2e"],
    ["a bidi override", "x\u202ey"],
    ["empty", ""],
    ["a space", "c 1"],
    ["129 characters", "x".repeat(129)],
  ])("the client refuses the id %s before sending anything", async (_label, id) => {
    const insights = await serve((_request, response) => response.writeHead(204).end());
    const api = client(insights.url);
    for (const call of [
      () => api.remove(id),
      () => api.turnOff(id),
      () => api.turnOn(id),
      () => api.update(id, { name: "x" }),
      () => api.connectivity(id),
      () => api.activity(id),
    ]) {
      await expect(call()).rejects.toThrow(UnsafeConnectorIdError);
    }
    expect(insights.requests).toEqual([]);
  });

  test("the refusal shows the id as printable, quoted text: no escape sequence or bidi override reaches the terminal", () => {
    const message = new UnsafeConnectorIdError("a\u202eb\u001b[2Jc").message;
    expect(message).toContain('connector id "abc"');
    expect(message).not.toMatch(/[\u001b\u202e]/);
  });

  test("a 404 on delete is success only for an id this client listed in this site", async () => {
    const insights = await listingServer("c-listed");
    const api = client(insights.url);
    await expect(api.remove("c-listed")).rejects.toThrow(/HTTP 404/); // not listed yet: a failure
    await api.list();
    await expect(api.remove("c-listed")).resolves.toBeUndefined(); // listed, then gone: a retried delete's success
    await expect(api.remove("c-other")).rejects.toThrow(/HTTP 404/);
  });
});

describe("the emulator keeps the contract's id pattern and the client's body cap", () => {
  let emulator: InsightsEmulator;
  beforeEach(async () => (emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS })));
  afterEach(() => emulator.stop());

  const headers = { "X-BT-Api-Version": "2025-01-01", "content-type": "application/json" };

  test.each(["..%2Fx", "a%20b", "x%0Ay"])("a path id %s is answered 400 naming the pattern", async (id) => {
    const response = await fetch(`${emulator.url}/api/v1/sites/${SITE}/connectors/${id}`, {
      method: "DELETE",
      headers,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { title: string }).title).toMatch(/^connectorId must match \^\[A-Za-z0-9\]/);
  });

  test("a request body over 8 MiB (the client's cap on answers) is answered 413; nothing is stored", async () => {
    const huge = JSON.stringify({ name: "x".repeat(8 * 1024 * 1024) });
    const response = await fetch(`${emulator.url}/api/v1/sites/${SITE}/connectors/kinds/epm-cloud`, {
      method: "POST",
      headers: { ...headers, "Idempotency-Key": "idempotency-key-0001" },
      body: huge,
    });
    expect(response.status).toBe(413);
    expect(await emulator.all()).toEqual([]);
  });

  test("every id the emulator issues follows the pattern", async () => {
    const created = await client(emulator.url).create(
      "epm-cloud",
      {
        name: "EPM",
        domain: "https://acme.pm.beyondtrustcloud.com",
        clientId: "id",
        clientSecret: new SecretValue("s"),
      },
      "idempotency-key-0002",
    );
    expect(created.id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/);
  });
});

import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpsServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runEngine } from "../../providers/engines/run-engine";
import { acceptInsecureTls } from "../../providers/http/secure-endpoint";
import { connectorJson } from "../providers/insights/hostile-server";
import { selfSignedCertificate } from "../fakes/entra";
import { FakeGcp } from "../fakes/gcp";
import { closeLoopback, listenOnLoopback } from "../fakes/loopback";
import { spawnCliAsync } from "../helpers/cli";
import { configWith, VALID } from "../helpers/config-text";
import { requireTool } from "../helpers/require-tool";

jest.setTimeout(60_000);

// `.invalid` never resolves (RFC 2606): a request that got past the check would fail on DNS,
// so the refusal below can only come from the check, and nothing leaves this machine either way.
const OFF_MACHINE = "http://token-endpoint.invalid";

describe("verify GCP: plain http off this machine is refused for token_uri and the endpoint overrides", () => {
  const PROJECT = "bt-insights-connector";
  const READER = `insights-verify@${PROJECT}.iam.gserviceaccount.com`;
  let fake: FakeGcp;
  let work: string;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

  beforeEach(async () => {
    fake = new FakeGcp();
    await fake.start();
    fake.accounts.set(READER, publicKey);
    work = mkdtempSync(join(tmpdir(), "secure-endpoints-"));
    writeFileSync(join(work, "tenants.yaml"), configWith([VALID.gcp]));
  });
  afterEach(async () => {
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  });

  function verify(tokenUri: string, overrides: Record<string, string>) {
    const keyFile = join(work, "reader-key.json");
    const key = {
      type: "service_account",
      private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      client_email: READER,
      token_uri: tokenUri,
    };
    writeFileSync(keyFile, JSON.stringify(key), { mode: 0o600 });
    const env = { ...process.env, GOOGLE_APPLICATION_CREDENTIALS: keyFile, ...overrides };
    return spawnCliAsync(["verify", "--config", join(work, "tenants.yaml"), "--kind", "gcp", "--retries", "0"], env);
  }

  test("token_uri on plain http off this machine: unreadable before the signed assertion is sent anywhere", async () => {
    const run = await verify(`${OFF_MACHINE}/token`, { CLOUDSDK_API_ENDPOINT_OVERRIDES_IAM: fake.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `token_uri: ${OFF_MACHINE} is plain http off this machine; use https (plain http only to 127.0.0.1, localhost, [::1])`,
    );
    expect(fake.requests).toEqual([]);
  });

  test("an endpoint override on plain http off this machine: refused, naming the variable, before the token goes there", async () => {
    const run = await verify(fake.tokenUri, {
      CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER: `${OFF_MACHINE.replace("token-endpoint", "crm")}`,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER: http://crm.invalid is plain http off this machine",
    );
  });
});

const openssl = requireTool("openssl", "the TLS switch against a local https Insights (its certificate)");

openssl.describe(`NODE_TLS_REJECT_UNAUTHORIZED=0 and --insecure-skip-tls-verify${openssl.note}`, () => {
  let server: Server;
  let url: string;
  let tls: ReturnType<typeof selfSignedCertificate>;
  let requests = 0;
  beforeAll(async () => {
    tls = selfSignedCertificate();
    server = createHttpsServer({ key: tls.key, cert: tls.cert }, (_request, response) => {
      requests += 1;
      const items = [connectorJson({ kind: "aws", name: "AWS Dev Account", connectionPoint: "arn" })];
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ items }));
    });
    url = await listenOnLoopback(server as never, "https");
  });
  afterAll(async () => {
    await closeLoopback(server as never);
    tls.cleanup();
  });
  beforeEach(() => (requests = 0));

  const status = (before: string[] = [], after: string[] = []) =>
    spawnCliAsync(
      [
        ...before,
        "status",
        "--config",
        "examples/aws-single-account.yaml",
        "--format",
        "json",
        "--emulator",
        url,
        ...after,
      ],
      { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: "0" },
    );

  test("without the option: the tenant fails (status goes on to others, exit 1), the variable and the option named, nothing sent", async () => {
    const run = await status();
    expect(run.stderr).toContain(
      "the Insights API URL: NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks for every connection",
    );
    expect(run.stderr).toContain("--insecure-skip-tls-verify");
    expect(requests).toBe(0);
    expect(run.code).toBe(1);
  });

  test.each([
    ["after the command", [], ["--insecure-skip-tls-verify"]],
    ["before the command", ["--insecure-skip-tls-verify"], []],
  ])("with it (%s): the call is made, and stderr says certificates are not checked", async (_where, before, after) => {
    const run = await status(before, after);
    expect(run.stderr).toContain(
      "warning: --insecure-skip-tls-verify: NODE_TLS_REJECT_UNAUTHORIZED=0 is set, so no server certificate is checked on this run",
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).connectors.map((c: { name: string }) => c.name)).toEqual(["AWS Dev Account"]);
    expect(requests).toBeGreaterThan(0);
  });
});

describe("engines and NODE_TLS_REJECT_UNAUTHORIZED=0", () => {
  afterEach(() => acceptInsecureTls(false));

  test("an engine is not started with the switch in its environment unless accepted", async () => {
    const env = { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: "0" };
    const run = () => runEngine(process.execPath, ["-e", "0"], { cwd: ".", env, install: "-", label: "cdk deploy" });
    await expect(run()).rejects.toThrow(/^cdk deploy: NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks/);
    acceptInsecureTls(true);
    await expect(run()).resolves.toEqual({ stdout: "", stderr: "" });
  });
});

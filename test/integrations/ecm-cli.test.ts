import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer as createTlsServer } from "node:tls";
import { runCli } from "../helpers/cli";
import { integrationConfig } from "../helpers/config-text";
import { freePort } from "../helpers/moto";
import { requireTool } from "../helpers/require-tool";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";

const openssl = requireTool("openssl", "ecm check-network TLS tests (the test certificate)");

describe("ecm commands", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ecm-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  openssl.describe(`ecm check-network against local TLS servers on 127.0.0.1${openssl.note}`, () => {
    const servers: Server[] = [];
    let cert: string;
    let key: string;
    beforeAll(() => {
      const made = spawnSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "2",
          "-subj",
          "/CN=127.0.0.1",
          "-addext",
          "subjectAltName=IP:127.0.0.1",
          "-keyout",
          join(dir, "key.pem"),
          "-out",
          join(dir, "cert.pem"),
        ],
        { encoding: "utf8" },
      );
      expect(made.status).toBe(0);
      [cert, key] = [readFileSync(join(dir, "cert.pem"), "utf8"), readFileSync(join(dir, "key.pem"), "utf8")];
    });
    afterAll(() => servers.forEach((s) => s.close()));

    async function tlsServer(): Promise<number> {
      const server = createTlsServer({ cert, key }, (socket) => socket.end());
      servers.push(server);
      return new Promise((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
      );
    }
    /** Accepts TCP and then says nothing: a TLS handshake never completes. */
    async function silentServer(): Promise<number> {
      const server = createServer(() => undefined);
      servers.push(server);
      return new Promise((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
      );
    }

    test("both targets answer TLS with a trusted certificate: ok per target, exit 0", async () => {
      const [pra, pi] = [await tlsServer(), await tlsServer()];
      const config = join(dir, "ok.yaml");
      writeFileSync(
        config,
        integrationConfig(`127.0.0.1:${pra}`, `https://127.0.0.1:${pi}/ERPMWebService/AuthService.svc`),
      );
      const run = await runCli("ecm", "check-network", "--config", config, "-t", "acme", "--ca", join(dir, "cert.pem"));
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^ok    127\\.0\\.0\\.1:${pra}  ECM calls to the BeyondTrust API`, "m"));
      expect(run.stdout).toMatch(
        new RegExp(`^ok    127\\.0\\.0\\.1:${pi}  ECM calls to Privileged Identity SDK Web Services`, "m"),
      );
      expect(run.stdout).toMatch(/TLS TLSv1\.[23], certificate 127\.0\.0\.1 valid \d+ more days/);
    });

    test("an untrusted certificate, a refused port and a silent port each fail with their own reason, exit 1", async () => {
      const untrusted = await tlsServer();
      const closed = await freePort();
      const config = join(dir, "bad.yaml");
      writeFileSync(
        config,
        integrationConfig(`127.0.0.1:${untrusted}`, `https://127.0.0.1:${closed}/ERPMWebService/AuthService.svc`),
      );
      const run = await runCli("ecm", "check-network", "--config", config, "-t", "acme", "--timeout", "2");
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`FAIL  127.0.0.1:${untrusted}`);
      expect(run.stdout).toContain("the certificate is not trusted here (DEPTH_ZERO_SELF_SIGNED_CERT)");
      expect(run.stdout).toContain("TCP: connection refused");
      const silent = await silentServer();
      writeFileSync(
        config,
        integrationConfig(`127.0.0.1:${silent}`, `https://127.0.0.1:${silent}/ERPMWebService/AuthService.svc`),
      );
      const timedOut = await runCli("ecm", "check-network", "--config", config, "-t", "acme", "--timeout", "1");
      expect(timedOut.code).toBe(1);
      expect(timedOut.stdout).toContain("timed out after 1000 ms");
    });
  });

  test("ecm explain from the CLI: identity, endpoint and each credential's verdict", async () => {
    const config = join(dir, "explain.yaml");
    writeFileSync(
      config,
      integrationConfig("pra.acme-inc.com", "https://pi.acme-inc.com/ERPMWebService/AuthService.svc"),
    );
    const accounts = join(dir, "accounts.json");
    writeFileSync(
      accounts,
      JSON.stringify([
        { accountName: "Administrator", type: "local", system: "web01", access: { "joe.user": "recover" } },
        { accountName: "joe.admin", type: "domain", domain: "ACME", access: { "ACME\\joe.user": "recover" } },
      ]),
    );
    const run = await runCli(
      "ecm",
      "explain",
      "--config",
      config,
      "-t",
      "acme",
      "--user",
      "joe.user@acme-inc.com",
      "--item-type",
      "rdp",
      "--host",
      "web01.acme-inc.com",
      "--accounts",
      accounts,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("identity 1: ACME\\joe.user  (domain user) → 1 credential(s)");
    expect(run.stdout).toContain("endpoint: by hostname web01.acme-inc.com (domain acme-inc.com)");
    expect(run.stdout).toContain("kept      joe.admin: domain credential of ACME, the endpoint's domain");
    expect(run.stdout).toContain("filtered  Administrator: ACME\\joe.user has no permission on it in PI");
    const bad = await runCli(
      "ecm",
      "explain",
      "--config",
      config,
      "-t",
      "acme",
      "--user",
      "x",
      "--item-type",
      "web",
      "--accounts",
      accounts,
    );
    expect([bad.code, bad.stderr]).toEqual([2, "error: --url must be a URL for a Web Jump Item\n"]);
  });

  test("sheet: the integration's checklist in the document's order, secrets as references only", async () => {
    const config = join(dir, "sheet.yaml");
    writeFileSync(
      config,
      integrationConfig("pra.acme-inc.com", "https://pi.acme-inc.com/ERPMWebService/AuthService.svc"),
    );
    const out = join(dir, "sheets");
    const run = await runCli("sheet", "--config", config, "-t", "acme", "--dir", out);
    expect(run.code).toBe(0);
    const file = join(out, "acme", "pra-privileged-identity--pra-to-pi.md");
    expect(existsSync(file)).toBe(true);
    const sheet = readFileSync(file, "utf8");
    const order = [
      "## 1. Privileged Identity: delegation identity",
      "## 2. Privileged Remote Access: https://pra.acme-inc.com/login",
      "## 3. Endpoint Credential Manager",
      "| Endpoint URL |",
      "| API Password | secret from `env:PI_PASSWORD` (not shown) |",
      "| Map Domains | acme-inc.com=ACME |",
      "## 4. Network",
    ];
    const positions = order.map((text) => sheet.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(sheet).toContain("Spin jobs are off: no All Access permission is needed.");
  });
});

describe("register leaves the integration alone", () => {
  test("it is not an Insights connector: nothing is sent for it", async () => {
    const { InsightsEmulator } = await import("../../providers/insights/emulator/server");
    const emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS });
    try {
      const run = await runCli(
        "register",
        "--config",
        "examples/pra-privileged-identity.yaml",
        "--emulator",
        emulator.url,
        "--format",
        "json",
      );
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).results).toEqual([]);
      expect(await emulator.all()).toEqual([]);
    } finally {
      await emulator.stop();
    }
  });
});

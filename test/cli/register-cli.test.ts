import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { REPO, runCli, spawnCliAsync } from "../helpers/cli";
import { configWith, VALID } from "../helpers/config-text";
import { filesUnder } from "../helpers/files";
import { CANARY_ENV } from "../register/helpers";
import { closedPort, connectorJson, hostileServer, type HostileServer } from "../providers/insights/hostile-server";
import { tableColumn } from "../helpers/table";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { loadConfig } from "../../config/load";

/** How many connectors examples/all-sources.yaml declares: each is registered once and has one status row. */
const EXAMPLE_CONNECTORS = loadConfig(join(REPO, "examples", "all-sources.yaml")).tenants.flatMap(
  (t) => t.connectors,
).length;

describe("register, status and connector commands", () => {
  let work: string;
  let emulator: InsightsEmulator;
  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), "register-cli-"));
    emulator = await InsightsEmulator.start({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      stateDir: join(work, "emulator"),
      checkDelayMs: 10,
    });
  });
  afterEach(async () => {
    await emulator.stop();
    rmSync(work, { recursive: true, force: true });
  });

  test("every kind of all-sources.yaml: register, re-register (no change), status; canaries never shown or stored", async () => {
    const env = { ...process.env, ...CANARY_ENV };
    const args = [
      "register",
      "--config",
      "examples/all-sources.yaml",
      "--emulator",
      emulator.url,
      "--synthetic-outputs",
      "--settle-timeout",
      "10",
    ];
    const first = await spawnCliAsync(args, env);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${EXAMPLE_CONNECTORS} created, 0 updated, 0 unchanged, 0 failed`);
    expect(first.stdout).toMatch(/corp\.example AD: install the Insights Collector from \S+ with installation key \S+/);
    const second = await spawnCliAsync([...args, "--format", "json"], env);
    expect(JSON.parse(second.stdout).results.every((r: { action: string }) => r.action === "unchanged")).toBe(true);

    const status = await spawnCliAsync(
      ["status", "--config", "examples/all-sources.yaml", "--emulator", emulator.url, "--format", "json"],
      env,
    );
    const rows = JSON.parse(status.stdout).connectors;
    expect(rows).toHaveLength(EXAMPLE_CONNECTORS);
    expect(rows.find((r: any) => r.kind === "aws")).toMatchObject({
      connectionPoint: expect.stringMatching(/^arn:aws:iam::\d{12}:role\//),
      connectivity: "Connected",
      status: "On",
    });
    const table = await spawnCliAsync(
      ["status", "--config", "examples/all-sources.yaml", "--emulator", emulator.url],
      env,
    );
    const header = [0, 1, 2, 3, 4, 5, 6].map((i) => tableColumn(table.stdout.split("\n").slice(0, 4).join("\n"), i));
    expect(header).toEqual([
      "Tenant",
      "ConnectorName",
      "ConnectionPoint",
      "Connectivity",
      "Status",
      "LastActivity",
      "LastUpdate",
    ]);

    const shown = [first, second, status, table].map((r) => r.stdout + r.stderr).join("\n");
    expect(shown).not.toContain("CANARY-");
    // Client IDs are plain fields of the form and are kept; secrets only as fingerprints.
    const secretCanaries = Object.entries(CANARY_ENV)
      .filter(([name]) => /SECRET|KEY|PASSWORD|TOKEN/.test(name))
      .map(([, value]) => value);
    const stored = filesUnder(join(work, "emulator"))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    for (const canary of secretCanaries) expect(stored).not.toContain(canary);
    expect(stored).toContain(CANARY_ENV.PRA_CLIENT_ID);
  }, 60_000);

  test("connector off/on/delete; the Active Directory connector cannot be turned off (exit 2, nothing called)", async () => {
    const config = join(work, "tenants.yaml");
    writeFileSync(config, configWith([VALID["epm-cloud"]], `adapter: emulator\nurl: ${emulator.url}`));
    const env = { EPM_ID: "id", EPM_SECRET: "secret" };
    Object.assign(process.env, env);
    try {
      expect((await runCli("register", "--config", config, "--settle-timeout", "5")).code).toBe(0);
      const off = await runCli(
        "connector",
        "off",
        "--config",
        config,
        "-t",
        "acme",
        "--kind",
        "epm-cloud",
        "--name",
        "EPM",
      );
      expect([off.code, off.stdout]).toEqual([0, 'epm-cloud connector "EPM": turned off\n']);
      expect((await emulator.all())[0].enabled).toBe(false);
      expect(
        (await runCli("connector", "on", "--config", config, "-t", "acme", "--kind", "epm-cloud", "--name", "EPM"))
          .code,
      ).toBe(0);
      const ad = await runCli(
        "connector",
        "off",
        "--config",
        config,
        "-t",
        "acme",
        "--kind",
        "active-directory",
        "--name",
        "AD",
      );
      expect(ad.code).toBe(2);
      expect(ad.stderr).toContain("the Active Directory connector cannot be turned off");
      expect(
        (await runCli("connector", "delete", "--config", config, "-t", "acme", "--kind", "epm-cloud", "--name", "EPM"))
          .code,
      ).toBe(2);
      expect(
        (
          await runCli(
            "connector",
            "delete",
            "--config",
            config,
            "-t",
            "acme",
            "--kind",
            "epm-cloud",
            "--name",
            "EPM",
            "--yes",
          )
        ).code,
      ).toBe(0);
      expect(await emulator.all()).toEqual([]);
    } finally {
      for (const key of Object.keys(env)) delete process.env[key];
    }
  });

  test("sheet adapter: one masked sheet per connector in the console's order; dry-run writes nothing", async () => {
    const sheets = join(work, "sheets");
    const env = { ...process.env, ...CANARY_ENV };
    const dry = await spawnCliAsync(
      ["register", "--config", "examples/aws-single-account.yaml", "--sheet-dir", sheets, "--dry-run"],
      env,
    );
    expect(dry.code).toBe(0);
    expect(() => readdirSync(sheets)).toThrow();
    const outputs = join(work, "cdk-outputs.json");
    writeFileSync(
      outputs,
      JSON.stringify({ "acme-dev-aws": { ARN: "arn:aws:iam::123456789012:role/BeyondTrustInsightsReadOnly" } }),
    );
    const run = await spawnCliAsync(
      ["register", "--config", "examples/aws-single-account.yaml", "--sheet-dir", sheets, "--outputs", outputs],
      env,
    );
    expect(run.code).toBe(0);
    const [file] = filesUnder(sheets);
    expect(file).toMatch(/acme-dev\/aws--.*\.md$/);
    const sheet = readFileSync(file, "utf8");
    expect(sheet).toContain("**Menu > Connectors > Available > Create Connector beside AWS**");
    expect(sheet).toContain("| ARN | arn:aws:iam::123456789012:role/BeyondTrustInsightsReadOnly |");
    expect(run.stdout + run.stderr + sheet).not.toContain("CANARY-");
  });

  test("a missing stack output fails that connector with what to do, exit 1", async () => {
    const config = join(work, "tenants.yaml");
    writeFileSync(config, configWith([VALID.aws], `adapter: emulator\nurl: ${emulator.url}`));
    const run = await runCli("register", "--config", config);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAILED/);
    expect(run.stdout.replace(/\s+│?\s*/g, " ")).toMatch(/needs output ARN of stack acme-aws/);
  });

  test("--synthetic-outputs never goes to a real tenant (exit 2)", async () => {
    const run = await runCli("register", "--config", join(REPO, "examples", "all-sources.yaml"), "--synthetic-outputs");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--synthetic-outputs only goes with --emulator");
  });
});

describe("sheet adapter --reveal-secrets", () => {
  test("refused unless stdout is a terminal; on a terminal the values are printed, and the files stay masked", async () => {
    const { run } = await import("../../cli/program");
    const dir = mkdtempSync(join(tmpdir(), "reveal-"));
    const config = join(dir, "tenants.yaml");
    writeFileSync(config, configWith([VALID["pra-cloud"]]));
    process.env.PRA_SECRET = "CANARY-reveal-77";
    try {
      const redirected = await runCli(
        "register",
        "--config",
        config,
        "--sheet-dir",
        join(dir, "sheets"),
        "--reveal-secrets",
      );
      expect(redirected.code).toBe(2);
      expect(redirected.stderr).toContain("only does so to a terminal");
      expect(redirected.stdout + redirected.stderr).not.toContain("CANARY-reveal-77");

      let stdout = "";
      const code = await run(["register", "--config", config, "--sheet-dir", join(dir, "sheets"), "--reveal-secrets"], {
        stdout: { write: (s: string) => (stdout += s), isTTY: true, columns: 120 },
        stderr: { write: () => true },
      });
      expect(code).toBe(0);
      expect(stdout).toContain("| Client Secret | CANARY-reveal-77 |");
      const files = filesUnder(join(dir, "sheets"));
      expect(files).toHaveLength(1);
      expect(readFileSync(files[0], "utf8")).toContain("| Client Secret | secret from `env:PRA_SECRET` (not shown) |");
      expect(readFileSync(files[0], "utf8")).not.toContain("CANARY-reveal-77");
    } finally {
      delete process.env.PRA_SECRET;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("register and status against hostile or absent servers", () => {
  const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
  let dir: string;
  let servers: HostileServer[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hostile-cli-"));
    servers = [];
    Object.assign(process.env, { EPM_ID: "epm-id", EPM_SECRET: "CANARY-hostile-cli-9d" });
  });
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
    delete process.env.EPM_ID;
    delete process.env.EPM_SECRET;
  });
  function configFor(url: string): string {
    const file = join(dir, "tenants.yaml");
    writeFileSync(file, configWith([VALID["epm-cloud"]], `adapter: emulator\nurl: ${url}`));
    return file;
  }

  test("escape sequences in titles, names and connection points reach no output format", async () => {
    const server = await hostileServer((req, res) => {
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (req.method === "GET") {
        return json(200, {
          items: [
            connectorJson({
              kind: "okta",
              name: "Okta\u001b]0;pwned\u0007 ok",
              connectionPoint: "\u001b[2Jacme.okta.com\u009b31m",
            }),
          ],
        });
      }
      return json(422, {
        title: "\u001b[2J\u001b]0;owned\u0007Invalid connector settings",
        errors: [{ field: "domain", message: "is \u001b[31mnot\u001b[0m a URL" }],
      });
    });
    servers.push(server);
    const config = configFor(server.url);
    const outputs = [
      await runCli("register", "--config", config),
      await runCli("register", "--config", config, "--format", "json"),
      await runCli("status", "--config", config),
      await runCli("status", "--config", config, "--format", "json"),
    ];
    expect(outputs.map((o) => o.code)).toEqual([1, 1, 0, 0]);
    expect(tableColumn(outputs[0].stdout, 5)).toContain("Invalidconnectorsettings"); // the cell, read across its wrapped lines
    expect(JSON.parse(outputs[1].stdout).results[0].detail).toBe(
      "POST /sites/00000000-0000-4000-8000-000000000000/connectors/kinds/epm-cloud: HTTP 422 Invalid connector settings: domain: is not a URL",
    );
    expect(JSON.parse(outputs[3].stdout).connectors[0]).toMatchObject({
      name: "Okta ok",
      connectionPoint: "acme.okta.com",
    });
    for (const output of outputs) {
      expect(output.stdout + output.stderr).not.toMatch(CONTROL);
      expect(output.stdout + output.stderr).not.toContain("CANARY-");
    }
  });

  test("an absent emulator: host, port, cause and how to start it, within a second or two, for status and register", async () => {
    const port = await closedPort();
    const config = configFor(`http://127.0.0.1:${port}`);
    const started = Date.now();
    const status = await runCli("status", "--config", config);
    const register = await runCli("register", "--config", config, "--format", "json");
    expect(Date.now() - started).toBeLessThan(3000);
    const expected = `cannot reach 127.0.0.1:${port}: TCP: connection refused (nothing listening, or a firewall rejects it). Next: start the emulator: npx insights-connectors emulator --port ${port}, or check \`insights.url\` in the config.`;
    expect([status.code, status.stderr]).toEqual([
      1,
      `error: acme: GET /sites/00000000-0000-4000-8000-000000000000/connectors: ${expected}\n`,
    ]);
    expect(register.code).toBe(1);
    expect(JSON.parse(register.stdout).results[0].detail).toContain(expected);
  });

  test("waits over 2 s are reported as timestamped lines when stdout is not a terminal: a retry and connectivity settling", async () => {
    let lists = 0;
    let createdAt = 0;
    const server = await hostileServer((req, res) => {
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
      if (req.method === "GET" && req.url!.endsWith("/connectors")) {
        return (lists += 1) === 1
          ? json(503, { title: "unavailable" }, { "retry-after": "3" })
          : json(200, { items: [] });
      }
      if (req.method === "POST")
        return ((createdAt = Date.now()), json(201, connectorJson({ connectivity: "Checking" })));
      const state = Date.now() - createdAt > 3500 ? "Connected" : "Checking";
      return json(200, { state, checkedAt: "2026-11-23T10:00:00.000Z" });
    });
    servers.push(server);
    const run = await runCli("register", "--config", configFor(server.url));
    expect(run.code).toBe(0);
    const stamp = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
    expect(run.stderr).toMatch(
      new RegExp(`^${stamp} retrying GET /sites/[^ ]+/connectors in 3 s: HTTP 503 unavailable$`, "m"),
    );
    expect(run.stderr).toMatch(
      new RegExp(`^${stamp} waiting [23] s for the first connectivity check of acme/EPM: Checking$`, "m"),
    );
    expect(run.stderr).toMatch(
      new RegExp(`^${stamp} the first connectivity check of acme/EPM: Connected after [3-5] s$`, "m"),
    );
    expect(run.stderr).not.toMatch(CONTROL);
  }, 30_000);
});

// One exit-code table (docs/cli.md, "Exit codes") for every command: 2 for a bad command line
// or config, with a message that names the flag or file and says what is wrong.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { runCli } from "../helpers/cli";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";

const PAM = ["--config", "examples/pra-privileged-identity.yaml", "--tenant", "acme-pam"];

describe("exit code 2 for usage and config mistakes, per command", () => {
  test.each([
    ["plan", ["plan", "--config", "nope.yaml"], /nope\.yaml.*no such file: .*nope\.yaml; run from the repository root/],
    ["plan --tenant", ["plan", "--config", "examples/all-sources.yaml", "--tenant", "nobody"], /unknown tenant nobody/],
    ["an unknown command", ["deploy-everything"], /unknown command/],
    ["emulator --port abc", ["emulator", "--port", "abc"], /--port must be a port number from 1 to 65535, got abc/],
    ["emulator --latency-ms -5", ["emulator", "--latency-ms", "-5"], /--latency-ms must be a number of milliseconds/],
    ["ecm check-network --ca", ["ecm", "check-network", ...PAM, "--ca", "nope.pem"], /--ca nope\.pem: not found/],
    [
      "ecm check-network --timeout",
      ["ecm", "check-network", ...PAM, "--timeout", "soon"],
      /--timeout must be a positive number/,
    ],
    [
      "ecm explain --accounts",
      ["ecm", "explain", ...PAM, "--user", "joe", "--item-type", "rdp", "--host", "h", "--accounts", "nope.json"],
      /--accounts nope\.json: not found/,
    ],
    [
      "github verify --credentials",
      [
        "github",
        "verify",
        "--config",
        "examples/all-sources.yaml",
        "--tenant",
        "acme-prod",
        "--credentials",
        "nope.json",
      ],
      /--credentials nope\.json: not found/,
    ],
  ])("%s", async (_name, argv, message) => {
    const run = await runCli(...argv);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/not valid JSON/);
    expect(run.code).toBe(2);
  });

  test("an unresolvable secret reference is a config error: 2, naming the reference, nothing contacted", async () => {
    const saved = process.env.INSIGHTS_TOKEN;
    delete process.env.INSIGHTS_TOKEN;
    try {
      const target = ["--config", "examples/all-sources.yaml", "-t", "acme-prod", "--kind", "okta", "--name", "Okta"];
      const run = await runCli("connector", "on", ...target);
      expect([run.code, run.stdout, run.stderr]).toEqual([
        2,
        "",
        "error: the Insights API token: cannot resolve secret env:INSIGHTS_TOKEN: environment variable INSIGHTS_TOKEN is not set\n",
      ]);
    } finally {
      if (saved !== undefined) process.env.INSIGHTS_TOKEN = saved;
    }
  });

  test("connector with a name the tenant does not have: 2, listing the names it has, nothing changed", async () => {
    const work = mkdtempSync(join(tmpdir(), "exit-codes-"));
    const emulator = await InsightsEmulator.start({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      stateDir: join(work, "emulator"),
      checkDelayMs: 10,
    });
    try {
      const run = await runCli(
        "connector",
        "off",
        "--config",
        "examples/all-sources.yaml",
        "--emulator",
        emulator.url,
        "-t",
        "acme-prod",
        "--kind",
        "okta",
        "--name",
        "Nope",
      );
      expect(run.stderr).toMatch(
        /okta connector "Nope" not found in Insights .*; Insights lists okta connectors: none\./,
      );
      expect(run.code).toBe(2);
    } finally {
      await emulator.stop();
      rmSync(work, { recursive: true, force: true });
    }
  });
});

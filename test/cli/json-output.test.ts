// Machine formats get nothing else: for every command that prints a report, stdout of
// `--format json` is exactly one JSON document (JSON.parse takes nothing before or after it);
// progress, notes and errors go to stderr. The command list is the program's own, so a new
// report command fails here until it has a case.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { buildProgram } from "../../cli/program";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { manifestPermissions } from "../../connectors/github/app-manifest";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { FakeGithub } from "../fakes/github";
import { runCli, type CliResult } from "../helpers/cli";
import { configWith, integrationConfig, VALID } from "../helpers/config-text";
import { createAppWithBrowser } from "../helpers/github-cli";
import { closedPort } from "../providers/insights/hostile-server";

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

function reportCommands(command: Command, prefix: string[] = []): string[] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    if (sub.commands.length) return reportCommands(sub, path);
    return sub.options.some((o) => o.long === "--format") ? [path.join(" ")] : [];
  });
}

const GHES = "https://ghe.acme.example";

describe("--format json prints one JSON document on stdout, for every report command", () => {
  let work: string;
  let emulator: InsightsEmulator;
  let github: FakeGithub;
  /** Active Directory: registered through the API with no secret and no stack, so every stage runs here. */
  let ad: string;
  let pam: string;
  let githubConfig: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "json-output-"));
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10 });
    github = new FakeGithub();
    await github.start();
    ad = join(work, "ad.yaml");
    writeFileSync(ad, configWith([VALID["active-directory"]]));
    pam = join(work, "pam.yaml");
    writeFileSync(
      pam,
      integrationConfig(
        `127.0.0.1:${await closedPort()}`,
        `https://127.0.0.1:${await closedPort()}/ERPMWebService/AuthService.svc`,
      ),
    );
    githubConfig = join(work, "github.yaml");
    writeFileSync(githubConfig, configWith([`${VALID.github}\napiUrl: ${github.apiUrl}\nwebUrl: ${GHES}`]));
  });
  afterAll(async () => {
    await emulator.stop();
    await github.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const onEmulator = () => ["--emulator", emulator.url];
  const lifecycle = () => ["--config", ad, "--tenant", "acme", ...onEmulator(), "--state-dir", join(work, "state")];
  const registerAd = () => runCli("register", "--config", ad, ...onEmulator(), "--settle-timeout", "5", "--json");

  /** The app create-app made, installed: what resume and verify read. */
  async function githubApp(): Promise<string> {
    const credentials = join(work, "github", "acme-github.json");
    github.installOnLookup("acme", 1);
    const created = await createAppWithBrowser(
      ["github", "create-app", "--config", githubConfig, "-t", "acme", "--out", credentials, "--json"],
      { [GHES]: github.webUrl },
    );
    await created.browser;
    expect(created.stderr).not.toContain("error:");
    return credentials;
  }
  let credentials: Promise<string> | undefined;
  const githubCredentials = () => (credentials ??= githubApp());

  /** Per command: its run with JSON asked for, and the exit code that run ends with. */
  const CASES: Record<string, () => Promise<[CliResult, number]>> = {
    plan: async () => [await runCli("plan", "--config", ad, "--format", "json"), 0],
    diff: async () => {
      const base = join(work, "base.plan.json");
      writeFileSync(base, (await runCli("plan", "--config", ad, "--json")).stdout);
      return [await runCli("diff", "--config", ad, "--base", base, "--format", "json"), 0];
    },
    register: async () => [await registerAd(), 0],
    status: async () => [await runCli("status", "--config", ad, ...onEmulator(), "--format", "json"), 0],
    connector: async () => {
      await registerAd();
      const target = ["--config", ad, "-t", "acme", ...onEmulator(), "--kind", "active-directory", "--name", "AD"];
      return [await runCli("connector", "delete", ...target, "--yes", "--format", "json"), 0];
    },
    up: async () => [await runCli("up", ...lifecycle(), "--yes", "--settle-timeout", "5", "--format", "json"), 0],
    down: async () => [await runCli("down", ...lifecycle(), "--yes", "--format", "json"), 0],
    verify: async () => [await runCli("verify", "--config", ad, "--skip-connectivity", "--format", "json"), 4],
    sheet: async () => [
      await runCli("sheet", "--config", ad, "-t", "acme", "--dir", join(work, "sheets"), "--json"),
      0,
    ],
    tenants: async () => [await runCli("tenants", "--config", ad, "--format", "json"), 0],
    schema: async () => [await runCli("schema", "--format", "json"), 0],
    "ecm check-network": async () => [
      await runCli("ecm", "check-network", "--config", pam, "-t", "acme", "--timeout", "2", "--format", "json"),
      1,
    ],
    "ecm explain": async () => {
      const accounts = join(work, "accounts.json");
      const access = { "ACME\\joe.user": "recover" };
      writeFileSync(accounts, JSON.stringify([{ accountName: "joe.admin", type: "domain", domain: "ACME", access }]));
      const lookup = ["--user", "joe.user@acme-inc.com", "--item-type", "rdp", "--host", "web01.acme-inc.com"];
      const argv = ["--config", pam, "-t", "acme", ...lookup, "--accounts", accounts, "--format", "json"];
      return [await runCli("ecm", "explain", ...argv), 0];
    },
    "github create-app": async () => {
      const out = join(work, "create-app.json");
      github.installOnLookup("acme", 1);
      const argv = ["github", "create-app", "--config", githubConfig, "-t", "acme", "--out", out, "--format", "json"];
      const created = await createAppWithBrowser(argv, { [GHES]: github.webUrl });
      await created.browser;
      return [created, 0];
    },
    "github resume": async () => {
      const argv = ["--config", githubConfig, "-t", "acme", "--credentials", await githubCredentials()];
      return [await runCli("github", "resume", ...argv, "--format", "json"), 0];
    },
    "github verify": async () => {
      const argv = ["--config", githubConfig, "-t", "acme", "--credentials", await githubCredentials()];
      return [await runCli("github", "verify", ...argv, "--format", "json"), 0];
    },
  };

  test("every report command has a case here", () => {
    expect(Object.keys(CASES).sort()).toEqual(reportCommands(buildProgram(quiet, () => undefined)).sort());
  });

  test.each(Object.keys(CASES))("%s --format json: one JSON document, the expected exit code", async (name) => {
    const [run, code] = await CASES[name]();
    if (run.code !== code) throw new Error(`exit ${run.code}, expected ${code}; stderr:\n${run.stderr}`);
    expect(run.stdout.endsWith("}\n") || run.stdout.endsWith("]\n")).toBe(true);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });

  test("down --dry-run and down without --yes print the preview as one JSON document too", async () => {
    for (const [argv, code] of [
      [["down", ...lifecycle(), "--dry-run", "--format", "json"], 0],
      [["down", ...lifecycle(), "--json"], 2],
    ] as const) {
      const run = await runCli(...argv);
      expect(run.code).toBe(code);
      expect(JSON.parse(run.stdout)).toEqual({
        tenant: "acme",
        connectors: [{ name: "AD", kind: "active-directory", insights: expect.stringMatching(/registered/) }],
        stacks: [],
        files: [],
        left: [],
      });
    }
  });

  test("the GitHub report is data: the app's place and each permission list, with drift false", async () => {
    const argv = ["--config", githubConfig, "-t", "acme", "--credentials", await githubCredentials(), "--json"];
    const report = JSON.parse((await runCli("github", "verify", ...argv)).stdout);
    expect(report).toEqual({
      permissions: { missing: [], extra: [], wrongLevel: [], pendingUpgrade: [] },
      drift: false,
    });
    expect(Object.keys(manifestPermissions()).length).toBeGreaterThan(0);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { FakeGithub } from "../fakes/github";
import { runCli, type CliResult } from "../helpers/cli";
import { createAppWithBrowser } from "../helpers/github-cli";
import { configWith, VALID } from "../helpers/config-text";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";

const CANARY = {
  clientSecret: "CANARY-GITHUB-CLIENT-SECRET-4f1c",
  webhookSecret: "CANARY-GITHUB-WEBHOOK-SECRET-9a2e",
};
const GHES = "https://ghe.acme.example";
const TIMESTAMPED_PROGRESS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ waiting for the installation on acme… \d+ s of \d+ s$/m;

describe("github create-app → installation wait runs out → github resume → register", () => {
  let fake: FakeGithub;
  let emulator: InsightsEmulator;
  let work: string;
  let configFile: string;
  beforeEach(async () => {
    fake = new FakeGithub();
    await fake.start();
    fake.conversionSecrets = { client_secret: CANARY.clientSecret, webhook_secret: CANARY.webhookSecret };
    work = mkdtempSync(join(tmpdir(), "github-resume-"));
    emulator = await InsightsEmulator.start({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      stateDir: join(work, "emulator"),
      checkDelayMs: 10,
    });
    configFile = join(work, "tenants.yaml");
    // GitHub Enterprise Server: its web side is https (the form wants an https installation URL); the browser
    // reaches it at the fake, as a hosts entry would make it.
    writeFileSync(configFile, configWith([`${VALID.github}\napiUrl: ${fake.apiUrl}\nwebUrl: ${GHES}`]));
  });
  afterEach(async () => {
    await emulator.stop();
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  });

  test("resume completes installedAppUrl so register accepts the file; no secret is ever printed", async () => {
    const githubDir = join(work, "github");
    const credentials = join(githubDir, "acme-github.json");
    const target = ["--config", configFile, "--tenant", "acme"];
    const register = () =>
      runCli(
        "register",
        ...target,
        "--emulator",
        emulator.url,
        "--github-dir",
        githubDir,
        "--settle-timeout",
        "5",
        "--format",
        "json",
      );
    const results = (r: CliResult) => JSON.parse(r.stdout).results as Array<{ action: string; detail?: string }>;

    const created = await createAppWithBrowser(
      ["github", "create-app", ...target, "--out", credentials, "--install-timeout", "0.3", "--poll-interval", "0.05"],
      {
        [GHES]: fake.webUrl,
      },
    );
    await created.browser;
    expect(created.code).toBe(1);
    expect(created.stderr).toContain(
      `error: the app is not installed on acme after 0 s; its key is saved, and an organization owner can still install it. ` +
        `Once it is installed, run: insights-connectors github resume --config ${configFile} --tenant acme --credentials ${credentials}`,
    );
    expect(created.stderr).toMatch(TIMESTAMPED_PROGRESS); // stdout is not a terminal here: timestamped lines
    const [app] = [...fake.apps.values()];
    expect(JSON.parse(readFileSync(credentials, "utf8"))).toEqual({ appId: app.id, slug: app.slug, pem: app.pem });

    const early = await register();
    expect(early.code).toBe(1);
    expect(results(early)).toEqual([
      expect.objectContaining({
        action: "failed",
        detail: expect.stringContaining(`${credentials} has no installedAppUrl`),
      }),
    ]);
    expect(results(early)[0].detail).toContain("run insights-connectors github resume");

    fake.installOnLookup("acme", 3); // an owner installs it while resume waits
    const resumed = await runCli(
      "github",
      "resume",
      ...target,
      "--credentials",
      credentials,
      "--poll-interval",
      "0.05",
      "--install-timeout",
      "10",
    );
    expect(resumed.code).toBe(0);
    const installationId = fake.installations.get("acme")!.id;
    const url = `${GHES}/organizations/acme/settings/installations/${installationId}`;
    expect(resumed.stdout).toContain(`installedAppUrl: ${url}\n`);
    expect(resumed.stdout).toContain("permissions match the catalog");
    expect(resumed.stderr).toMatch(TIMESTAMPED_PROGRESS);
    expect(resumed.stderr).toContain(`recorded installedAppUrl in ${credentials}`);
    expect(JSON.parse(readFileSync(credentials, "utf8"))).toEqual({
      appId: app.id,
      slug: app.slug,
      pem: app.pem,
      installedAppUrl: url,
    });
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
    expect(readdirSync(githubDir)).toEqual(["acme-github.json"]); // no temporary copy of the key left behind

    const registered = await register();
    expect(registered.stderr).toBe("");
    expect(registered.code).toBe(0);
    expect(results(registered)).toEqual([
      expect.objectContaining({ action: "create", fields: expect.arrayContaining(["installedAppUrl", "pemKey"]) }),
    ]);

    const printed = [created, early, resumed, registered].map((r) => r.stdout + r.stderr).join("\n");
    for (const secret of [CANARY.clientSecret, CANARY.webhookSecret, ...app.pem.split("\n").slice(1, -2)]) {
      expect(printed).not.toContain(secret);
    }
  });
});

import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { manifestPermissions } from "../../connectors/github/app-manifest";
import { FakeGithub } from "../fakes/github";
import { runCli, spawnCliAsync } from "../helpers/cli";
import { configWith, VALID } from "../helpers/config-text";

describe("insights-connectors github", () => {
  let fake: FakeGithub;
  let work: string;
  let configFile: string;
  let appId: number;
  let pem: string;

  beforeEach(async () => {
    fake = new FakeGithub();
    await fake.start();
    work = mkdtempSync(join(tmpdir(), "github-cli-"));
    configFile = join(work, "tenants.yaml");
    writeFileSync(configFile, configWith([`${VALID.github}\napiUrl: ${fake.apiUrl}\nwebUrl: ${fake.webUrl}`]));
    // An app as create-app would have left it: created on the fake, credentials in a 0600 file.
    const { generateKeyPairSync } = await import("node:crypto");
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    appId = 900_001;
    pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    fake.apps.set(appId, {
      id: appId,
      slug: "bt-insights-acme",
      name: "BT Insights acme",
      owner: "acme",
      manifest: {},
      pem,
      publicKey,
      permissions: manifestPermissions(),
    });
  });
  afterEach(async () => {
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  });

  function credentialsFile(mode = 0o600): string {
    const file = join(work, "github-app.json");
    writeFileSync(file, JSON.stringify({ appId, slug: "bt-insights-acme", pem }), { mode });
    chmodSync(file, mode);
    return file;
  }

  test("verify: an installation matching the catalog exits 0 and completes installedAppUrl (real executable, Octokit loaded natively)", async () => {
    const installationId = fake.install(appId, "acme");
    const file = credentialsFile();
    const args = ["github", "verify", "--config", configFile, "--tenant", "acme", "--credentials", file];
    const run = await spawnCliAsync(args);
    expect(run.stderr).toBe(`recorded installedAppUrl in ${file}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("permissions match the catalog");
    expect(run.stdout + run.stderr).not.toContain(pem.split("\n")[2]);
    expect(JSON.parse(readFileSync(file, "utf8")).installedAppUrl).toBe(
      `${fake.webUrl}/organizations/acme/settings/installations/${installationId}`,
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Complete already: nothing to record the second time.
    expect((await runCli(...args)).stderr).toBe("");
  });

  test("verify: drift (missing, extra, stronger, pending) exits 3 and lists each difference", async () => {
    const granted: Record<string, string> = { ...manifestPermissions(), members: "write", secrets: "read" };
    delete granted.metadata;
    fake.install(appId, "acme", granted);
    const run = await runCli(
      "github",
      "verify",
      "--config",
      configFile,
      "--tenant",
      "acme",
      "--credentials",
      credentialsFile(),
    );
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("missing      metadata: read");
    expect(run.stdout).toContain("extra        secrets: read");
    expect(run.stdout).toContain("wrong level  members: write (catalog: read)");
    expect(run.stdout).toContain("pending      metadata: read requested, installation has none");
  });

  test("verify: not installed exits 1 with what to do", async () => {
    const run = await runCli(
      "github",
      "verify",
      "--config",
      configFile,
      "--tenant",
      "acme",
      "--credentials",
      credentialsFile(),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error: the app is not installed on acme; install it, then verify again");
  });

  test("verify: a credentials file others can read is refused (exit 1) and nothing is contacted", async () => {
    const run = await runCli(
      "github",
      "verify",
      "--config",
      configFile,
      "--tenant",
      "acme",
      "--credentials",
      credentialsFile(0o644),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is readable by group or others \(mode 0644\); run: chmod 600/);
    expect(fake.requests).toEqual([]);
  });

  test("create-app: an existing --out file is refused before anything starts (exit 1)", async () => {
    const existing = credentialsFile();
    const before = statSync(existing).mtimeMs;
    const run = await runCli(
      "github",
      "create-app",
      "--config",
      configFile,
      "--tenant",
      "acme",
      "--out",
      existing,
      "--timeout",
      "1",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("already exists; name a new file");
    expect(statSync(existing).mtimeMs).toBe(before);
    expect(fake.requests).toEqual([]);
  });

  test("create-app: an unknown tenant is named (exit 2)", async () => {
    const unknown = await runCli(
      "github",
      "create-app",
      "--config",
      configFile,
      "--tenant",
      "globex",
      "--out",
      join(work, "x.json"),
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown tenant globex");
  });
});

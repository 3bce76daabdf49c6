import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { manifestPermissions } from "../../connectors/github/app-manifest";
import { FakeGithub } from "../fakes/github";
import { spawnCliAsync } from "../helpers/cli";
import { configWith, VALID } from "../helpers/config-text";

describe("verify: GitHub through the existing check, against the local fake", () => {
  let fake: FakeGithub;
  let work: string;
  let configFile: string;
  let githubDir: string;
  const appId = 900_017;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const pemLine = pem.split("\n")[2];
  const verify = () => spawnCliAsync(["verify", "--config", configFile, "--kind", "github", "--github-dir", githubDir]);

  beforeEach(async () => {
    fake = new FakeGithub();
    await fake.start();
    work = mkdtempSync(join(tmpdir(), "verify-github-"));
    configFile = join(work, "tenants.yaml");
    writeFileSync(configFile, configWith([`${VALID.github}\napiUrl: ${fake.apiUrl}\nwebUrl: ${fake.webUrl}`]));
    githubDir = join(work, "github");
    mkdirSync(githubDir, { mode: 0o700 });
    // Where github create-app leaves the app: <github-dir>/<stack>.json, mode 0600.
    writeFileSync(join(githubDir, "acme-github.json"), JSON.stringify({ appId, slug: "bt-insights-acme", pem }), {
      mode: 0o600,
    });
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

  test("an installation with exactly the catalog's permissions: exit 0, the key never printed", async () => {
    fake.install(appId, "acme");
    const run = await verify();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("verify: every connector matches the catalog");
    expect(run.stdout).toContain("app: bt-insights-acme (ID 900017), installation");
    expect(run.stdout + run.stderr).not.toContain(pemLine);
  });

  test("missing, extra, wrong level and a pending update: exit 3, one line each", async () => {
    const granted: Record<string, string> = { ...manifestPermissions(), members: "write", secrets: "read" };
    delete granted.metadata;
    fake.install(appId, "acme", granted);
    const run = await verify();
    expect(run.code).toBe(3);
    const where = "[GET /orgs/{org}/installation]";
    expect(run.stdout).toContain(`missing: github-app-permission metadata: read @ github-org:acme ${where}`);
    expect(run.stdout).toContain(`extra (read): github-app-permission secrets: read @ github-org:acme ${where}`);
    expect(run.stdout).toContain(
      `wrong level: github-app-permission members: write (catalog: read) @ github-org:acme ${where}`,
    );
    expect(run.stdout).toContain(
      "pending update: github-app-permission metadata: read requested, installation has none " +
        `@ github-org:acme ${where}`,
    );
    expect(run.stdout + run.stderr).not.toContain(pemLine);
  });

  test("no credentials file: exit 1 saying which file and who writes it", async () => {
    rmSync(join(githubDir, "acme-github.json"));
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `could not be read: GitHub App credentials: no file ${join(
        githubDir,
        "acme-github.json",
      )}: github create-app writes it`,
    );
  });
});

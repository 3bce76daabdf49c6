import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../../config/load";
import { GithubAppPendingError } from "../../../lifecycle/engines";
import { engineOf, loadEngines } from "../../helpers/engines";
import { FakeGithub } from "../../fakes/github";
import { configWith } from "../../helpers/config-text";

beforeAll(loadEngines);

describe("GitHub App engine (lifecycle/engines/github-app.ts) against a local GitHub fake", () => {
  let fake: FakeGithub;
  let work: string;

  beforeEach(async () => {
    fake = new FakeGithub();
    await fake.start();
    work = mkdtempSync(join(tmpdir(), "github-engine-"));
  });
  afterEach(async () => {
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  });

  /** A tenant with `count` github connectors on the fake; the engine of the first. */
  function engine(count = 1) {
    const connectors = Array.from(
      { length: count },
      (_, i) =>
        `kind: github\nname: Acme GitHub ${i + 1}\norganization: acme\napiUrl: ${fake.apiUrl}\nwebUrl: ${fake.webUrl}`,
    );
    const configFile = join(work, "tenants.yaml");
    writeFileSync(configFile, configWith(connectors, "adapter: sheet", "acme"));
    const config = loadConfig(configFile);
    const tenant = config.tenants[0];
    return engineOf(config, tenant.connectors[0], { configFile, stateDir: join(work, "state") })!;
  }

  /** What `github create-app` leaves: an app, installed, and its credentials file (mode 0600). */
  function createdApp(stackName: string, installed = true) {
    const { app } = fake.createApp("acme", {
      name: "BT Insights acme",
      url: "https://x",
      redirect_url: "https://x",
      hook_attributes: { url: "https://x" },
    });
    const installationId = installed ? fake.install(app.id, "acme") : undefined;
    mkdirSync(join(work, "state", "github"), { recursive: true });
    const file = join(work, "state", "github", `${stackName}.json`);
    const installedAppUrl = installed
      ? `${fake.webUrl}/organizations/acme/settings/installations/${installationId}`
      : undefined;
    writeFileSync(
      file,
      JSON.stringify({ appId: app.id, slug: app.slug, pem: app.pem, ...(installedAppUrl ? { installedAppUrl } : {}) }),
      { mode: 0o600 },
    );
    return { app, file, installedAppUrl };
  }

  test("deploy without a credentials file stops with the exact create-app command to run", async () => {
    const configFile = join(work, "tenants.yaml");
    const stateFile = join(work, "state", "github", "acme-github.json");
    const expected = `insights-connectors github create-app --config ${configFile} --tenant acme --out ${stateFile}`;
    await expect(engine().deploy({ env: process.env, yes: true })).rejects.toEqual(new GithubAppPendingError(expected));
    expect(engine().describe("deploy")).toEqual([
      `read ${stateFile} (else stop: an organization owner runs ${expected})`,
    ]);
  });

  test("with several github connectors the command names the connector", async () => {
    const error = await engine(2)
      .deploy({ env: process.env, yes: true })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(GithubAppPendingError);
    expect((error as Error).message).toContain("--tenant acme --connector 'Acme GitHub 1' --out ");
  });

  test("deploy returns the complete credentials file's values", async () => {
    const { app, installedAppUrl } = createdApp("acme-github");
    await expect(engine().deploy({ env: process.env, yes: true })).resolves.toEqual({
      appId: String(app.id),
      pem: app.pem,
      installedAppUrl,
    });
  });

  test("deploy of a file without installedAppUrl says to resume, not to create a second app", async () => {
    createdApp("acme-github", false);
    await expect(engine().deploy({ env: process.env, yes: true })).rejects.toThrow(/no installedAppUrl.*github resume/);
  });

  test("destroy removes the installation as the app, deletes the credentials file, and may run again", async () => {
    const { file } = createdApp("acme-github");
    const lines: string[] = [];
    await engine().destroy({ env: process.env, yes: true, onOutput: (l) => lines.push(l) });
    expect(fake.installations.has("acme")).toBe(false);
    expect(fake.requests.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual([
      expect.stringMatching(/^\/api\/v3\/app\/installations\/\d+$/),
    ]);
    expect(existsSync(file)).toBe(false);
    expect(lines.join("\n")).not.toContain("PRIVATE KEY");
    // The app registration stays (only an owner deletes it, in the UI): down reports it.
    expect(fake.apps.size).toBe(1);
    await engine().destroy({ env: process.env, yes: true });
  });

  test("destroy with the app no longer installed still deletes the credentials file", async () => {
    const { file } = createdApp("acme-github", false);
    await engine().destroy({ env: process.env, yes: true });
    expect(fake.requests.some((r) => r.method === "DELETE")).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  test("a failed installation removal keeps the credentials file (needed to retry) and says why", async () => {
    const { file } = createdApp("acme-github");
    const id = fake.installations.get("acme")!.id;
    fake.failNext(`/api/v3/app/installations/${id}`, 403);
    await expect(engine().destroy({ env: process.env, yes: true })).rejects.toThrow(
      /removing the app's installation on acme failed: fake fault 403/,
    );
    expect(existsSync(file)).toBe(true);
  });
});

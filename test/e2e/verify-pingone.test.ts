import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FAKE_ROLE_IDS, FakePingOne, type FakeRoleAssignment } from "../fakes/pingone";
import { spawnCliAsync } from "../helpers/cli";
import { runCliAsProcess } from "../helpers/cli-as-process";
import { configWith, VALID } from "../helpers/config-text";

jest.setTimeout(60_000);

const ENV = "3f1a2b4c-0000-4000-8000-000000000002";
const ORG = "9c0d1e2f-0000-4000-8000-0000000000aa";
const OTHER_ENV = "5e5e5e5e-0000-4000-8000-000000000003";
const SCOPE = `pingone-environment:${ENV}`;
const APP = "BT Insights - Connector";
const CANARY = "canary-pingone-secret-5d1e9a-must-never-print";
const READER = {
  id: "7e7e7e7e-0000-4000-8000-0000000000c1",
  secret: CANARY,
  environmentId: "a0a0a0a0-0000-4000-8000-0000000000e1",
};
const WHERE = `[application ${APP}, role assignments]`;

const inEnv = (role: string, scopeId = ENV): FakeRoleAssignment => ({
  roleId: FAKE_ROLE_IDS[role],
  scopeType: "ENVIRONMENT",
  scopeId,
});
const CATALOG = [inEnv("Identity Data Read Only"), inEnv("Configuration Read Only")];

describe("verify: PingOne worker app's roles, against the local fake", () => {
  let fake: FakePingOne;
  let work: string;
  let configFile: string;
  /**
   * In this process (test/helpers/cli-as-process.ts), as a child would run, so the SDKs load once;
   * the first test runs the real executable with `spawnCliAsync`.
   */
  const run = (extra: NodeJS.ProcessEnv = {}, format = "table", runner = runCliAsProcess) =>
    runner(["verify", "--config", configFile, "--kind", "pingone", "--skip-connectivity", "--format", format], {
      ...process.env,
      PINGONE_CLIENT_ID: READER.id,
      PINGONE_CLIENT_SECRET: READER.secret,
      PINGONE_ENVIRONMENT_ID: READER.environmentId,
      PINGONE_API_URL: fake.apiUrl,
      PINGONE_AUTH_URL: fake.authUrl,
      ...extra,
    });
  const noCanary = (result: { stdout: string; stderr: string }) =>
    expect(result.stdout + result.stderr).not.toContain(CANARY);

  beforeEach(async () => {
    fake = new FakePingOne(READER);
    await fake.start();
    work = mkdtempSync(join(tmpdir(), "verify-pingone-"));
    configFile = join(work, "tenants.yaml");
    writeFileSync(configFile, configWith([VALID.pingone]));
    // Two other apps first, so the worker app is on the second page of the list.
    fake.addWorkerApp(ENV, "Some Other App", [inEnv("Environment Admin")]);
    fake.addWorkerApp(ENV, "Another One", []);
  });
  afterEach(async () => {
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  });

  test("exactly the catalog's roles: exit 0, the app named, in every format without the secret", async () => {
    const app = fake.addWorkerApp(ENV, APP, CATALOG);
    const table = await run({}, "table", spawnCliAsync);
    expect(table.stderr).toBe("");
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("verify: every connector matches the catalog");
    expect(table.stdout).toContain(`application: ${APP} (ID ${app.id})`);
    expect(fake.requests.map((r) => r.path)).toContain(`/api/v1/environments/${ENV}/applications`);
    noCanary(table);
    for (const format of ["json", "markdown"]) {
      const other = await run({}, format, spawnCliAsync);
      expect(other.code).toBe(0);
      noCanary(other);
    }
  });

  test("pingone: a noisy but clean environment verifies clean", async () => {
    // Besides the two apps of beforeEach (one an Environment Admin): a disabled app of someone
    // else's, admin roles for other apps in this and another environment, a custom role defined.
    const other = fake.addWorkerApp(ENV, "Legacy Sync", [inEnv("Environment Admin"), inEnv("Identity Data Read Only")]);
    other.enabled = false;
    fake.addWorkerApp(OTHER_ENV, APP, [inEnv("Environment Admin", OTHER_ENV)]);
    fake.customRoles.set(ENV, new Map([["c0ffee00-0000-4000-8000-00000000c002", "Helpdesk"]]));
    const app = fake.addWorkerApp(ENV, APP, CATALOG);
    const result = await run();
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`application: ${APP} (ID ${app.id})`);
    expect(result.stdout).toContain("verify: every connector matches the catalog");
    noCanary(result);
  });

  test("pingone: the application disabled outside the stack is drift", async () => {
    const app = fake.addWorkerApp(ENV, APP, CATALOG);
    app.enabled = false;
    for (const format of ["table", "json", "markdown"]) {
      const result = await run({}, format);
      expect(result.code).toBe(3);
      noCanary(result);
      if (format !== "table") continue;
      expect(result.stdout).toContain(
        `disabled: pingone application ${APP} (ID ${app.id}) (enabled: false; the stack deploys it enabled, ` +
          "and a disabled worker app gets no token) [GET /v1/environments/{envId}/applications]",
      );
    }
  });

  test("pingone: Organization Admin granted on the organization outside the stack is drift at that scope", async () => {
    fake.addWorkerApp(ENV, APP, [
      ...CATALOG,
      { roleId: FAKE_ROLE_IDS["Organization Admin"], scopeType: "ORGANIZATION", scopeId: ORG },
    ]);
    const result = await run();
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(
      `extra (admin): pingone-role Organization Admin @ pingone-organization:${ORG} ${WHERE}`,
    );
    expect(result.stdout).not.toContain(`Organization Admin @ ${SCOPE}`);
    noCanary(result);
  });

  test("pingone: a role in another environment granted outside the stack is drift there", async () => {
    fake.addWorkerApp(ENV, APP, [...CATALOG, inEnv("Environment Admin", OTHER_ENV)]);
    const result = await run();
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(
      `extra (admin): pingone-role Environment Admin @ pingone-environment:${OTHER_ENV} ${WHERE}`,
    );
  });

  test("Environment Admin added: exit 3, an extra grant", async () => {
    fake.addWorkerApp(ENV, APP, [...CATALOG, inEnv("Environment Admin")]);
    const result = await run();
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`extra (admin): pingone-role Environment Admin @ ${SCOPE} ${WHERE}`);
    noCanary(result);
  });

  test("a role removed: exit 3, missing", async () => {
    fake.addWorkerApp(ENV, APP, [inEnv("Identity Data Read Only")]);
    const result = await run();
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`missing: pingone-role Configuration Read Only @ ${SCOPE}`);
  });

  test("a role assigned on the whole organization: exit 3, wider scope", async () => {
    const widened: FakeRoleAssignment = {
      ...inEnv("Configuration Read Only"),
      scopeType: "ORGANIZATION",
      scopeId: ORG,
    };
    fake.addWorkerApp(ENV, APP, [inEnv("Identity Data Read Only"), widened]);
    const result = await run();
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(
      `wider scope (read): pingone-role Configuration Read Only @ pingone-organization:${ORG} ` +
        `(catalog: ${SCOPE}) ${WHERE}`,
    );
    expect(result.stdout).not.toContain("missing:");
  });

  test("a custom role named like a built-in one: exit 3, never taken for the built-in", async () => {
    fake.customRoles.set(ENV, new Map([["c0ffee00-0000-4000-8000-00000000c001", "Configuration Read Only"]]));
    const lookalike: FakeRoleAssignment = {
      ...inEnv("Configuration Read Only"),
      roleId: "c0ffee00-0000-4000-8000-00000000c001",
    };
    fake.addWorkerApp(ENV, APP, [inEnv("Identity Data Read Only"), lookalike]);
    const result = await run();
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(
      `extra (admin): pingone-role custom role Configuration Read Only @ ${SCOPE} ${WHERE}`,
    );
    expect(result.stdout).toContain(`missing: pingone-role Configuration Read Only @ ${SCOPE}`);
  });

  test("no app of that name: exit 3, every catalog role missing", async () => {
    const result = await run();
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`application: none named "${APP}"`);
    expect(result.stdout).toContain(`missing: pingone-role Identity Data Read Only @ ${SCOPE}`);
  });

  test("a wrong client secret: exit 1 naming the token call and PingOne's reason, not the secret", async () => {
    fake.addWorkerApp(ENV, APP, CATALOG);
    const result = await run({ PINGONE_CLIENT_SECRET: `${CANARY}-wrong` });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("PingOne token (POST /{envId}/as/token): HTTP 401 invalid_client");
    noCanary(result);
  });

  test("a 500 that persists: exit 1 after the retry ceiling; a single 503 is retried away", async () => {
    fake.addWorkerApp(ENV, APP, CATALOG);
    fake.failNext("/roleAssignments", 503, 1);
    expect((await run()).code).toBe(0);
    fake.failNext("/roleAssignments", 500, 10);
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "GET /v1/environments/{envId}/applications/{appId}/roleAssignments: " +
        "HTTP 500 FAKE_FAULT: fake fault 500 (after at most 3 attempts)",
    );
  });

  test("the fake stopped: exit 1; no credentials: exit 1 naming the variables", async () => {
    const missing = await run({ PINGONE_CLIENT_SECRET: "", PINGONE_CLIENT_ID: "" });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("PingOne credentials: PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET not set");
    await fake.stop();
    // In a child: fetch's TypeError comes from outside jest's sandbox, where `instanceof Error` is false.
    const stopped = await run({}, "table", spawnCliAsync);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toContain("PingOne token (POST /{envId}/as/token): ECONNREFUSED");
    noCanary(stopped);
  });

  test("an answer over the size cap: exit 1, not read further", async () => {
    fake.addWorkerApp(ENV, APP, CATALOG);
    fake.padApplicationsBytes = 5 * 1024 * 1024;
    const result = await run({}, "table");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /GET \/v1\/environments\/\{envId\}\/applications: the answer from 127\.0\.0\.1:\d+ is over/,
    );
  });

  test("plain http to a host other than the loopback is refused before any request", async () => {
    const result = await run({ PINGONE_AUTH_URL: "http://auth.example.test" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("PINGONE_AUTH_URL: http://auth.example.test is plain http off this machine");
    expect(fake.requests).toHaveLength(0);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IDENTITY_READ_ACTIONS } from "../../connectors/aws/read-actions";
import { AZURE_PERMISSION_GROUPS, REQUIRED_AZURE_GROUP } from "../../connectors/azure/permissions";
import { GCP_ORGANIZATION_ROLES } from "../../connectors/gcp/grants";
import { GITHUB_APP_PERMISSIONS } from "../../connectors/github/permissions";
import { OKTA_SCOPES } from "../../connectors/okta/grants";
import * as manifestModule from "../../connectors/github/app-manifest";
import { runCli, type CliResult } from "../helpers/cli";
import { configWith } from "../helpers/config-text";

// swc compiles exports to fixed getters; these spies need module objects whose functions they may replace.
jest.mock("../../connectors/github/app-manifest", () => ({
  __esModule: true,
  ...jest.requireActual("../../connectors/github/app-manifest"),
}));

/**
 * Mutation tests of the escalation gate. Each engine's catalog (from which its stack is
 * built) gets one dangerous grant in this process; the real stack is synthesized and the
 * real extractor reads it back. `diff` against the plan of the unmutated catalog must
 * exit 3, naming the grant as write or admin. The catalog still calls the grant read,
 * as a careless edit would: only the extractor's classification can catch it.
 */
const CONNECTORS = {
  aws: `kind: aws
name: AWS Organization
managementAccountId: "111111111111"
trustedPrincipal: arn:aws:iam::222222222222:root
externalId: env:INSIGHTS_AWS_EXTERNAL_ID
organization: { rootOrgUnitId: r-ab12 }`,
  azure: `kind: azure
name: Contoso Entra
tenantId: 0f5b7c1e-0000-4000-8000-000000000001
servicePrincipalName: BT-SP-Connector`,
  gcp: `kind: gcp
name: Acme GCP
organizationId: "123456789012"
project: { id: bt-insights-connector }
enableApisOn: connector-project`,
  okta: `kind: okta
name: Acme Okta
domain: acme.okta.com`,
  github: `kind: github
name: Acme GitHub
organization: acme`,
};
type Kind = keyof typeof CONNECTORS;
type Diff = () => Promise<CliResult>;

/** Adds an item to a catalog list while `run` runs, then takes it out again. */
async function withItem<T>(list: readonly T[], item: T, run: Diff): Promise<CliResult> {
  const mutable = list as T[];
  mutable.push(item);
  try {
    return await run();
  } finally {
    mutable.splice(mutable.indexOf(item), 1);
  }
}

/** The line `plan` and `diff` print for a catalog read grant the artifact grants as `access`. */
const drift = (grant: string, access: string) => `access differs: ${grant} (catalog read, artifact ${access})`;

/**
 * The drift is in the job log and in the report on stdout (the pull-request comment): an
 * `artifact-drift` escalation naming the grant and where the artifact grants it.
 */
function expectReported(run: CliResult, grant: string, access: string): void {
  expect(run.code).toBe(3);
  expect(run.stderr).toContain(drift(grant, access));
  const escalations = JSON.parse(run.stdout).escalations.filter((e: { rule: string }) => e.rule === "artifact-drift");
  expect(escalations.map((e: { message: string }) => e.message)).toContainEqual(
    expect.stringContaining(`${drift(grant, access)} — `),
  );
}

describe("mutation: a dangerous grant added to an engine's catalog trips the diff gate", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "mutation-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The unmutated plan of one connector, as a file, and its config. */
  async function basePlan(kind: Kind): Promise<{ config: string; plan: string }> {
    const config = join(dir, `${kind}.yaml`);
    writeFileSync(config, configWith([CONNECTORS[kind]]));
    const run = await runCli("plan", "--config", config, "--format", "json");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const plan = join(dir, `${kind}.plan.json`);
    writeFileSync(plan, run.stdout);
    return { config, plan };
  }

  /** `diff` of the unmutated plan against the config planned while `mutate` holds its mutation. */
  async function diffAfter(kind: Kind, mutate: (diff: Diff) => Promise<CliResult>): Promise<CliResult> {
    const { config, plan } = await basePlan(kind);
    return mutate(() => runCli("diff", "--config", config, "--base", plan, "--format", "json"));
  }

  test.each([
    ["Sites.FullControl.All", "admin"],
    ["Mail.Send", "write"],
  ])(
    "Entra %s: exit 3, the artifact grants %s",
    async (permission, access) => {
      const permissions: readonly string[] = AZURE_PERMISSION_GROUPS[REQUIRED_AZURE_GROUP].permissions;
      const run = await diffAfter("azure", (diff) => withItem(permissions, permission, diff));
      const tenant = "entra-tenant:0f5b7c1e-0000-4000-8000-000000000001";
      expectReported(run, `graph-app-role ${permission} @ ${tenant}`, access);
    },
    60_000,
  );

  test("Okta okta.users.manage: exit 3, the artifact grants write", async () => {
    const manage = { scope: "okta.users.manage", origin: "mutation" };
    const run = await diffAfter("okta", (diff) => withItem(OKTA_SCOPES, manage, diff));
    expectReported(run, "okta-scope okta.users.manage @ okta-org:acme.okta.com", "write");
  }, 60_000);

  test("GCP roles/owner: exit 3, the artifact grants admin", async () => {
    const roles: readonly string[] = GCP_ORGANIZATION_ROLES;
    const run = await diffAfter("gcp", (diff) => withItem(roles, "roles/owner", diff));
    expectReported(run, "gcp-iam-role roles/owner @ gcp-organization:123456789012", "admin");
  }, 60_000);

  test("AWS iam:PassRole: exit 3, the artifact grants write", async () => {
    const actions = IDENTITY_READ_ACTIONS as Record<string, readonly string[]>;
    const run = await diffAfter("aws", async (diff) => {
      actions.IAM = ["iam:PassRole"];
      try {
        return await diff();
      } finally {
        delete actions.IAM;
      }
    });
    expectReported(run, "aws-action iam:PassRole @ aws-organization:r-ab12", "write");
  }, 60_000);

  test("GitHub contents: write: exit 3, the artifact grants write", async () => {
    const contents = { section: "Repository permissions", label: "Contents", key: "contents" } as const;
    const real = manifestModule.githubAppManifest;
    const run = await diffAfter("github", async (diff) => {
      // The catalog lists the permission; the manifest asks for it at write level.
      const spy = jest.spyOn(manifestModule, "githubAppManifest").mockImplementation((...args) => {
        const manifest = real(...args);
        return { ...manifest, default_permissions: { ...manifest.default_permissions, contents: "write" as "read" } };
      });
      try {
        return await withItem(GITHUB_APP_PERMISSIONS, contents, diff);
      } finally {
        spy.mockRestore();
      }
    });
    expectReported(run, "github-app-permission contents @ github-org:acme", "write");
  }, 60_000);

  test("the unmutated catalog diffs clean against its own plan (exit 0)", async () => {
    const { config, plan } = await basePlan("azure");
    const run = await runCli("diff", "--config", config, "--base", plan);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, "no permission changes\n", ""]);
  }, 60_000);
});

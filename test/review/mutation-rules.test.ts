import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CfnRole } from "aws-cdk-lib/aws-iam";
import type { Stack } from "aws-cdk-lib";
import type { TerraformStack } from "cdktf";
import { ApplicationFederatedIdentityCredential } from "@cdktf/provider-azuread/lib/application-federated-identity-credential";
import { ServiceAccountIamMember } from "@cdktf/provider-google/lib/service-account-iam-member";
import { IDENTITY_READ_ACTIONS } from "../../connectors/aws/read-actions";
import { okta } from "../../connectors/okta";
import { GCP_ORGANIZATION_ROLES } from "../../connectors/gcp/grants";
import * as awsStackModule from "../../stacks/aws/connector-stack";
import * as entraStackModule from "../../stacks/azure/entra-connector-stack";
import * as gcpStackModule from "../../stacks/gcp/gcp-connector-stack";
import { runCli, type CliResult } from "../helpers/cli";
import { configWith } from "../helpers/config-text";
import { HTTP_INSIGHTS } from "../helpers/gate";

// swc compiles exports to fixed getters; these spies need module objects whose functions they may replace.
jest.mock("../../stacks/aws/connector-stack", () => ({
  __esModule: true,
  ...jest.requireActual("../../stacks/aws/connector-stack"),
}));
jest.mock("../../stacks/azure/entra-connector-stack", () => ({
  __esModule: true,
  ...jest.requireActual("../../stacks/azure/entra-connector-stack"),
}));
jest.mock("../../stacks/gcp/gcp-connector-stack", () => ({
  __esModule: true,
  ...jest.requireActual("../../stacks/gcp/gcp-connector-stack"),
}));

/**
 * Mutation tests of each rule of the permission gate (review/rules/), in the style of
 * mutation.test.ts: the plan of an unmutated connector is the base; then one thing a careless or
 * hostile change could do is done to the real stack, the catalog or the config in this process,
 * the real stack is synthesized and read back, and `diff` must exit 3 naming that rule. Rules that
 * judge only the artifacts' trust (boundary, session, owners) are mutated alone: nothing else trips.
 */
const AWS = `kind: aws
name: AWS Organization
managementAccountId: "111111111111"
trustedPrincipal: arn:aws:iam::222222222222:root
externalId: env:INSIGHTS_AWS_EXTERNAL_ID
organization: { rootOrgUnitId: r-ab12 }
permissionsBoundary: arn:aws:iam::111111111111:policy/InsightsBoundary`;
const AZURE = `kind: azure
name: Contoso Entra
tenantId: 0f5b7c1e-0000-4000-8000-000000000001`;
const GCP = `kind: gcp
name: Acme GCP
organizationId: "123456789012"
project: { id: bt-insights-connector }
enableApisOn: connector-project`;
const OKTA = `kind: okta
name: Acme Okta
domain: acme.okta.com`;
const PRA = `kind: pra-cloud
name: Acme PRA
subdomain: acme.beyondtrustcloud.com
clientId: env:PRA_CLIENT_ID
clientSecret: env:PRA_CLIENT_SECRET`;

type Diff = () => Promise<CliResult>;

/** The rules that tripped, each once, from the JSON report on stdout. */
const rules = (run: CliResult): string[] => [
  ...new Set<string>(JSON.parse(run.stdout).escalations.map((e: any) => e.rule)),
];

/** Wraps a stack factory export while `run` runs, so the stack plan synthesizes gets `mutate`d. */
async function withStack<S>(
  module: Record<string, unknown>,
  factory: string,
  mutate: (stack: S) => void,
  run: Diff,
): Promise<CliResult> {
  const real = module[factory] as (...args: unknown[]) => S;
  const spy = jest.spyOn(module as any, factory).mockImplementation((...args: unknown[]) => {
    const stack = real(...args);
    mutate(stack);
    return stack;
  });
  try {
    return await run();
  } finally {
    spy.mockRestore();
  }
}

/** The management account role's L1 resource (the member-account copy lives in the StackSet's body). */
const cfnRole = (stack: Stack) => stack.node.findAll().find((c): c is CfnRole => c instanceof CfnRole)!;

describe("mutation: each rule of the permission gate trips on its own mutation", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "mutation-rules-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The unmutated plan of `connectors` as a file, and `diff` of `head` (default: the same config) against it. */
  async function gate(name: string, connectors: string[], head?: (text: string) => string): Promise<Diff> {
    const text = configWith(connectors, HTTP_INSIGHTS);
    const config = join(dir, `${name}.yaml`);
    writeFileSync(config, text);
    const plan = await runCli("plan", "--config", config, "--format", "json");
    expect([plan.code, plan.stderr]).toEqual([0, ""]);
    const basePlan = join(dir, `${name}.plan.json`);
    writeFileSync(basePlan, plan.stdout);
    const headConfig = join(dir, `${name}.head.yaml`);
    writeFileSync(headConfig, head ? head(text) : text);
    return () => runCli("diff", "--config", headConfig, "--base", basePlan, "--format", "json");
  }

  test("trust-principal-added: a second principal in the AWS role's trust policy", async () => {
    const diff = await gate("principal", [AWS]);
    const run = await withStack<Stack>(
      awsStackModule,
      "awsConnectorStack",
      (stack) =>
        cfnRole(stack).addPropertyOverride("AssumeRolePolicyDocument.Statement.1", {
          Action: "sts:AssumeRole",
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::666666666666:root" },
        }),
      diff,
    );
    expect(run.code).toBe(3);
    expect(rules(run)).toContain("trust-principal-added");
    expect(run.stdout).toContain(
      "trusts a new principal arn:aws:iam::666666666666:root (account 666666666666) without any condition",
    );
  }, 90_000);

  test("trust-principal-added: a federated identity credential on the Entra application", async () => {
    const diff = await gate("federated", [AZURE]);
    const run = await withStack<TerraformStack & { application: { id: string } }>(
      entraStackModule,
      "entraConnectorStack",
      (stack) =>
        new ApplicationFederatedIdentityCredential(stack, "mutation", {
          applicationId: stack.application.id,
          displayName: "mutation",
          issuer: "https://token.actions.githubusercontent.com",
          subject: "repo:attacker/repo:ref:refs/heads/main",
          audiences: ["api://AzureADTokenExchange"],
        }),
      diff,
    );
    expect(run.code).toBe(3);
    expect(rules(run)).toEqual(["trust-principal-added"]);
    expect(run.stdout).toContain("subject = repo:attacker/repo:ref:refs/heads/main");
  }, 90_000);

  test("trust-principal-added: a member of the GCP service account's IAM policy (may mint its tokens)", async () => {
    const diff = await gate("impersonation", [GCP]);
    const run = await withStack<TerraformStack>(
      gcpStackModule,
      "gcpConnectorStack",
      (stack) => {
        const account = stack.node
          .findAll()
          .find((c: any) => c.terraformResourceType === "google_service_account") as any;
        new ServiceAccountIamMember(stack, "mutation", {
          serviceAccountId: account.name,
          role: "roles/iam.serviceAccountTokenCreator",
          member: "user:attacker@example.com",
        });
      },
      diff,
    );
    expect(run.code).toBe(3);
    expect(rules(run)).toEqual(["trust-principal-added"]);
    expect(run.stdout).toContain(
      "trusts a new principal user:attacker@example.com on role roles/iam.serviceAccountTokenCreator",
    );
  }, 90_000);

  test("trust-condition-removed: the external ID condition dropped from the role's trust", async () => {
    const diff = await gate("condition", [AWS]);
    const run = await withStack<Stack>(
      awsStackModule,
      "awsConnectorStack",
      (stack) => cfnRole(stack).addPropertyDeletionOverride("AssumeRolePolicyDocument.Statement.0.Condition"),
      diff,
    );
    expect(run.code).toBe(3);
    expect(rules(run)).toContain("trust-condition-removed");
    expect(run.stdout).toContain("removes the external ID condition from the trust of arn:aws:iam::222222222222:root");
  }, 90_000);

  test("boundary-removed-or-changed: the role's permissions boundary dropped from the template", async () => {
    const diff = await gate("boundary", [AWS]);
    const run = await withStack<Stack>(
      awsStackModule,
      "awsConnectorStack",
      (stack) => cfnRole(stack).addPropertyDeletionOverride("PermissionsBoundary"),
      diff,
    );
    expect(run.code).toBe(3);
    expect(rules(run)).toEqual(["boundary-removed-or-changed"]);
  }, 90_000);

  test("session-longer: the role's maximum session raised in the template", async () => {
    const diff = await gate("session", [AWS]);
    const run = await withStack<Stack>(
      awsStackModule,
      "awsConnectorStack",
      (stack) => cfnRole(stack).addPropertyOverride("MaxSessionDuration", 43200),
      diff,
    );
    expect(run.code).toBe(3);
    expect(rules(run)).toEqual(["session-longer"]);
    expect(run.stdout).toContain("allows sessions of 12h (was 1h)");
  }, 90_000);

  test("owner-added: another owner of the Entra application", async () => {
    const diff = await gate("owner", [AZURE]);
    const run = await withStack<TerraformStack & { application: { addOverride(path: string, value: unknown): void } }>(
      entraStackModule,
      "entraConnectorStack",
      (stack) =>
        stack.application.addOverride("owners", [
          "${data.azuread_client_config.deployer.object_id}",
          "11111111-2222-4333-8444-555555555555",
        ]),
      diff,
    );
    expect(run.code).toBe(3);
    expect(rules(run)).toEqual(["owner-added"]);
  }, 90_000);

  test("secret-destination-host: the kind sends the connector's key to one more host", async () => {
    const diff = await gate("destination", [OKTA]);
    const real = okta.secretHosts;
    const spy = jest.spyOn(okta, "secretHosts").mockImplementation((config) => {
      const hosts = real(config);
      return { ...hosts, source: [...hosts.source, { host: "collector.attacker.example", by: "Insights" }] };
    });
    try {
      const run = await diff();
      expect(run.code).toBe(3);
      expect(rules(run)).toEqual(["secret-destination-host"]);
      expect(run.stdout).toContain("sends output:privateKeyPem (pemKey) to a new host collector.attacker.example");
    } finally {
      spy.mockRestore();
    }
  }, 90_000);

  test("secret-reference-changed: a secret read from another variable", async () => {
    const diff = await gate("reference", [PRA], (t) => t.replace("env:PRA_CLIENT_SECRET", "env:GITHUB_TOKEN"));
    const run = await diff();
    expect([run.code, rules(run)]).toEqual([3, ["secret-reference-changed"]]);
  });

  test("secret-file-outside-config: a file: reference that climbs out of the config's folder", async () => {
    const diff = await gate("outside", [PRA], (t) => t.replace("env:PRA_CLIENT_SECRET", "file:../outside/pra.secret"));
    const run = await diff();
    expect(run.code).toBe(3);
    expect(rules(run)).toEqual(["secret-reference-changed", "secret-file-outside-config"]);
  });

  test("head-not-extracted: a head plan made with --no-extract is not waved through", async () => {
    await gate("no-extract", [AWS]);
    const headPlan = join(dir, "no-extract.head.plan.json");
    const config = join(dir, "no-extract.yaml");
    writeFileSync(headPlan, (await runCli("plan", "--config", config, "--format", "json", "--no-extract")).stdout);
    const run = await runCli(
      "diff",
      "--config",
      config,
      "--base",
      join(dir, "no-extract.plan.json"),
      "--head",
      headPlan,
      "--json",
    );
    expect([run.code, rules(run)]).toEqual([3, ["head-not-extracted"]]);
  }, 90_000);

  test("grant-access-widened and artifact-drift: an admin role added to the catalog as if it were read", async () => {
    const diff = await gate("access", [GCP]);
    const roles = GCP_ORGANIZATION_ROLES as unknown as string[];
    roles.push("roles/owner");
    try {
      const run = await diff();
      expect(run.code).toBe(3);
      expect(rules(run)).toEqual(["artifact-drift", "grant-access-widened"]);
    } finally {
      roles.splice(roles.indexOf("roles/owner"), 1);
    }
  }, 90_000);

  test("grant-wildcard: a wildcard action added to the role's policy", async () => {
    const diff = await gate("wildcard", [AWS]);
    const actions = IDENTITY_READ_ACTIONS as Record<string, readonly string[]>;
    actions.Wildcard = ["s3:*"];
    try {
      const run = await diff();
      expect(run.code).toBe(3);
      expect(rules(run)).toContain("grant-wildcard");
    } finally {
      delete actions.Wildcard;
    }
  }, 90_000);

  test("scope-widened: a new connector is judged against nothing (organization-wide from the start)", async () => {
    const diff = await gate("new-connector", [PRA], (t) =>
      t.replace(
        "    connectors:\n",
        `    connectors:\n${GCP.replace("connector-project", "all-projects")
          .split("\n")
          .map((line, i) => (i === 0 ? `      - ${line}` : `        ${line}`))
          .join("\n")}\n`,
      ),
    );
    const run = await diff();
    expect(run.code).toBe(3);
    expect(rules(run)).toEqual(expect.arrayContaining(["scope-widened", "secret-destination-host"]));
  }, 90_000);

  test("the unmutated stacks diff clean against their own plans (exit 0)", async () => {
    for (const [name, connector] of Object.entries({ AWS, AZURE, GCP, OKTA, PRA })) {
      const run = await (await gate(`clean-${name}`, [connector]))();
      expect([name, run.code, JSON.parse(run.stdout).escalations]).toEqual([name, 0, []]);
    }
  }, 180_000);
});

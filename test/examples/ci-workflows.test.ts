import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Testing, TerraformStack } from "cdktf";
import { parseDocument } from "yaml";
import { addStateBackends } from "../../stacks/terraform/state-backend";

const CI = join(__dirname, "..", "..", "examples", "ci");
type Step = {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
};
type Job = Record<string, any> & { steps: Step[] };

function workflow(file: string): { text: string; jobs: Record<string, Job>; root: Record<string, any> } {
  const text = readFileSync(join(CI, file), "utf8");
  const document = parseDocument(text);
  expect(document.errors.map((e) => e.message)).toEqual([]);
  const root = document.toJS() as Record<string, any>;
  return { text, jobs: root.jobs, root };
}

/**
 * Every input each action declares, read from its action.yml at the pinned commit:
 * aws-actions/configure-aws-credentials e6de054238d6b7531b4efff3b6587d9aade6a06c (v6.2.3),
 * Azure/login f5d393ae46f8fde4be8b75f32e3fc50e654ad0ca (v3.0.1),
 * google-github-actions/auth 7c6bc770dae815cd3e89ee6cdf493a5fab2cc093 (v3.0.0).
 */
const ACTION_INPUTS: Record<string, string[]> = {
  "aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c": [
    "aws-region",
    "aws-profile",
    "overwrite-aws-profile",
    "role-to-assume",
    "aws-access-key-id",
    "aws-secret-access-key",
    "aws-session-token",
    "web-identity-token-file",
    "role-chaining",
    "audience",
    "http-proxy",
    "no-proxy",
    "mask-aws-account-id",
    "role-duration-seconds",
    "role-external-id",
    "role-session-name",
    "role-skip-session-tagging",
    "transitive-tag-keys",
    "inline-session-policy",
    "managed-session-policies",
    "output-credentials",
    "output-env-credentials",
    "unset-current-credentials",
    "disable-retry",
    "retry-max-attempts",
    "special-characters-workaround",
    "use-existing-credentials",
    "allowed-account-ids",
    "force-skip-oidc",
    "action-timeout-s",
    "custom-tags",
    "sts-endpoint",
  ],
  "azure/login@f5d393ae46f8fde4be8b75f32e3fc50e654ad0ca": [
    "creds",
    "client-id",
    "tenant-id",
    "subscription-id",
    "enable-AzPSSession",
    "environment",
    "allow-no-subscriptions",
    "audience",
    "auth-type",
  ],
  "google-github-actions/auth@7c6bc770dae815cd3e89ee6cdf493a5fab2cc093": [
    "project_id",
    "workload_identity_provider",
    "service_account",
    "audience",
    "credentials_json",
    "create_credentials_file",
    "export_environment_variables",
    "token_format",
    "delegates",
    "universe",
    "request_reason",
    "cleanup_credentials",
    "access_token_lifetime",
    "access_token_scopes",
    "access_token_subject",
    "id_token_audience",
    "id_token_include_email",
  ],
};
/** Inputs that would bring a long-lived key instead of the OIDC token. */
const LONG_LIVED = ["aws-access-key-id", "aws-secret-access-key", "creds", "client-secret", "credentials_json"];

describe("examples/ci/provision-tenants.yml: every tenant in its own job, through OIDC", () => {
  const { text, jobs, root } = workflow("provision-tenants.yml");
  const provision = jobs.provision;
  const uses = (prefix: string) => provision.steps.find((s) => s.uses?.startsWith(prefix));

  test("a first job lists the tenants as JSON into an output; the matrix takes it with fromJSON", () => {
    const list = jobs.tenants.steps.find((s) => s.id === "list")!;
    expect(list.run).toContain('npx insights-connectors tenants --config "$CONFIG" --format json');
    expect(list.run).toContain('>> "$GITHUB_OUTPUT"');
    expect(jobs.tenants.outputs).toEqual({ tenants: "${{ steps.list.outputs.tenants }}" });
    expect(provision.needs).toBe("tenants");
    expect(provision.strategy.matrix).toEqual({ tenant: "${{ fromJSON(needs.tenants.outputs.tenants) }}" });
    expect(provision.strategy["fail-fast"]).toBe(false);
  });

  test("one run per tenant at a time, queued and never cancelled", () => {
    expect(provision.concurrency).toBe("insights-${{ matrix.tenant }}");
    expect(text).not.toContain("cancel-in-progress");
  });

  test("only the matrix job may ask for an OIDC token", () => {
    expect(provision.permissions).toEqual({ contents: "read", "id-token": "write" });
    expect(root.permissions).toEqual({ contents: "read" });
    expect(jobs.tenants.permissions).toBeUndefined();
  });

  test("AWS, Azure and Google Cloud sign in by federation, with pinned actions and their real input names", () => {
    const aws = uses("aws-actions/configure-aws-credentials@")!;
    const azure = uses("azure/login@")!;
    const google = uses("google-github-actions/auth@")!;
    expect(Object.keys(aws.with!).sort()).toEqual(["aws-region", "role-session-name", "role-to-assume"]);
    expect(Object.keys(azure.with!).sort()).toEqual(["client-id", "subscription-id", "tenant-id"]);
    expect(Object.keys(google.with!).sort()).toEqual(["service_account", "workload_identity_provider"]);
    for (const step of [aws, azure, google]) {
      expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
      expect(ACTION_INPUTS[step.uses!]).toEqual(expect.arrayContaining(Object.keys(step.with!)));
    }
  });

  test("no long-lived cloud key anywhere: no such input, and no secret handed to a sign-in action", () => {
    const steps = Object.values(jobs).flatMap((job) => job.steps);
    for (const step of steps) {
      for (const input of Object.keys(step.with ?? {})) expect(LONG_LIVED).not.toContain(input);
      if (/configure-aws-credentials|azure\/login|google-github-actions\/auth/.test(step.uses ?? "")) {
        expect(JSON.stringify(step.with)).not.toContain("secrets.");
      }
    }
    for (const name of ["aws-secret-access-key", "client-secret", "credentials_json", "creds:"]) {
      expect(text).not.toContain(name);
    }
  });

  test("up runs for the matrix tenant with --yes; no ${{ }} is spliced into a shell script", () => {
    const up = provision.steps.find((s) => s.name === "Up")!;
    expect(up.run).toBe('npx insights-connectors up --config "$CONFIG" --tenant "$TENANT" --yes');
    expect(provision.env.TENANT).toBe("${{ matrix.tenant }}");
    for (const step of Object.values(jobs).flatMap((job) => job.steps)) expect(step.run ?? "").not.toContain("${{");
    // The local state is saved even when up failed, so the next run resumes.
    expect(provision.steps.find((s) => s.name === "Save the tenant's local state")!.if).toBe("always()");
  });

  test("the CDKTF state goes to the S3 backend, in a setting the stacks accept", () => {
    const context = JSON.parse(provision.env.CDKTF_CONTEXT_JSON.replace(/\$\{\{ vars\.(\w+) \}\}/g, "$1"));
    expect(context).toEqual({
      stateBackend: {
        s3: {
          bucket: "INSIGHTS_STATE_BUCKET",
          region: "INSIGHTS_AWS_REGION",
          dynamodbTable: "INSIGHTS_STATE_LOCK_TABLE",
        },
      },
    });
    const stack = new TerraformStack(Testing.app(), "acme-prod-gcp");
    addStateBackends([stack], context.stateBackend);
    const backend = JSON.parse(Testing.synth(stack)).terraform.backend.s3;
    expect(backend).toMatchObject({
      bucket: "INSIGHTS_STATE_BUCKET",
      key: "insights-connectors/acme-prod-gcp.tfstate",
      encrypt: true,
    });
  });
});

describe("examples/ci keeps the permission-diff and verify workflows", () => {
  test.each([
    ["permission-diff.yml", "plan --config"],
    ["verify-schedule.yml", "verify --config"],
  ])("%s parses and still runs %s", (file, command) => {
    const { jobs } = workflow(file);
    expect(
      Object.values(jobs)
        .flatMap((job) => job.steps)
        .some((s) => s.run?.includes(command)),
    ).toBe(true);
  });
});

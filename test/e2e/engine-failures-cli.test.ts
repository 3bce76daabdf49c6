// Issue 26, item 8, through the CLI with the stand-in terraform. A created GCP project has deletion_policy
// PREVENT (the google provider's default since 6.0.0). `down` says before it starts that it leaves the project;
// the provider's refusal ("Cannot destroy project as deletion_policy is set to PREVENT.",
// resource_google_project.go @ 00b984c6) is then the expected end, or, when the config asks for DELETE that no
// apply has recorded yet, a failure naming the field's line. An app management policy's refusal is located too.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { REPO, spawnCliAsync } from "../helpers/cli";
import { configWith, lineOf } from "../helpers/config-text";

const FAKE_PATH = [join(REPO, "test", "fakes", "engines"), dirname(process.execPath), "/usr/bin", "/bin"].join(
  delimiter,
);
const PREVENT = "Cannot destroy project as deletion_policy is set to PREVENT.";

let work: string;
let emulator: InsightsEmulator;
beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), "down-prevent-"));
  emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS });
});
afterEach(async () => {
  await emulator.stop();
  rmSync(work, { recursive: true, force: true });
});

/** `down --yes` of a tenant with one GCP connector whose project the stack created; terraform refuses its Delete. */
async function downWith(projectExtra: string) {
  const text = configWith(
    [
      'kind: gcp\nname: GCP\norganizationId: "123456789012"\nproject:\n  id: acme-insights\n  create: true\n' +
        `  billingAccount: 012345-6789AB-CDEF01${projectExtra}`,
    ],
    `adapter: emulator\nurl: ${emulator.url}`,
  );
  const file = join(work, "tenants.yaml");
  writeFileSync(file, text);
  const argv = ["down", "--config", file, "--tenant", "acme", "--yes", "--state-dir", join(work, "state")];
  const env = {
    ...process.env,
    PATH: FAKE_PATH,
    INSIGHTS_STATE_DIR: join(work, "state"),
    FAKE_TERRAFORM_FAIL: "destroy",
    FAKE_TERRAFORM_FAIL_MESSAGE: PREVENT,
  };
  const run = await spawnCliAsync([...argv, "--cdktf-out", join(work, "cdktf.out")], env);
  return { ...run, text, file };
}

describe("down and a GCP project protected by deletion_policy = PREVENT", () => {
  test("the default (PREVENT): down says first that it leaves the project, and the refusal is that, not a failure", async () => {
    const run = await downWith("");
    const lines = run.stderr.split("\n");
    const said = lines.findIndex((l) => l.includes("will leave the GCP project acme-insights of GCP"));
    const destroyed = lines.findIndex((l) => l.includes("destroy stack acme-gcp (GCP)"));
    expect([said >= 0, destroyed > said]).toEqual([true, true]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("removed: stack acme-gcp (GCP)");
    expect(run.stdout).toContain(
      "left: the GCP project acme-insights of GCP: project.deletionPolicy is PREVENT: Terraform refuses to delete it; " +
        "set DELETE and run up before down to delete it",
    );
  }, 300_000);

  test("deletionPolicy DELETE not applied yet: a located failure that says to run up first, exit 1", async () => {
    const run = await downWith("\n  deletionPolicy: DELETE");
    expect(run.code).toBe(1);
    const at = `${run.file}:${lineOf(run.text, "deletionPolicy: DELETE")}`;
    expect(run.stdout).toContain(`left: stack acme-gcp (GCP): ${at}:`);
    expect(run.stdout).toContain(
      "tenants[0].connectors[0].project.deletionPolicy: the GCP project acme-insights was kept: its deletion_policy " +
        "in Terraform's state is PREVENT, while project.deletionPolicy says DELETE: the provider reads the policy " +
        "from state, so run up once (the apply records it), then down again",
    );
  }, 300_000);
});

describe("up and a tenant app management policy shorter than the secret's lifetime", () => {
  test("Graph's CredentialInvalidLifetimeAsPerAppPolicy becomes a located failure naming secretRotationDays", async () => {
    const text = configWith(
      ["kind: azure\nname: Entra\ntenantId: 0f5b7c1e-0000-4000-8000-000000000001\nsecretRotationDays: 180"],
      `adapter: emulator\nurl: ${emulator.url}`,
    );
    const file = join(work, "tenants.yaml");
    writeFileSync(file, text);
    // The azuread provider's words around Graph's error (application_password_resource.go @ v3.7.0).
    const said =
      'Adding password for application with object ID "7d1c5b2e-0000-4000-8000-00000000000a": ' +
      "CredentialInvalidLifetimeAsPerAppPolicy: Credential lifetime exceeds the max value allowed as per assigned policy";
    const run = await spawnCliAsync(
      [
        ...["up", "--config", file, "--tenant", "acme", "--yes", "--state-dir", join(work, "state")],
        ...["--cdktf-out", join(work, "cdktf.out")],
      ],
      {
        ...process.env,
        PATH: FAKE_PATH,
        INSIGHTS_STATE_DIR: join(work, "state"),
        FAKE_TERRAFORM_FAIL: "apply",
        FAKE_TERRAFORM_FAIL_MESSAGE: said,
      },
    );
    expect(run.code).toBe(1);
    const line = lineOf(text, "secretRotationDays: 180");
    const col = text.split("\n")[line - 1].indexOf("180") + 1;
    expect(run.stdout).toContain(
      `Entra (azure): FAILED: deploy: ${file}:${line}:${col}  tenants[0].connectors[0].secretRotationDays: ` +
        "Entra refused the client secret (CredentialInvalidLifetimeAsPerAppPolicy): a tenant app management policy " +
        "limits password lifetimes below the 210 days this connector asks for",
    );
    // The engine's own words follow.
    expect(run.stdout).toContain("(the engine said: terraform apply (acme-azure) exited 1: Error: Adding password");
    expect(await emulator.all()).toEqual([]);
  }, 300_000);
});

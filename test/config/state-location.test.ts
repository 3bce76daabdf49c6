import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REGISTER_TS, REPO } from "../helpers/cli";

/** Runs bin/cdktf-app.ts as `cdktf synth` does, with the state folder and output in `work`. */
function synth(work: string, context?: object) {
  const out = join(work, "out");
  const run = spawnSync(process.execPath, ["-r", REGISTER_TS, "bin/cdktf-app.ts"], {
    cwd: REPO,
    env: {
      ...process.env,
      INSIGHTS_CONFIG: "examples/azure-only.yaml",
      INSIGHTS_STATE_DIR: join(work, "state"),
      CDKTF_OUTDIR: out,
      ...(context ? { CDKTF_CONTEXT_JSON: JSON.stringify(context) } : {}),
    },
    encoding: "utf8",
    timeout: 120_000,
  });
  const stacks = existsSync(join(out, "stacks")) ? readdirSync(join(out, "stacks")) : [];
  const backend = (stack: string) =>
    JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8")).terraform.backend;
  return { run, stacks, backend };
}

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe("Terraform state of the CDKTF stacks", () => {
  let work: string;
  beforeEach(() => (work = mkdtempSync(join(tmpdir(), "state-location-"))));
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  test("defaults to a 0600 file per stack under the state folder (0700), not terraform.<stack>.tfstate in the repository root", () => {
    const { run, stacks, backend } = synth(work);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) {
      const path = join(work, "state", "terraform", `${stack}.tfstate`);
      expect(backend(stack)).toEqual({ local: { path } });
      expect(mode(path)).toBe("600");
      expect(readFileSync(path, "utf8")).toBe(""); // Terraform reads an empty file as "no state yet"
    }
    expect(mode(join(work, "state"))).toBe("700");
    expect(mode(join(work, "state", "terraform"))).toBe("700");
    expect(readdirSync(REPO).filter((f) => /^terraform\..*\.tfstate/.test(f))).toEqual([]);
  });

  test("the stateBackend context puts each stack in an encrypted S3 object", () => {
    const s3 = {
      bucket: "acme-tf-state",
      region: "eu-west-1",
      kmsKeyId: "alias/terraform-state",
      dynamodbTable: "tf-locks",
    };
    const { run, stacks, backend } = synth(work, { stateBackend: { s3 } });
    expect(run.status).toBe(0);
    for (const stack of stacks) {
      expect(backend(stack)).toEqual({
        s3: {
          bucket: "acme-tf-state",
          region: "eu-west-1",
          kms_key_id: "alias/terraform-state",
          dynamodb_table: "tf-locks",
          key: `insights-connectors/${stack}.tfstate`,
          encrypt: true,
        },
      });
    }
    expect(existsSync(join(work, "state"))).toBe(false);
  });

  test("an S3 backend without encryption is refused with exit 2, nothing synthesized", () => {
    const { run, stacks } = synth(work, { stateBackend: { s3: { bucket: "b", region: "eu-west-1", encrypt: false } } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/stateBackend\.s3\.encrypt: must be true/);
    expect(stacks).toEqual([]);
  });

  test.each([
    "terraform.acme-prod-azure.tfstate",
    "terraform.acme-prod-azure.tfstate.backup",
    ".terraform/providers/x",
    "cdktf.out/stacks/a/.terraform/terraform.tfstate",
    ".state/terraform/acme-prod-azure.tfstate",
  ])(".gitignore covers %s", (path) => {
    const check = spawnSync("git", ["check-ignore", "--no-index", "-q", path], { cwd: REPO });
    expect(check.status).toBe(0);
  });
});

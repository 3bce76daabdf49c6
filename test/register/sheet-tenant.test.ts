import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli";
import { UNREACHABLE_AWS_ENV } from "../helpers/moto";

describe("register on a sheet tenant reports like every adapter", () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "sheet-tenant-"));
    // CloudFormation at a closed port on this machine: the output source fails at once.
    Object.assign(process.env, UNREACHABLE_AWS_ENV);
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  test("--from-cloudformation that cannot reach CloudFormation: the connector failed, exit 1, not '(not deployed yet)'", async () => {
    const run = await runCli(
      "register",
      "--config",
      "examples/aws-single-account.yaml",
      "--sheet-dir",
      dir,
      "--from-cloudformation",
      "--format",
      "json",
    );
    const [result] = JSON.parse(run.stdout).results;
    expect(result).toMatchObject({
      name: "AWS Dev Account",
      action: "failed",
      detail: expect.stringMatching(
        /^reading outputs: CloudFormation DescribeStacks acme-dev-aws: .*ECONNREFUSED 127\.0\.0\.1:9/,
      ),
    });
    expect(run.code).toBe(1);
  });

  test("--dry-run names the sheets it would write and writes none", async () => {
    const run = await runCli(
      "register",
      "--config",
      "examples/aws-single-account.yaml",
      "--sheet-dir",
      dir,
      "--dry-run",
    );
    expect(run.stdout).toContain(`sheet (dry run, would write): ${join(dir, "acme-dev", "aws--aws-dev-account.md")}`);
    expect(existsSync(join(dir, "acme-dev"))).toBe(false);
    expect(run.code).toBe(0);
  });
});

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REGISTER_TS, REPO } from "../../helpers/cli";

/** Runs bin/cdk-app.ts the way cdk.json does, writing into a fresh output folder. */
function runCdkApp(configFile: string) {
  const outdir = mkdtempSync(join(tmpdir(), "cdk-app-"));
  const result = spawnSync(process.execPath, ["-r", REGISTER_TS, "bin/cdk-app.ts"], {
    cwd: REPO,
    env: { ...process.env, CDK_OUTDIR: outdir, INSIGHTS_CONFIG: configFile },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { ...result, outdir };
}

describe("the CDK app (cdk.json)", () => {
  test("synthesizes one <tenant>-aws stack from the config named by INSIGHTS_CONFIG", () => {
    const run = runCdkApp("examples/all-sources.yaml");
    try {
      expect(run.status).toBe(0);
      expect(readdirSync(run.outdir).filter((f) => f.endsWith(".template.json"))).toEqual([
        "acme-prod-aws.template.json",
      ]);
    } finally {
      rmSync(run.outdir, { recursive: true, force: true });
    }
  });

  test.each([
    ["externalId: env:INSIGHTS_AWS_EXTERNAL_ID", "externalId: plain-text-id", "externalId", /literal secret/],
    ["externalId: env:INSIGHTS_AWS_EXTERNAL_ID", "", "externalId", /is required/],
    [
      "trustedPrincipal: arn:aws:iam::222222222222:root",
      "trustedPrincipal: insights",
      "trustedPrincipal",
      /IAM principal ARN/,
    ],
    ["trustedPrincipal: arn:aws:iam::222222222222:root", "", "trustedPrincipal", /is required/],
  ])("a bad config (%s -> %s) exits 2 naming %s, and nothing is synthesized", (from, to, field, message) => {
    const dir = mkdtempSync(join(tmpdir(), "cdk-bad-"));
    const file = join(dir, "tenants.yaml");
    const text = require("node:fs").readFileSync(join(REPO, "examples", "aws-single-account.yaml"), "utf8");
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
    const run = runCdkApp(file);
    try {
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(
          `^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+  tenants\\[0\\]\\.connectors\\[0\\]\\.${field}  `,
          "m",
        ),
      );
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain("nothing was synthesized");
      expect(existsSync(run.outdir) ? readdirSync(run.outdir) : []).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(run.outdir, { recursive: true, force: true });
    }
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathWithout, REPO, spawnCli } from "../helpers/cli";

const pathWithoutPulumi = () => pathWithout("pulumi");

describe("insights-connectors okta (Pulumi Automation API)", () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), "okta-cli-"));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  test("without the pulumi CLI it stops with exit 1, says what to install, and writes no state", () => {
    const stateDir = join(work, "state");
    const run = spawnCli(["okta", "up", "--config", "examples/all-sources.yaml", "--state-dir", stateDir], {
      PATH: pathWithoutPulumi(),
      HOME: work,
      PULUMI_CONFIG_PASSPHRASE: "CANARY-passphrase-91c2",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /the pulumi CLI is not installed or not on PATH; install it from https:\/\/www\.pulumi\.com\//,
    );
    expect(run.stderr).toContain("Nothing was changed.");
    expect(existsSync(stateDir)).toBe(false);
    expect(run.stdout + run.stderr).not.toContain("CANARY-passphrase");
  });

  test("a bad Okta domain is rejected by config validation (exit 2) before any engine is looked for", () => {
    const file = join(work, "tenants.yaml");
    writeFileSync(
      file,
      readFileSync(join(REPO, "examples", "all-sources.yaml"), "utf8").replace(
        "domain: acme.okta.com",
        "domain: acme-admin.okta.com",
      ),
    );
    const run = spawnCli(["okta", "preview", "--config", file], { PATH: pathWithoutPulumi(), HOME: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /tenants\.yaml:\d+:\d+  tenants\[0\]\.connectors\[\d+\]\.domain  write the Okta domain without "-admin"/,
    );
    expect(run.stderr).not.toContain("pulumi");
  });

  test("an unknown action is a usage error (exit 2)", () => {
    const run = spawnCli(["okta", "apply", "--config", "examples/all-sources.yaml"], {
      PATH: pathWithoutPulumi(),
      HOME: work,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /value 'apply' is invalid for argument 'action'. Allowed choices are preview, up, destroy/,
    );
  });

  test("a config with no okta connector is a usage error (exit 2)", () => {
    const run = spawnCli(["okta", "preview", "--config", "examples/azure-only.yaml"], {
      PATH: pathWithoutPulumi(),
      HOME: work,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no okta connector in examples/azure-only.yaml");
  });
});

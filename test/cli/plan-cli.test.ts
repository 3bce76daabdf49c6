import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, runCli, spawnCli } from "../helpers/cli";

const EXAMPLES = readdirSync(join(REPO, "examples")).filter((f) => f.endsWith(".yaml"));

describe("insights-connectors plan", () => {
  test("there are at least the three documented examples", () => {
    expect(EXAMPLES).toEqual(
      expect.arrayContaining(["all-sources.yaml", "aws-single-account.yaml", "azure-only.yaml"]),
    );
  });

  test.each(EXAMPLES.flatMap((file) => ["table", "markdown", "json"].map((format) => [file, format])))(
    "plans examples/%s as %s with exit 0",
    async (file, format) => {
      // Extraction is exercised by the json runs (and the golden tests); the others render the catalog.
      const extract = format === "json" ? [] : ["--no-extract"];
      const result = await runCli("plan", "--config", join("examples", file), "--format", format, ...extract);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(100);
      if (format === "json") {
        const plan = JSON.parse(result.stdout);
        expect(plan.planVersion).toBe(1);
        const stacks = plan.tenants
          .flatMap((t: any) => t.connectors)
          .filter((c: any) => c.provisioning.mode === "stack");
        for (const connector of stacks) expect(connector.extractedGrants.length).toBe(connector.grants.length);
      }
    },
  );

  test("a bad config exits 2 with FILE:LINE:COL  path  message lines and writes nothing to stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "insights-cli-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      "version: 1\ntenants:\n  - name: acme\n    insights: { adapter: sheet }\n    connectors:\n      - kind: okta\n        name: Okta\n        domain: acme-admin.okta.com\n",
    );
    const result = await runCli("plan", "--config", file);
    rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const [first, summary] = result.stderr.trimEnd().split("\n");
    expect(first).toBe(
      `${file}:8:17  tenants[0].connectors[0].domain  write the Okta domain without "-admin" (that is the admin console host): acme.okta.com`,
    );
    expect(summary).toBe(`1 problem in ${file}; nothing was changed or contacted.`);
  });

  test("a missing config file exits 2", async () => {
    const result = await runCli("plan", "--config", "examples/nope.yaml");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^examples\/nope\.yaml:1:1  \(file\)  no such file: \/.+\/examples\/nope\.yaml; run from the repository root or pass --config/,
    );
  });

  test.each([
    [["plan", "--config", "examples/all-sources.yaml", "--format", "yaml"], /argument 'yaml' is invalid/],
    [["plan"], /required option '-c, --config <file>' not specified/],
    [
      ["plan", "--config", "examples/all-sources.yaml", "--tenant", "nobody"],
      /unknown tenant nobody in examples\/all-sources\.yaml; it has: acme-prod/,
    ],
    [["frobnicate"], /unknown command "frobnicate"/],
  ])("usage error %j exits 2", async (argv, message) => {
    const result = await runCli(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  test("--help works on the program and on plan", async () => {
    const top = await runCli("--help");
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Usage: insights-connectors/);
    expect(top.stdout).toContain("plan");
    const plan = await runCli("plan", "--help");
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/--format <format>.*\(choices: "table", "markdown", "json"/s);
  });

  test("plan never reads secrets: canary values in env and files never reach any output", () => {
    const dir = mkdtempSync(join(tmpdir(), "insights-canary-"));
    const canary = (name: string) => `CANARY-${name}-4b9e1c`;
    writeFileSync(join(dir, "ps-password"), canary("FILE"));
    chmodSync(join(dir, "ps-password"), 0o600);
    const configFile = join(dir, "tenants.yaml");
    const text = require("node:fs")
      .readFileSync(join(REPO, "examples", "all-sources.yaml"), "utf8")
      .replace("password: env:PS_PASSWORD", "password: file:ps-password");
    writeFileSync(configFile, text);
    const refs = [...text.matchAll(/env:([A-Z_]+)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(8);
    const env = { ...process.env, ...Object.fromEntries(refs.map((name) => [name, canary(name)])) };
    try {
      for (const format of ["table", "markdown", "json"]) {
        const result = spawnCli(
          ["plan", "--config", configFile, "--format", format, ...(format === "json" ? [] : ["--no-extract"])],
          env,
        );
        expect(result.code).toBe(0);
        expect(result.stdout).toContain("env:PRA_CLIENT_SECRET");
        expect(result.stdout + result.stderr).not.toMatch(/CANARY-/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the README's first command runs as a real process with exit 0", () => {
    const result = spawnCli(["plan", "--config", "examples/all-sources.yaml"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Tenant acme-prod");
  });

  test("a bad config exits 2 as a real process", () => {
    const result = spawnCli(["plan", "--config", "examples/nope.yaml"]);
    expect(result.code).toBe(2);
  });
});

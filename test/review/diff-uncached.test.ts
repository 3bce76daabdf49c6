import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli";
import { configWith } from "../helpers/config-text";

/**
 * In CI the plan cache lives in a folder the pull request's own code runs in: an entry it plants
 * (addressed by inputs it knows) would decide what the gate sees. `plan` believes a well-formed
 * entry computed from the same inputs (issue 28); `diff` never reads the cache at all.
 */
describe("diff never reads the plan cache", () => {
  let dir: string;
  let state: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "diff-uncached-"));
    state = process.env.INSIGHTS_STATE_DIR;
    process.env.INSIGHTS_STATE_DIR = join(dir, "state");
  });
  afterAll(() => {
    if (state === undefined) delete process.env.INSIGHTS_STATE_DIR;
    else process.env.INSIGHTS_STATE_DIR = state;
    rmSync(dir, { recursive: true, force: true });
  });

  test("a planted entry that keeps a removed permissions boundary fools plan, not diff", async () => {
    const boundary = "arn:aws:iam::111111111111:policy/InsightsBoundary";
    const aws = `kind: aws
name: AWS
managementAccountId: "111111111111"
trustedPrincipal: arn:aws:iam::222222222222:root
externalId: env:INSIGHTS_AWS_EXTERNAL_ID
permissionsBoundary: ${boundary}`;
    const base = configWith([aws]);
    const head = base.replace(/\n *permissionsBoundary: .*/, "");
    const baseConfig = join(dir, "base.yaml");
    const headConfig = join(dir, "head.yaml");
    writeFileSync(baseConfig, base);
    writeFileSync(headConfig, head);
    const basePlan = join(dir, "base.plan.json");
    writeFileSync(basePlan, (await runCli("plan", "--config", baseConfig, "--json", "--no-cache")).stdout);

    // The head's entry, computed honestly, then rewritten to say the boundary is still there.
    expect((await runCli("plan", "--config", headConfig, "--json")).code).toBe(0);
    const cache = join(dir, "state", "plan-cache");
    const entries = readdirSync(cache).filter((name) => name.endsWith(".json"));
    expect(entries).toHaveLength(1);
    const file = join(cache, entries[0]);
    const entry = JSON.parse(readFileSync(file, "utf8"));
    for (const identity of entry.trust) identity.permissionsBoundary = boundary;
    writeFileSync(file, JSON.stringify(entry));

    // plan believes a well-formed entry computed from the same inputs ...
    const fooled = await runCli("plan", "--config", headConfig, "--json");
    expect(JSON.parse(fooled.stdout).tenants[0].connectors[0].trust[0].permissionsBoundary).toBe(boundary);
    // ... diff synthesizes the head afresh and sees the boundary gone.
    const run = await runCli("diff", "--config", headConfig, "--base", basePlan, "--json");
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).escalations.map((e: { rule: string }) => e.rule)).toEqual([
      "boundary-removed-or-changed",
    ]);
  }, 120_000);
});

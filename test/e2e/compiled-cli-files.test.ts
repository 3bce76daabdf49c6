import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, spawnCli } from "../helpers/cli";

// The CLI runs compiled JavaScript from dist/, one folder deeper than the sources: commands
// that read files of the checkout (the examples behind init and the reference) must find them there too.
describe("the compiled CLI finds the checkout's own files", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "compiled-cli-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("init writes a starter that plan accepts", () => {
    const out = join(dir, "tenants.yaml");
    const init = spawnCli(["init", "--kinds", "aws,okta", "--out", out]);
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("kind: aws");
    const plan = spawnCli(["plan", "--config", out, "--no-extract"]);
    expect(plan.code).toBe(0);
  });

  test("schema --format markdown prints the committed reference", () => {
    const reference = spawnCli(["schema", "--format", "markdown"]);
    expect(reference.code).toBe(0);
    expect(reference.stdout).toBe(readFileSync(join(REPO, "docs", "tenant-config.md"), "utf8"));
  });
});

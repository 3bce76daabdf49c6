import { join } from "node:path";
import { stateDir, statePath } from "../../config/local-state";
import { runCli } from "../helpers/cli";

// Every default under the local state folder comes from statePath, so INSIGHTS_STATE_DIR
// moves all of them (CI scratch space) and none is left writing to ./.state.
describe("one helper for the local state folder", () => {
  const saved = process.env.INSIGHTS_STATE_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.INSIGHTS_STATE_DIR;
    else process.env.INSIGHTS_STATE_DIR = saved;
  });

  test("defaults to .state, moved by INSIGHTS_STATE_DIR", () => {
    delete process.env.INSIGHTS_STATE_DIR;
    expect(stateDir()).toBe(".state");
    expect(statePath("github", "acme-github.json")).toBe(join(".state", "github", "acme-github.json"));
    process.env.INSIGHTS_STATE_DIR = "/tmp/ci-state";
    expect(statePath("pulumi")).toBe("/tmp/ci-state/pulumi");
  });

  test.each([
    ["plan", "/tmp/ci-state/plan-cache"],
    ["verify", "/tmp/ci-state/github"],
    ["register", "/tmp/ci-state/github"],
    ["okta", "/tmp/ci-state/pulumi"],
    ["emulator", "/tmp/ci-state/emulator"],
  ])("`%s --help` shows its default under the moved state folder", async (command, expected) => {
    process.env.INSIGHTS_STATE_DIR = "/tmp/ci-state";
    const { stdout } = await runCli(command, "--help");
    expect(stdout.replace(/\s+/g, " ")).toContain(`(default: "${expected}")`);
    expect(stdout).not.toContain(".state/");
  });
});

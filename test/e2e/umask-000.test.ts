import { spawn } from "node:child_process";
import { lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { CLI, REPO } from "../helpers/cli";

/** The stand-in engines first (no cloud provider runs here), then this Node. */
const FAKE_PATH = [join(REPO, "test", "fakes", "engines"), dirname(process.execPath), "/usr/bin", "/bin"].join(
  delimiter,
);

/** Runs the CLI as a user whose umask is 000 would: in a shell that sets it, then execs node. */
function cliUnderUmask000(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", 'umask 000 && exec "$@"', "sh", process.execPath, CLI, ...argv], {
      cwd: REPO,
      env,
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
}

/** Every folder and file under `root`, with its permission bits; symlinks are listed, not followed. */
function modesUnder(root: string): [string, string][] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    const stats = lstatSync(path);
    const entry: [string, string] = [path, (stats.mode & 0o777).toString(8)];
    return stats.isDirectory() ? [entry, ...modesUnder(path)] : [entry];
  });
}

/** What is group- or world-writable; what is not owner-only (0700 folders, 0600 files). */
const writableByOthers = (modes: [string, string][]) => modes.filter(([, mode]) => parseInt(mode, 8) & 0o022);
const notOwnerOnly = (modes: [string, string][]) => modes.filter(([, mode]) => !["700", "600"].includes(mode));

describe("under umask 000, nothing the toolkit creates is writable by another user", () => {
  let work: string;
  beforeEach(() => (work = mkdtempSync(join(tmpdir(), "umask-000-"))));
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  test("plan: the state folder, the plan cache and its entries are owner-only (0700 folders, 0600 files)", async () => {
    const state = join(work, "state");
    const run = await cliUnderUmask000(["plan", "--config", "examples/all-sources.yaml", "--format", "json"], {
      ...process.env,
      INSIGHTS_STATE_DIR: state,
    });
    expect(run.code).toBe(0);
    const modes = modesUnder(state);
    expect(modes.length).toBeGreaterThan(2); // plan-cache and its entries
    expect(notOwnerOnly([[state, (lstatSync(state).mode & 0o777).toString(8)], ...modes])).toEqual([]);
  }, 120_000);

  test("up: synthesized stacks, Terraform state and the credential record are owner-only", async () => {
    const emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10 });
    try {
      const state = join(work, "state");
      const cdktfOut = join(work, "cdktf.out");
      const outputs = {
        client_id: "0f5b7c1e-0000-4000-8000-0000000000aa",
        directory_name: "contoso.onmicrosoft.com",
        tenant_id: "0f5b7c1e-0000-4000-8000-000000000001",
        client_secret_created_at: "2026-11-01T00:00:00Z",
        client_secret_rotation_due: "2027-01-30T00:00:00Z",
        client_secret_generations: '[{"generation":1,"created_at":"2026-11-01T00:00:00Z"}]',
      };
      const run = await cliUnderUmask000(
        [
          ...["up", "--config", "examples/azure-only.yaml", "--tenant", "contoso", "--yes"],
          ...["--emulator", emulator.url, "--state-dir", state, "--cdktf-out", cdktfOut, "--settle-timeout", "30"],
        ],
        {
          ...process.env,
          PATH: FAKE_PATH,
          INSIGHTS_STATE_DIR: state,
          FAKE_TERRAFORM_OUTPUT_VALUES: JSON.stringify(outputs),
        },
      );
      expect(run.out).not.toContain("FAILED");
      expect(run.code).toBe(0);
      const modes = [...modesUnder(state), ...modesUnder(cdktfOut)];
      expect(modes.map(([path]) => path)).toEqual(
        expect.arrayContaining([
          join(state, "credentials", "contoso.json"),
          join(state, "terraform", "contoso-azure.tfstate"),
          join(cdktfOut, "stacks", "contoso-azure", "cdk.tf.json"),
        ]),
      );
      expect(writableByOthers(modes)).toEqual([]);
      expect(notOwnerOnly(modes)).toEqual([]);
    } finally {
      await emulator.stop();
    }
  }, 180_000);
});

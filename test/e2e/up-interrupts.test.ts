// Issue 26, item 6: SIGTERM to `up` at several points (as rotate-converge.test.ts kills it at every
// step): the running engine gets one SIGINT and stops cleanly, its lock released; the step is recorded;
// the CLI exits 130; the next `up` says what it resumes and converges. The stand-in terraform holds
// its lock during a slow apply and stops on SIGINT as Terraform does (test/fakes/engines/terraform).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { CLI, REPO } from "../helpers/cli";

const FAKE_PATH = [join(REPO, "test", "fakes", "engines"), dirname(process.execPath), "/usr/bin", "/bin"].join(
  delimiter,
);
/** What the Entra stack's outputs look like (the stand-in answers `terraform output -json` with them). */
const OUTPUTS = {
  client_id: "0f5b7c1e-0000-4000-8000-0000000000aa",
  directory_name: "contoso.onmicrosoft.com",
  tenant_id: "0f5b7c1e-0000-4000-8000-000000000001",
  client_secret_rotation_due: "2027-01-30T00:00:00Z",
  // The secret slots the apply kept (stacks/azure/rotating-client-secret.ts), as JSON text.
  client_secret_generations: '[{"generation":1,"created_at":"2026-11-01T00:00:00Z"}]',
};

interface Run {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly done: Promise<number | null>;
}

let work: string;
let emulator: InsightsEmulator;
const state = () => join(work, "state");
const log = () => join(work, "engine-calls.jsonl");
const events = (): { tool: string; argv: string[]; event?: string }[] =>
  existsSync(log())
    ? readFileSync(log(), "utf8")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
const lockFile = () => join(state(), "terraform", "contoso-azure.tfstate.lock.info");
const record = () => join(state(), "interrupted", "contoso.json");

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), "up-interrupts-"));
});
afterEach(async () => {
  await emulator?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Starts `up` (or `down`) for the Entra example with the stand-in terraform, against the emulator. */
function start(extraEnv: Record<string, string> = {}, command: "up" | "down" = "up"): Run {
  const argv = [
    ...[command, "--config", "examples/azure-only.yaml", "--tenant", "contoso", "--yes"],
    ...["--emulator", emulator.url, "--state-dir", state(), "--cdktf-out", join(work, "cdktf.out")],
    ...(command === "up" ? ["--settle-timeout", "60"] : []),
  ];
  const env = {
    ...process.env,
    PATH: FAKE_PATH,
    INSIGHTS_STATE_DIR: state(),
    FAKE_ENGINE_LOG: log(),
    FAKE_TERRAFORM_OUTPUT_VALUES: JSON.stringify(OUTPUTS),
    ...extraEnv,
  };
  const child = spawn(process.execPath, [CLI, ...argv], { cwd: REPO, env });
  const run = { child, stdout: "", stderr: "" } as Run;
  child.stdout!.on("data", (chunk) => (run.stdout += chunk));
  child.stderr!.on("data", (chunk) => (run.stderr += chunk));
  (run as { done: Promise<number | null> }).done = new Promise((resolve) => child.on("close", resolve));
  return run;
}

async function until(check: () => boolean, what: string, ms = 120_000): Promise<void> {
  for (const end = Date.now() + ms; !check(); await new Promise((r) => setTimeout(r, 25))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

/** The next up, uninterrupted: it names the interrupted step first, converges, and forgets the record. */
async function resumes(step: RegExp): Promise<void> {
  const next = start();
  expect({ code: await next.done, stdout: next.stdout }).toMatchObject({ code: 0 });
  expect(next.stderr).toMatch(
    new RegExp(`the last up was interrupted \\(SIGTERM, [^)]+\\) during Contoso Entra: ${step.source}`),
  );
  expect(next.stdout).toMatch(/^Contoso Entra \(azure\): (create|update|unchanged), Connected$/m);
  expect(existsSync(record())).toBe(false);
  expect((await emulator.all()).map((c) => c.name)).toEqual(["Contoso Entra"]);
}

describe("SIGTERM to up: the engine stops cleanly, the step is recorded, exit 130, the next up converges", () => {
  test("mid-apply, holding the state lock: one SIGINT reaches terraform, which releases its lock", async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10 });
    const run = start({ FAKE_TERRAFORM_SLOW: "apply:30000" });
    await until(() => events().some((e) => e.event === "locked"), "terraform apply to take its lock");
    run.child.kill("SIGTERM");
    expect(await run.done).toBe(130);

    const applyEvents = events().filter((e) => e.argv[0] === "apply" && e.event);
    expect(applyEvents.map((e) => e.event)).toEqual(["locked", "SIGINT", "unlocked"]);
    expect(existsSync(lockFile())).toBe(false);
    expect(run.stderr).toContain("SIGTERM received: stopping cleanly");
    expect(run.stderr).toContain("Interrupt received.");
    expect(run.stderr).toContain("up was interrupted (SIGTERM): run up again to resume");
    expect(run.stdout).toMatch(
      /^Contoso Entra \(azure\): INTERRUPTED: deploy: terraform apply \(contoso-azure\) was interrupted and stopped \(exit 1\)$/m,
    );
    expect(JSON.parse(readFileSync(record(), "utf8"))).toEqual({
      command: "up",
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      reason: "SIGTERM",
      connector: "Contoso Entra",
      step: expect.stringMatching(/^deploy: cdktf synth /),
    });
    expect(await emulator.all()).toEqual([]);
    await resumes(/deploy: cdktf synth /);
  }, 300_000);

  test("during the synthesis, before terraform runs: nothing is applied and the next up converges", async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10 });
    const run = start();
    await until(() => /deploy: cdktf synth/.test(run.stderr), "the synthesis to start");
    run.child.kill("SIGTERM");
    expect(await run.done).toBe(130);
    expect(events().filter((e) => e.argv[0] === "apply")).toEqual([]);
    expect(JSON.parse(readFileSync(record(), "utf8")).step).toMatch(/^deploy: cdktf synth /);
    await resumes(/deploy: cdktf synth /);
  }, 300_000);

  test("while waiting for Insights' first check: the wait ends at once, and the next up finds the connector", async () => {
    const checkMs = 6000;
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: checkMs });
    const run = start();
    await until(() => /register with Insights and wait/.test(run.stderr), "the registration");
    await new Promise((r) => setTimeout(r, 500)); // well into the polling
    const sent = Date.now();
    run.child.kill("SIGTERM");
    expect(await run.done).toBe(130);
    // The poll ends within one interval (1 s), not when the check is done.
    expect(Date.now() - sent).toBeLessThan(checkMs - 1000);
    expect(JSON.parse(readFileSync(record(), "utf8")).step).toBe(
      "register with Insights and wait for the first connectivity check",
    );
    expect((await emulator.all()).map((c) => c.name)).toEqual(["Contoso Entra"]);
    // Resumed once the emulator's check has run: the registration is unchanged, its check Connected.
    await new Promise((r) => setTimeout(r, checkMs));
    await resumes(/register with Insights and wait for the first connectivity check/);
  }, 300_000);

  test("a second SIGTERM tells terraform again, as a second Ctrl-C would (Terraform then exits at once)", async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10 });
    // The stand-in takes 200 ms to stop after the first interrupt: the second arrives before it is done.
    const run = start({ FAKE_TERRAFORM_SLOW: "apply:30000" });
    await until(() => events().some((e) => e.event === "locked"), "terraform apply to take its lock");
    run.child.kill("SIGTERM");
    await until(() => events().some((e) => e.event === "SIGINT"), "the first interrupt to reach terraform");
    run.child.kill("SIGTERM");
    expect(await run.done).toBe(130);
    expect(events().filter((e) => e.event === "SIGINT")).toHaveLength(2);
    expect(run.stderr).toContain("SIGTERM received again: telling the running engine to stop at once");
    expect(run.stderr).toContain("Two interrupts received. Exiting immediately.");
  }, 300_000);

  test("down: SIGTERM mid-destroy stops terraform cleanly and records it; the next down finishes", async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10 });
    expect(await start().done).toBe(0);
    const down = start({ FAKE_TERRAFORM_SLOW: "destroy:30000" }, "down");
    await until(() => events().some((e) => e.argv[0] === "destroy" && e.event === "locked"), "the destroy's lock");
    down.child.kill("SIGTERM");
    expect(await down.done).toBe(130);
    expect(
      events()
        .filter((e) => e.argv[0] === "destroy" && e.event)
        .map((e) => e.event),
    ).toEqual(["locked", "SIGINT", "unlocked"]);
    expect(existsSync(lockFile())).toBe(false);
    expect(down.stdout).toMatch(/^interrupted \(SIGTERM\) during destroy stack contoso-azure \(Contoso Entra\): /m);
    expect(JSON.parse(readFileSync(record(), "utf8"))).toMatchObject({ command: "down", reason: "SIGTERM" });
    // The connector went first, as down always does; the stack is what is left to finish.
    expect(await emulator.all()).toEqual([]);

    const again = start({}, "down");
    expect(await again.done).toBe(0);
    expect(again.stderr).toMatch(/the last down was interrupted \(SIGTERM, [^)]+\)/);
    expect(again.stdout).toContain("removed: stack contoso-azure (Contoso Entra)");
    expect(existsSync(record())).toBe(false);
  }, 300_000);
});

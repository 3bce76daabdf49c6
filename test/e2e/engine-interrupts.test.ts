// How runEngine stops an engine (issue 26, item 6): the engine leads its own process group, is
// sent exactly one SIGINT, settles only once it has exited, and its group is killed when the
// grace runs out. First with Node one-liners standing in for an engine, then with Terraform itself.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EngineInterruptedError } from "../../providers/engines/engine-stop";
import { runEngine } from "../../providers/engines/run-engine";
import { requireTool } from "../helpers/require-tool";

let work: string;
beforeEach(() => (work = mkdtempSync(join(tmpdir(), "engine-interrupts-"))));
afterEach(() => rmSync(work, { recursive: true, force: true }));

const base = () => ({ cwd: work, env: process.env, install: "install the engine", label: "stand-in apply" });
/** The process group of a pid, field 5 of /proc/<pid>/stat (proc(5)). */
const groupOf = (pid: number | string) =>
  Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[2]);
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
const lines = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").filter(Boolean) : []);
const waitFor = async (check: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; !check();) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** An engine that logs each SIGINT it gets, then exits `exitAfterMs` after the first (or never, when -1). */
function engineScript(log: string, exitAfterMs: number, grandchild = false): string {
  return `
    const fs = require("node:fs");
    fs.appendFileSync(${JSON.stringify(log)}, "started " + process.pid + "\\n");
    ${grandchild ? `const kid = require("node:child_process").spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" }); fs.appendFileSync(${JSON.stringify(log)}, "grandchild " + kid.pid + "\\n");` : ""}
    let first = 0;
    process.on("SIGINT", () => {
      fs.appendFileSync(${JSON.stringify(log)}, "SIGINT\\n");
      console.log("Interrupt received. Gracefully shutting down...");
      if (!first++ && ${exitAfterMs} >= 0) setTimeout(() => { fs.appendFileSync(${JSON.stringify(log)}, "exited\\n"); process.exit(1); }, ${exitAfterMs});
    });
    setInterval(() => {}, 1000);`;
}

describe("runEngine stops an engine as a terminal would, once, and waits for it", () => {
  test("the engine leads its own process group, so a terminal's Ctrl-C reaches only this process", async () => {
    const log = join(work, "log");
    const controller = new AbortController();
    const run = runEngine(process.execPath, ["-e", engineScript(log, 0)], { ...base(), signal: controller.signal });
    await waitFor(() => lines(log).length > 0);
    const pid = Number(lines(log)[0].split(" ")[1]);
    expect(groupOf(pid)).toBe(pid);
    expect(groupOf(pid)).not.toBe(groupOf("self"));
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(EngineInterruptedError);
  });

  test("an interrupt sends exactly one SIGINT, and the run settles only after the engine has exited", async () => {
    const log = join(work, "log");
    const controller = new AbortController();
    const output: string[] = [];
    const run = runEngine(process.execPath, ["-e", engineScript(log, 700)], {
      ...base(),
      signal: controller.signal,
      onOutput: (l) => output.push(l),
    });
    await waitFor(() => lines(log).length > 0);
    controller.abort();
    const error = (await run.catch((e: Error) => e)) as Error;
    // Settled after "exited": the engine's last words were read, its pipes drained.
    expect(lines(log).slice(1)).toEqual(["SIGINT", "exited"]);
    expect(error).toEqual(new EngineInterruptedError("stand-in apply was interrupted and stopped (exit 1)"));
    expect(output).toEqual(["Interrupt received. Gracefully shutting down..."]);
  });

  test("a second interrupt sends the engine its second SIGINT (Terraform: exit immediately)", async () => {
    const log = join(work, "log");
    const [first, second] = [new AbortController(), new AbortController()];
    const run = runEngine(process.execPath, ["-e", engineScript(log, 1500)], {
      ...base(),
      signal: first.signal,
      insist: second.signal,
    });
    await waitFor(() => lines(log).length > 0);
    first.abort();
    await waitFor(() => lines(log).includes("SIGINT"));
    second.abort();
    await expect(run).rejects.toBeInstanceOf(EngineInterruptedError);
    expect(lines(log).filter((l) => l === "SIGINT")).toHaveLength(2);
  });

  test("an engine that ignores the interrupt is killed with its whole group when the grace runs out", async () => {
    const log = join(work, "log");
    const controller = new AbortController();
    const run = runEngine(process.execPath, ["-e", engineScript(log, -1, true)], {
      ...base(),
      signal: controller.signal,
      graceMs: 500,
    });
    await waitFor(() => lines(log).length > 1);
    const grandchild = Number(lines(log)[1].split(" ")[1]);
    expect(alive(grandchild)).toBe(true);
    const started = Date.now();
    controller.abort();
    await expect(run).rejects.toThrow(
      new EngineInterruptedError("stand-in apply was interrupted and was killed by SIGKILL"),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    await waitFor(() => !alive(grandchild), 2000);
  });

  test("what a gracefully stopped engine left running in its group is killed too", async () => {
    const log = join(work, "log");
    const controller = new AbortController();
    const run = runEngine(process.execPath, ["-e", engineScript(log, 100, true)], {
      ...base(),
      signal: controller.signal,
    });
    await waitFor(() => lines(log).length > 1);
    const grandchild = Number(lines(log)[1].split(" ")[1]);
    controller.abort();
    await expect(run).rejects.toThrow("stand-in apply was interrupted and stopped (exit 1)");
    await waitFor(() => !alive(grandchild), 2000);
  });

  test("a run interrupted before it starts starts nothing", async () => {
    const log = join(work, "log");
    const controller = new AbortController();
    controller.abort();
    await expect(
      runEngine(process.execPath, ["-e", engineScript(log, 0)], { ...base(), signal: controller.signal }),
    ).rejects.toThrow("stand-in apply did not start: the run was interrupted");
    expect(lines(log)).toEqual([]);
  });
});

const terraform = requireTool("terraform", "interrupting a real terraform apply");

terraform.describe(`Terraform interrupted mid-apply through runEngine${terraform.note}`, () => {
  test("one SIGINT: Terraform stops, persists what it applied, releases its lock; no provisioner shell is left", async () => {
    // A fast resource, then one whose provisioner runs for 30 s (findings-26 §6 measured the same shape).
    // A duration no other process uses, so the shell and its sleep are found by their command lines.
    const marker = `30.${process.pid}`;
    writeFileSync(
      join(work, "main.tf.json"),
      JSON.stringify({
        resource: {
          terraform_data: {
            fast: { input: "fast" },
            slow: {
              depends_on: ["terraform_data.fast"],
              provisioner: { "local-exec": { command: `sleep ${marker}` } },
            },
          },
        },
      }),
    );
    const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
    const options = { ...base(), env, label: "terraform apply" };
    await runEngine("terraform", ["init", "-input=false", "-no-color"], options);
    const controller = new AbortController();
    const output: string[] = [];
    const apply = runEngine("terraform", ["apply", "-auto-approve", "-input=false", "-no-color"], {
      ...options,
      signal: controller.signal,
      onOutput: (l) => output.push(l),
    });
    await waitFor(() => output.some((l) => l.includes("Provisioning with 'local-exec'")), 60_000);
    controller.abort();
    await expect(apply).rejects.toThrow(/^terraform apply was interrupted and stopped \(exit 1\)$/);

    expect(output.join("\n")).toContain("Interrupt received.");
    expect(output.join("\n")).not.toContain("Two interrupts received");
    expect(existsSync(join(work, ".terraform.tfstate.lock.info"))).toBe(false);
    const state = JSON.parse(readFileSync(join(work, "terraform.tfstate"), "utf8"));
    expect(state.resources.map((r: { name: string }) => r.name)).toContain("fast");
    // The provisioner's shell and its sleep were in Terraform's group: none survives the run. The
    // group's kill is a signal, so on a busy machine the sleep can take a moment to go; its 30 s is
    // what a survivor would show.
    await waitFor(() => processesWith(marker).length === 0, 2000).catch(() => undefined);
    expect(processesWith(marker)).toEqual([]);
  }, 180_000);
});

/** Live pids whose command line holds `text`. */
function processesWith(text: string): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(text) && alive(Number(pid));
      } catch {
        return false;
      }
    })
    .map(Number);
}

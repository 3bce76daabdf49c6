import { EngineMissingError } from "../../../providers/engines/engine-cli";
import { EngineRunError, engineMessage, runEngine } from "../../../providers/engines/run-engine";
import { EngineInterruptedError } from "../../../providers/engines/engine-stop";

/** A Node one-liner as the engine: this test needs no engine installed. */
const node = (script: string) => [process.execPath, ["-e", script]] as const;
const base = { cwd: process.cwd(), env: process.env, install: "install the engine" };

describe("runEngine (providers/engines/run-engine.ts)", () => {
  test("resolves with the output and hands each line on, escape codes stripped and secrets masked", async () => {
    const lines: string[] = [];
    const [command, args] = node(`console.log("\\u001b[32mok\\u001b[0m s3cr3t-canary"); console.error("warn line")`);
    const result = await runEngine(command, args, {
      ...base,
      secrets: ["s3cr3t-canary"],
      onOutput: (l) => lines.push(l),
    });
    expect(result.stdout).toContain("ok");
    expect(lines.sort()).toEqual(["ok ***", "warn line"]);
  });

  test("a failure rejects with the engine's own last words and its exit code, never its arguments", async () => {
    const [command, args] = node(`console.error("noise\\nError: the real reason\\n  details"); process.exit(3)`);
    const run = runEngine(command, [...args, "--", "--parameters", "id=s3cr3t-canary"], {
      ...base,
      label: "cdk deploy",
      secrets: ["s3cr3t-canary"],
    });
    await expect(run).rejects.toThrow(new EngineRunError("cdk deploy exited 3: Error: the real reason details", ""));
    await run.catch((error: Error) => expect(error.message).not.toContain("s3cr3t"));
  });

  test("a run past its deadline is stopped and says so", async () => {
    const [command, args] = node("setTimeout(() => {}, 60000)");
    await expect(runEngine(command, args, { ...base, timeoutMs: 300, label: "terraform apply" })).rejects.toThrow(
      /^terraform apply was stopped after its deadline of 0.3 s/,
    );
  });

  test("output beyond the limit is dropped from the head; the tail (where engines report errors) stays", async () => {
    const [command, args] = node(
      `for (let i = 0; i < 2000; i++) console.error("x".repeat(100)); console.error("Error: at the end"); process.exitCode = 1`,
    );
    const error = (await runEngine(command, args, { ...base, maxOutputBytes: 4096 }).catch((e) => e)) as EngineRunError;
    expect(error.stderr.length).toBeLessThanOrEqual(4096 + 200);
    expect(error.message).toMatch(/Error: at the end$/);
  });

  test("a command not on PATH rejects with EngineMissingError naming what to install", async () => {
    await expect(runEngine("no-such-engine-cli", ["version"], { ...base, env: { PATH: "" } })).rejects.toThrow(
      new EngineMissingError(
        "the no-such-engine-cli CLI is not installed or not on PATH; install the engine. Nothing was changed.",
      ),
    );
  });

  test("an aborted signal stops the run, which rejects as interrupted once the engine has exited", async () => {
    const controller = new AbortController();
    const [command, args] = node("setTimeout(() => {}, 60000)");
    const run = runEngine(command, args, { ...base, signal: controller.signal, label: "pulumi up" });
    setTimeout(() => controller.abort(), 100);
    // Node's own SIGINT handling ends this engine: killed by the one SIGINT it was sent.
    await expect(run).rejects.toThrow(new EngineInterruptedError("pulumi up was interrupted and was killed by SIGINT"));
  });

  test("engineMessage takes Terraform's boxed Error: block, else the last lines", () => {
    expect(engineMessage("Warning: x\n╷\n│ Error: Invalid provider\n│\n│   on main.tf line 1\n╵\n")).toBe(
      "Error: Invalid provider on main.tf line 1",
    );
    expect(engineMessage("", "only stdout")).toBe("only stdout");
    const cdk =
      "(node:1) Warning: NodeVersionSupportWarning: old node\n✨ Synthesis time: 5s\n❌  acme-aws failed: ValidationError: bad\n";
    expect(engineMessage(cdk)).toBe("❌ acme-aws failed: ValidationError: bad");
  });
});

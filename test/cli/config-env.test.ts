// INSIGHTS_CONFIG names the tenant config for every command that takes --config, as it does for
// the engine apps (issue 29: `plan` said "required option --config"). The commands are walked from
// the program itself, so a new command with --config is checked without being listed here.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command, Option } from "commander";
import { buildProgram } from "../../cli/program";
import { runCli } from "../helpers/cli";

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

/** Every command that runs an action and takes --config, by its path (`github resume`). */
function configCommands(command: Command, prefix: string[] = []): [string[], Command][] {
  return command.commands.flatMap((sub): [string[], Command][] => {
    const path = [...prefix, sub.name()];
    if (sub.commands.length) return configCommands(sub, path);
    return sub.options.some((o) => o.long === "--config") ? [[path, sub]] : [];
  });
}

/** A value the command line accepts for an argument or option: its first choice, else a word. */
const placeholder = (choices: readonly string[] | undefined) => choices?.[0] ?? "x";

/** The command line that runs `command` with everything it requires but --config. */
function argvWithoutConfig(path: string[], command: Command): string[] {
  const args = command.registeredArguments.filter((a) => a.required).map((a) => placeholder(a.argChoices));
  const required = (command.options as Option[]).filter((o) => o.mandatory && o.long !== "--config");
  return [...path, ...args, ...required.flatMap((o) => [o.long!, placeholder(o.argChoices)])];
}

const COMMANDS = configCommands(buildProgram(quiet, () => {}));

describe("INSIGHTS_CONFIG, for every command that takes --config", () => {
  let dir: string;
  let fromEnv: string;
  const saved = process.env.INSIGHTS_CONFIG;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "config-env-"));
    fromEnv = join(dir, "from-env.yaml"); // never written: the error names the file the command read
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.INSIGHTS_CONFIG;
    else process.env.INSIGHTS_CONFIG = saved;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the walk finds the commands that read a tenant config", () => {
    const names = COMMANDS.map(([path]) => path.join(" "));
    expect(names).toEqual(
      expect.arrayContaining([
        "plan",
        "diff",
        "up",
        "down",
        "register",
        "status",
        "verify",
        "tenants",
        "github resume",
      ]),
    );
    expect(names.length).toBeGreaterThanOrEqual(16);
  });

  test.each(COMMANDS.map(([path, command]) => [path.join(" "), argvWithoutConfig(path, command)] as const))(
    "%s reads the file INSIGHTS_CONFIG names when --config is left out",
    async (_name, argv) => {
      delete process.env.INSIGHTS_CONFIG;
      const without = await runCli(...argv);
      expect(without.code).toBe(2);
      expect(without.stderr).toMatch(/required option '-c, --config <file>' not specified/);

      process.env.INSIGHTS_CONFIG = fromEnv;
      const run = await runCli(...argv);
      expect(run.stderr).not.toMatch(/required option/);
      expect(run.stderr).toContain(`${fromEnv}:1:1  (file)  no such file: ${fromEnv}`);
      expect(run.code).toBe(2);
    },
  );

  test("--config wins over INSIGHTS_CONFIG, and --help names the variable", async () => {
    process.env.INSIGHTS_CONFIG = fromEnv;
    const run = await runCli("tenants", "--config", "examples/all-sources.yaml");
    expect([run.code, run.stdout, run.stderr]).toEqual([0, "acme-prod\n", ""]);
    const help = await runCli("plan", "--help");
    expect(help.stdout).toMatch(/-c, --config <file> +tenant config YAML \(env: INSIGHTS_CONFIG\)/);
  });
});

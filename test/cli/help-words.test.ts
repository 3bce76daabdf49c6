// Issue 29, cases 3 (register's try path is not in its help) and 4 (numbers quoted in help, no
// examples, no "did you mean" for a misspelt command behind --help or `help`). Only the program
// and its help text are used, so the same tests run against an older main.
import type { Command } from "commander";
import { buildProgram } from "../../cli/program";
import { runCli } from "../helpers/cli";

/** Every command's path as a user types it (`github create-app`); "" is the program. */
function commandPaths(command: Command, prefix: string[] = []): string[] {
  return [prefix.join(" "), ...command.commands.flatMap((sub) => commandPaths(sub, [...prefix, sub.name()]))];
}

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
const paths = commandPaths(buildProgram(quiet, () => undefined));

/** What `<path> --help` prints. */
async function helpOf(path: string): Promise<string> {
  const run = await runCli(...(path ? path.split(" ") : []), "--help");
  expect(run.code).toBe(0);
  return run.stdout;
}

describe("help that shows how (issue 29, cases 3 and 4)", () => {
  test.each(paths.map((path) => [path || "(the program)", path]))(
    "%s --help ends with at least two examples",
    async (_, path) => {
      const help = await helpOf(path);
      const examples = help.slice(help.indexOf("\nExamples:\n"));
      expect(help).toContain("\nExamples:\n");
      const lines = examples.split("\n").filter((line) => line.startsWith("  $ insights-connectors "));
      expect(lines.length).toBeGreaterThanOrEqual(2);
      if (path)
        for (const line of lines)
          expect(line).toMatch(new RegExp(`^  \\$ insights-connectors ${path.split(" ")[0]}\\b`));
    },
  );

  test("register --help shows the try path: --synthetic-outputs against the emulator", async () => {
    const help = await helpOf("register");
    expect(help).toMatch(
      /--synthetic-outputs\s+try it without deploying: made-up stack outputs,\s+and made-up values for secrets not set/,
    );
    expect(help).toContain(
      "$ insights-connectors register --config examples/all-sources.yaml --emulator http://127.0.0.1:8080 --synthetic-outputs",
    );
  });

  test('numeric defaults read as numbers: (default: 60), never (default: "60")', async () => {
    const help = await helpOf("register");
    expect(help).toMatch(/deadline of one API call, its retries and waits\s+included \(default: 60\)/);
    for (const path of paths) expect([path, (await helpOf(path)).match(/default: "\d[\d.]*"/)]).toEqual([path, null]);
    expect(help).toContain('(default: "cdktf.out")'); // a word stays quoted
  });
});

describe("a misspelt command is named, with the closest ones (issue 29, case 4)", () => {
  test.each([
    [["plna"], 'unknown command "plna"; did you mean "plan"?'],
    [["plna", "--help"], 'unknown command "plna"; did you mean "plan"?'],
    [["help", "regster"], 'unknown command "regster"; did you mean "register"?'],
    [["github", "crate-app", "--help"], 'unknown command "crate-app" of github; did you mean "create-app"?'],
    [["ecm", "chek-network"], 'unknown command "chek-network" of ecm; did you mean "check-network"?'],
    [["frobnicate", "--help"], 'unknown command "frobnicate"\n'],
  ])("%j", async (argv, said) => {
    const run = await runCli(...argv);
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toContain(`error: ${said}`);
  });

  test("a misspelt choice, kind or tenant is answered with the closest", async () => {
    const all = ["--config", "examples/all-sources.yaml"];
    const format = await runCli("plan", ...all, "--format", "tabel");
    expect(format.stderr).toContain('Allowed choices are table, markdown, json; did you mean "table"?');
    const action = await runCli("connector", "of", ...all, "--tenant", "acme-prod", "--kind", "okta", "--name", "x");
    expect(action.stderr).toContain("Allowed choices are off, on, delete; did you mean");
    const tenant = await runCli("plan", ...all, "--tenant", "acme-prd", "--no-extract");
    expect(tenant.stderr).toContain(
      'unknown tenant acme-prd in examples/all-sources.yaml; it has: acme-prod; did you mean "acme-prod"?',
    );
    const kind = await runCli("verify", ...all, "--kind", "oktaa");
    expect(kind.stderr).toMatch(/unknown --kind oktaa; kinds are: .*; did you mean "okta"\?/);
    const kinds = await runCli("init", "--kinds", "aws,pingon", "--out", "/nonexistent/never-written.yaml");
    expect(kinds.stderr).toMatch(/--kinds has unknown pingon; choose from: .*; did you mean "pingone"\?/);
    for (const run of [format, action, tenant, kind, kinds]) expect(run.code).toBe(2);
  });
});

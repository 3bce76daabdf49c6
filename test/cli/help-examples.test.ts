// Issue 29, cases 3 (register's try path in its help) and 4 (numbers quoted in help, no examples,
// no "did you mean" for a misspelt command behind --help or `help`).
import type { Command } from "commander";
import { buildProgram } from "../../cli/program";
import { commandPath, everyCommand } from "../../cli/command-words";
import { EXAMPLES } from "../../cli/examples";
import { runCli } from "../helpers/cli";

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
const paths = everyCommand(buildProgram(quiet, () => undefined)).map(commandPath);

/** The words of an example line as a POSIX shell splits them (double quotes), up to a redirection. */
function shellWords(line: string): string[] {
  const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
  const redirect = words.indexOf(">");
  return redirect < 0 ? words : words.slice(0, redirect);
}

/** What `help <path>` prints. */
async function helpOf(path: string): Promise<string> {
  const run = await runCli(...(path ? path.split(" ") : []), "--help");
  expect(run.code).toBe(0);
  return run.stdout;
}

describe("help that shows how (issue 29, cases 3 and 4)", () => {
  test("every command and command group has at least two examples, and no example names a command that is gone", () => {
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) expect([path, (EXAMPLES[path] ?? []).length >= 2]).toEqual([path, true]);
    expect(Object.keys(EXAMPLES).sort()).toEqual([...paths].sort());
  });

  test.each(paths.map((path) => [path || "(the program)", path]))(
    "%s --help ends with its examples",
    async (_, path) => {
      const help = await helpOf(path);
      const examples = help.slice(help.indexOf("\nExamples:\n"));
      expect(help).toContain("\nExamples:\n");
      for (const { line } of EXAMPLES[path]) expect(examples).toContain(`  $ insights-connectors ${line}\n`);
    },
  );

  test("every example parses with the real program: its command, options, choices and required options exist", async () => {
    const parsed: string[] = [];
    for (const [path, examples] of Object.entries(EXAMPLES)) {
      for (const { line } of examples) {
        const program = buildProgram(quiet, () => undefined);
        // The commands' own actions are replaced: parsing is under test, not running.
        for (const command of everyCommand(program).filter((c: Command) => c.commands.length === 0))
          command.action(() => void parsed.push(commandPath(command)));
        const before = parsed.length;
        const error = await program.parseAsync(shellWords(line), { from: "user" }).then(
          () => undefined,
          (failure: Error) => failure.message,
        );
        expect([line, error]).toEqual([line, undefined]);
        expect([line, parsed.length]).toEqual([line, before + 1]);
        if (path) expect([line, parsed[parsed.length - 1].startsWith(path)]).toEqual([line, true]);
      }
    }
  });

  test("register --help shows the try path: --synthetic-outputs against the emulator", async () => {
    const help = await helpOf("register");
    expect(help).toMatch(/--synthetic-outputs\s+try it without deploying: made-up stack outputs\s+and secrets/);
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

// Every command's examples (cli/examples.ts) are shown in its help and parse with the real program.
import type { Command } from "commander";
import { buildProgram } from "../../cli/program";
import { commandPath, everyCommand } from "../../cli/command-words";
import { EXAMPLES } from "../../cli/examples";

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
const paths = everyCommand(buildProgram(quiet, () => undefined)).map(commandPath);

/** The words of an example line as a POSIX shell splits them (double quotes), up to a redirection. */
function shellWords(line: string): string[] {
  const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
  const redirect = words.indexOf(">");
  return redirect < 0 ? words : words.slice(0, redirect);
}

describe("examples under every command", () => {
  test("every command and command group has at least two examples, and no example names a command that is gone", () => {
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) expect([path, (EXAMPLES[path] ?? []).length >= 2]).toEqual([path, true]);
    expect(Object.keys(EXAMPLES).sort()).toEqual([...paths].sort());
  });

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
});

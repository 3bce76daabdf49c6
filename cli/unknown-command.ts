import type { Command } from "commander";
import { didYouMean } from "../values/did-you-mean";

/**
 * The first word of `argv` that names no command where a command is expected, said with the
 * closest commands (`unknown command "plna"; did you mean "plan"?`), or undefined when every
 * word is known. commander suggests a command only when nothing else is asked: with `--help`
 * (`plna --help`, `github crate-app --help`) or through `help plna` it prints the parent's help
 * and exits 0, so the typo is never named (commander 14.0.3, lib/command.js `_parseCommand`:
 * `_outputHelpIfRequested` runs before `unknownCommand`). Asked before commander parses, the
 * answer is the same with or without `--help`.
 */
export function unknownCommand(program: Command, argv: readonly string[]): string | undefined {
  let command = program;
  for (const word of argv) {
    if (word === "--") return undefined;
    if (word.startsWith("-")) continue; // the program's and the command groups' options take no value
    if (command.commands.length === 0) return undefined; // a command's own operands
    if (word === "help" && command === program) continue; // `help <command>`
    const next = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!next) {
      const names = command.commands.map((c) => c.name());
      const where = command === program ? "" : ` of ${command.name()}`;
      return `unknown command "${word}"${where}${didYouMean(word, names)}`;
    }
    command = next;
  }
  return undefined;
}

import { InvalidArgumentError, type Argument, type Command, type Option } from "commander";
import { didYouMean } from "../values/did-you-mean";
import { examplesHelp } from "./examples";

/** Every command of `program` (itself included), parents before their subcommands. */
export function everyCommand(program: Command): Command[] {
  return [program, ...program.commands.flatMap((command) => everyCommand(command))];
}

/** The path a user types for `command`: `github create-app`; the program itself is "". */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(" ");
}

/**
 * A value outside an option's or argument's choices is answered with the closest choice:
 * `Allowed choices are off, on, delete; did you mean "off"?` (commander lists the choices and
 * leaves the guessing to the reader). The option's own parser runs first, so an alias it maps
 * (`--format text`) still passes.
 */
function suggestClosestChoice(target: Option | Argument): void {
  const choices = target.argChoices;
  const parse = target.parseArg;
  if (!choices || !parse) return;
  target.argParser((value: string, previous: unknown) => {
    try {
      return parse(value, previous);
    } catch (error) {
      if (!(error instanceof InvalidArgumentError) || choices.includes(value)) throw error;
      throw new InvalidArgumentError(`Allowed choices are ${choices.join(", ")}${didYouMean(value, choices) || "."}`);
    }
  });
}

/**
 * A number in help as a number: commander shows a default given as a string quoted
 * (`(default: "60")`, JSON.stringify in lib/help.js `optionDescription`) unless the option has a
 * default description. The value stays a string; commands parse it.
 */
function unquoteNumberDefault(option: Option): void {
  if (typeof option.defaultValue === "string" && /^\d+(\.\d+)?$/.test(option.defaultValue))
    option.defaultValueDescription ??= option.defaultValue;
}

/**
 * The CLI's words, applied to every command once they are all registered: the closest choice
 * named, numbers unquoted, and each command's examples under its help.
 */
export function applyCommandWords(program: Command): void {
  for (const command of everyCommand(program)) {
    command.options.forEach((option) => (suggestClosestChoice(option), unquoteNumberDefault(option)));
    command.registeredArguments.forEach(suggestClosestChoice);
    const examples = examplesHelp(commandPath(command));
    if (examples) command.addHelpText("after", examples);
  }
}

import { InvalidArgumentError, Option, type Command } from "commander";
import { colorsFor } from "../providers/text/colour";
import {
  formatsOf,
  REPORT_FORMATS,
  type Renderers,
  type RenderTarget,
  type ReportFormat,
} from "../values/report-format";
import { EXIT, type Io } from "./io";

/**
 * Names a release accepted that are going away: `text` was diff's, `ecm explain`'s and
 * `tenants`' name for what every other command calls `table`. Accepted, with a warning on
 * stderr, until the next release; not listed among the choices.
 */
const DEPRECATED_FORMATS: Readonly<Record<string, ReportFormat>> = { text: "table" };

/** The `--format` help: the choices commander lists, and which of the registry's formats this report lacks. */
function formatHelp(formats: readonly ReportFormat[]): string {
  const missing = REPORT_FORMATS.filter((f) => !formats.includes(f));
  return `output format${missing.length ? ` (this report has no ${missing.join(" or ")} form)` : ""}`;
}

/** The deprecated names this command still takes, said once under its options. */
function deprecationHelp(formats: readonly ReportFormat[]): string {
  return Object.entries(DEPRECATED_FORMATS)
    .filter(([, to]) => formats.includes(to))
    .map(([old, to]) => `\n--format ${old} is a deprecated alias of --format ${to}; it goes in the next release.`)
    .join("");
}

/**
 * Adds `-f, --format <format>` to a command that prints a report, with the formats its
 * renderers have as choices (the same names on every command), `--json` as the alias of
 * `--format json`, and the deprecated names accepted with a warning.
 */
export function addFormatOption<F extends ReportFormat>(
  command: Command,
  renderers: Renderers<never, F>,
  io: Io,
  defaultFormat: F = formatsOf(renderers)[0],
): Command {
  const formats = formatsOf(renderers);
  let deprecated: string | undefined;
  const parse = (value: string): F => {
    const alias = DEPRECATED_FORMATS[value];
    if (alias && (formats as ReportFormat[]).includes(alias)) deprecated = value;
    const format = (alias ?? value) as F;
    if (!formats.includes(format)) throw new InvalidArgumentError(`Allowed choices are ${formats.join(", ")}.`);
    return format;
  };
  command.addOption(
    new Option("-f, --format <format>", formatHelp(formats)).choices(formats).argParser(parse).default(defaultFormat),
  );
  if (formats.includes("json" as F))
    command.addOption(new Option("--json", "the same as --format json").implies({ format: "json" }));
  const deprecations = deprecationHelp(formats);
  if (deprecations) command.addHelpText("after", deprecations);
  return command.hook("preAction", (self) => {
    if (self.getOptionValue("json") && self.getOptionValueSource("format") === "cli" && self.opts().format !== "json")
      self.error(`error: --json and --format ${self.opts().format} ask for two formats; give one`, {
        exitCode: EXIT.usage,
        code: "commander.conflictingOption",
      });
    if (deprecated)
      io.stderr.write(
        `warning: --format ${deprecated} is deprecated and goes in the next release; use --format ${DEPRECATED_FORMATS[deprecated]}\n`,
      );
  });
}

/**
 * Where a report goes: the terminal's width (a terminal that reports 0 columns, a pty with no
 * size, is as unknown: 100); colour and relative times only for the table format, colour only on
 * a terminal that takes it (NO_COLOR, FORCE_COLOR, TERM=dumb honoured), times relative only on a
 * terminal. JSON and markdown are documents: never coloured, never relative.
 */
export function renderTarget(
  stdout: Io["stdout"],
  format: ReportFormat,
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date(),
): RenderTarget {
  const columns = stdout.columns ?? 0;
  const forPerson = format === "table";
  return {
    width: columns > 0 ? columns : 100,
    colors: forPerson && colorsFor(stdout, env),
    ...(forPerson && stdout.isTTY ? { now } : {}),
  };
}

/** Prints a report in the chosen format: the renderer's text and nothing else on stdout. */
export function printReport<R, F extends ReportFormat>(io: Io, renderers: Renderers<R, F>, format: F, report: R): void {
  io.stdout.write(renderers[format](report, renderTarget(io.stdout, format)));
}

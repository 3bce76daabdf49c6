// One format registry (values/report-format.ts, cli/formats.ts): every command that prints a
// report takes `-f, --format` with the same names, `--json`, and the deprecated `text`. The
// commands are walked from the program itself, so a new command is checked without being listed.
import type { Command } from "commander";
import { buildProgram } from "../../cli/program";
import { REPORT_FORMATS } from "../../values/report-format";
import { REPO, runCli } from "../helpers/cli";
import { configWith, VALID } from "../helpers/config-text";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

/** Every command that runs an action, by its path (`ecm explain`), walked from the program. */
function leaves(command: Command, prefix: string[] = []): [string, Command][] {
  return command.commands.flatMap((sub): [string, Command][] => {
    const path = [...prefix, sub.name()];
    return sub.commands.length ? leaves(sub, path) : [[path.join(" "), sub]];
  });
}

const COMMANDS = leaves(buildProgram(quiet, () => undefined));
const formatOption = (command: Command) => command.options.find((o) => o.long === "--format");
const REPORTING = COMMANDS.filter(([, command]) => formatOption(command));

/** The commands that print no report, and why. */
const NO_REPORT: Record<string, string> = {
  init: "writes a config file and says where",
  okta: "streams the Pulumi engine's own output",
  emulator: "a server: prints where it listens, then runs until stopped",
  "gate-report": "writes a pull request gate's files and prints GitHub workflow commands, one per escalation",
};

describe("the format registry", () => {
  test("every command prints a report in the registry's formats, except those that print none", () => {
    expect(COMMANDS.length).toBeGreaterThan(Object.keys(NO_REPORT).length + 10);
    expect(COMMANDS.filter(([, c]) => !formatOption(c)).map(([path]) => path)).toEqual(
      expect.arrayContaining(Object.keys(NO_REPORT)),
    );
    expect(COMMANDS.filter(([, c]) => !formatOption(c)).length).toBe(Object.keys(NO_REPORT).length);
  });

  test("the names are table, markdown and json, and all three are used", () => {
    expect(REPORT_FORMATS).toEqual(["table", "markdown", "json"]);
    const used = new Set(REPORTING.flatMap(([, c]) => formatOption(c)!.argChoices!));
    expect([...used].sort()).toEqual([...REPORT_FORMATS].sort());
  });

  test.each(REPORTING)("%s: -f/--format with the registry's names in its order, json among them", (_path, command) => {
    const option = formatOption(command)!;
    expect(option.flags).toBe("-f, --format <format>");
    expect(option.argChoices).toEqual(REPORT_FORMATS.filter((f) => option.argChoices!.includes(f)));
    expect(option.argChoices).toContain("json");
    expect(option.defaultValue).toBe(option.argChoices!.includes("table") ? "table" : "json");
    expect(() => option.parseArg!("yaml", undefined)).toThrow(`Allowed choices are ${option.argChoices!.join(", ")}.`);
  });

  test.each(REPORTING)("%s: --json is the alias of --format json", (_path, command) => {
    const json = command.options.find((o) => o.long === "--json");
    expect(json?.description).toBe("the same as --format json");
    // commander keeps what an option implies in `implied` (commander 14, lib/option.js); its typings omit it.
    expect((json as unknown as { implied?: object }).implied).toEqual({ format: "json" });
  });

  test.each(REPORTING.filter(([, c]) => formatOption(c)!.argChoices!.includes("table")))(
    "%s: text is still taken, as table",
    (_path, command) => {
      expect(formatOption(command)!.parseArg!("text", undefined)).toBe("table");
    },
  );

  test.each(REPORTING)("%s --help: the formats it lacks and the deprecated alias, from the registry", async (path) => {
    const help = await runCli(...path.split(" "), "--help");
    expect(help.code).toBe(0);
    const choices = formatOption(REPORTING.find(([p]) => p === path)![1])!.argChoices!;
    for (const missing of REPORT_FORMATS.filter((f) => !choices.includes(f)))
      expect(help.stdout).toContain(`this report has no ${missing}`);
    if (choices.includes("table"))
      expect(help.stdout).toContain(
        "--format text is a deprecated alias of --format table; it goes in the next release.",
      );
    else expect(help.stdout).not.toContain("--format text");
  });
});

/** docs/cli.md "Output formats": each row's commands and the formats it lists for them. */
function documentedFormats(): Map<string, string[]> {
  const readme = readFileSync(join(REPO, "docs", "cli.md"), "utf8");
  const start = readme.indexOf("\n## Output formats");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const rows = [...section.matchAll(/^\| (`.+`) \| (`.+`)[^|]* \|$/gm)];
  const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  return new Map(rows.flatMap((row) => names(row[1]).map((command) => [command, names(row[2])] as [string, string[]])));
}

test("docs/cli.md's Output formats table names every report command with exactly its formats", () => {
  const documented = Object.fromEntries(documentedFormats());
  const actual = Object.fromEntries(REPORTING.map(([path, c]) => [path, formatOption(c)!.argChoices]));
  expect(documented).toEqual(actual);
});

describe("--json and the deprecated text on the command line", () => {
  let work: string;
  let config: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "formats-"));
    config = join(work, "tenants.yaml");
    writeFileSync(config, configWith([VALID.okta], "adapter: sheet", "acme-prod"));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("--json prints what --format json prints", async () => {
    const [json, format] = await Promise.all([
      runCli("plan", "--config", config, "--no-extract", "--json"),
      runCli("plan", "--config", config, "--no-extract", "--format", "json"),
    ]);
    expect(json).toEqual(format);
    expect(JSON.parse(json.stdout).planVersion).toBe(1);
  });

  test("--json with another --format is a usage error (exit 2), nothing on stdout", async () => {
    const run = await runCli("plan", "--config", config, "--no-extract", "--json", "--format", "table");
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toContain("error: --json and --format table ask for two formats; give one");
    const same = await runCli("plan", "--config", config, "--no-extract", "--json", "--format", "json");
    expect(same.code).toBe(0);
  });

  test("--format text prints the table, warns on stderr, and is not offered where there is no table", async () => {
    const [text, table] = await Promise.all([
      runCli("plan", "--config", config, "--no-extract", "--format", "text"),
      runCli("plan", "--config", config, "--no-extract"),
    ]);
    expect(text.stdout).toBe(table.stdout);
    expect(text.stderr).toBe("warning: --format text is deprecated and goes in the next release; use --format table\n");
    expect(table.stderr).toBe("");
    const schema = await runCli("schema", "--format", "text");
    expect([schema.code, schema.stdout]).toEqual([2, ""]);
    expect(schema.stderr).toContain("Allowed choices are markdown, json.");
  });
});

import { Command, CommanderError } from "commander";
import { ConfigError, configErrorReport } from "../config/problems";
import { registerConnector } from "./commands/connector";
import { registerDiff } from "./commands/diff";
import { registerDown } from "./commands/down";
import { registerEcm } from "./commands/ecm";
import { registerEmulator } from "./commands/emulator";
import { registerGateReport } from "./commands/gate-report";
import { registerGithub } from "./commands/github";
import { registerInit } from "./commands/init";
import { registerOkta } from "./commands/okta";
import { registerPlan } from "./commands/plan";
import { registerRegister } from "./commands/register";
import { registerSchema } from "./commands/schema";
import { registerSheet } from "./commands/sheet";
import { registerStatus } from "./commands/status";
import { registerUp } from "./commands/up";
import { registerTenants } from "./commands/tenants";
import { registerVerify } from "./commands/verify";
import { ERROR_CATEGORIES, errorCategory } from "../values/errors";
import { EXIT, processIo, type Io } from "./io";
import { applyInsecureTlsOption, INSECURE_TLS_HELP, INSECURE_TLS_OPTION } from "./insecure-tls";
import { applyCommandWords } from "./command-words";
import { unknownCommand } from "./unknown-command";

const { version } = require("../package.json") as { version: string };

/**
 * The program with every command, writing to `io`; `setExit` gets the exit code a command ends
 * with. `run` uses it; tests walk its commands.
 */
export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("insights-connectors")
    .description("Provision and register BeyondTrust Identity Security Insights connectors as code")
    .version(version)
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .option(INSECURE_TLS_OPTION, INSECURE_TLS_HELP);
  applyInsecureTlsOption(false, io); // nothing carried over from an earlier run in this process
  program.hook("preAction", () => applyInsecureTlsOption(Boolean(program.opts().insecureSkipTlsVerify), io));
  registerInit(program, io, setExit);
  registerPlan(program, io, setExit);
  registerDiff(program, io, setExit);
  registerGateReport(program, io, setExit);
  registerOkta(program, io, setExit);
  registerGithub(program, io, setExit);
  registerRegister(program, io, setExit);
  registerStatus(program, io, setExit);
  registerVerify(program, io, setExit);
  registerSheet(program, io, setExit);
  registerEcm(program, io, setExit);
  registerConnector(program, io, setExit);
  registerEmulator(program, io, setExit);
  registerSchema(program, io, setExit);
  registerUp(program, io, setExit);
  registerDown(program, io, setExit);
  registerTenants(program, io, setExit);
  program.commands.forEach((command) => command.exitOverride());
  applyCommandWords(program);
  return program;
}

/**
 * Runs the CLI and returns its exit code instead of exiting, so tests can call it
 * in-process and `bin/` owns the only `process.exit`.
 */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  const typo = unknownCommand(program, argv);
  if (typo) {
    io.stderr.write(`error: ${typo}\n(run with --help for usage)\n`);
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

/**
 * How a command that threw ends: commander's own errors as commander reports them, a config
 * error located line by line, anything else in one line; the exit code is the error's category's
 * (values/errors.ts), and whatever is not a ToolkitError is `internal`.
 */
function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    const done = ["commander.helpDisplayed", "commander.version", "commander.help"].includes(error.code);
    return done ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof ConfigError) io.stderr.write(configErrorReport(error, "nothing was changed or contacted"));
  else io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return ERROR_CATEGORIES[errorCategory(error)];
}

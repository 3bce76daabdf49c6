import { existsSync } from "node:fs";
import type { Command } from "commander";
import { githubAppBlueprint } from "../../connectors/github/app-manifest";
import type { GithubConnectorConfig } from "../../connectors/github/config";
import { assertCredentialsFileIsNew, credentialsFileHandoff } from "../../providers/github/credentials-file";
import { GithubFlowError, InstallationTimeoutError } from "../../providers/github/errors";
import { hasDrift } from "../../providers/github/permission-report";
import type { CompletedInstallation } from "../../providers/github/manifest-flow/resume";
import { EXIT, UsageError, type Io } from "../io";
import { progressOn, type Progress } from "../progress";
import { chooseOneConnector, positiveNumber } from "../tenant-filter";
import { statePath } from "../../config/local-state";
import { shellLine } from "../../providers/text/shell-word";
import type { FormatOf } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { GITHUB_APP_RENDERERS } from "./github-report";
import { configOption } from "../config-option";

interface TargetOptions {
  config: string;
  tenant: string;
  connector?: string;
  format: FormatOf<typeof GITHUB_APP_RENDERERS>;
}

interface WaitOptions {
  installTimeout: string;
  pollInterval: string;
}

function chooseConnector(options: TargetOptions): { connector: GithubConnectorConfig; stackName: string } {
  const choice = { ...options, name: options.connector, noun: "github connector", flag: "--connector" };
  const planned = chooseOneConnector("github", choice);
  // The catalog provisions every github connector by a stack (its App manifest), named by the plan.
  if (planned.provisioning.mode !== "stack") throw new Error("a github connector without a stack");
  return { connector: planned.config, stackName: planned.provisioning.stackName };
}

const CREATE_APP =
  "create the app from the catalog's manifest, wait for its installation, and check its permissions (exit 3 on drift)";
const RESUME =
  "wait for the installation of an app create-app made, complete its credentials file, and check its permissions";
const VERIFY =
  "compare the installation's permissions with the catalog and complete the credentials file (exit 3 on drift)";
const CREDENTIALS = "the file github create-app wrote (default: .state/github/<stack>.json, where register looks)";

/** Where create-app writes and register looks, unless told otherwise. */
const defaultCredentialsFile = (stackName: string) => statePath("github", `${stackName}.json`);

/** The credentials file resume and verify read: a usage error (exit 2) when there is none. */
function existingCredentialsFile(given: string | undefined, stackName: string): string {
  const file = given ?? defaultCredentialsFile(stackName);
  if (existsSync(file)) return file;
  const what = given === undefined ? `credentials file ${file}` : `--credentials ${file}`;
  throw new UsageError(`${what}: not found; github create-app writes it`);
}

function targetCommand(parent: Command, io: Io, name: string, description: string, tenantRole: string): Command {
  const command = parent
    .command(name)
    .description(description)
    .addOption(configOption())
    .requiredOption("-t, --tenant <name>", `tenant whose github connector to ${tenantRole}`)
    .option("--connector <name>", "connector name, when the tenant has several");
  return addFormatOption(command, GITHUB_APP_RENDERERS, io);
}

function withWaitOptions(command: Command): Command {
  return command
    .option("--install-timeout <seconds>", "how long to wait for the organization installation", "900")
    .option("--poll-interval <seconds>", "how often to look for the installation", "5");
}

function installationWait(options: WaitOptions, lines: Progress) {
  return {
    timeoutMs: positiveNumber(options.installTimeout, "--install-timeout") * 1000,
    pollMs: positiveNumber(options.pollInterval, "--poll-interval") * 1000,
    onProgress: (message: string) => lines.update(message),
  };
}

/** The command line that picks up where an installation wait ran out. */
function resumeCommand(options: TargetOptions, credentials: string, stackName: string): string {
  const words = ["insights-connectors", "github", "resume", "--config", options.config, "--tenant", options.tenant];
  if (options.connector) words.push("--connector", options.connector);
  if (credentials !== defaultCredentialsFile(stackName)) words.push("--credentials", credentials);
  return shellLine(words);
}

function printCompleted(
  io: Io,
  lines: Progress,
  format: TargetOptions["format"],
  completed: CompletedInstallation,
  credentials: string,
): number {
  lines.close();
  const { installedAppUrl, report: permissions } = completed;
  printReport(io, GITHUB_APP_RENDERERS, format, { installedAppUrl, credentials, permissions });
  return hasDrift(permissions) ? EXIT.gate : EXIT.ok;
}

/** `github create-app`, `github resume` and `github verify`: the manifest flow and the permission check. */
export function registerGithub(program: Command, io: Io, setExit: (code: number) => void): void {
  const github = program
    .command("github")
    .description("create the Insights GitHub App with the manifest flow, and verify its permissions");

  withWaitOptions(
    targetCommand(github, io, "create-app", CREATE_APP, "create")
      .option("-o, --out <file>", "new file for the app ID and key, mode 0600 (default: .state/github/<stack>.json)")
      .option("--timeout <seconds>", "how long to wait for GitHub's redirect", "900"),
  ).action(async (options: TargetOptions & WaitOptions & { out?: string; timeout: string }) => {
    const { connector, stackName } = chooseConnector(options);
    const out = options.out ?? defaultCredentialsFile(stackName);
    const lines = progressOn(io);
    const wait = installationWait(options, lines);
    const callbackTimeoutMs = positiveNumber(options.timeout, "--timeout") * 1000;
    await runFlow(lines, setExit, async () => {
      assertCredentialsFileIsNew(out);
      const { createGithubApp } = await import("../../providers/github/manifest-flow/create-app"); // Octokit loads only when used
      try {
        const completed = await createGithubApp(githubAppBlueprint(connector), {
          callbackTimeoutMs,
          installTimeoutMs: wait.timeoutMs,
          pollMs: wait.pollMs,
          onProgress: wait.onProgress,
          say: (line) => lines.say(line),
          handoff: credentialsFileHandoff(out),
        });
        return printCompleted(io, lines, options.format, completed, out);
      } catch (error) {
        if (!(error instanceof InstallationTimeoutError)) throw error;
        const resume = resumeCommand(options, out, stackName);
        throw new GithubFlowError(`${error.message}. Once it is installed, run: ${resume}`);
      }
    });
  });

  withWaitOptions(
    targetCommand(github, io, "resume", RESUME, "resume").option("--credentials <file>", CREDENTIALS),
  ).action(async (options: TargetOptions & WaitOptions & { credentials?: string }) => {
    const { connector, stackName } = chooseConnector(options);
    const credentials = existingCredentialsFile(options.credentials, stackName);
    const lines = progressOn(io);
    const wait = installationWait(options, lines);
    await runFlow(lines, setExit, async () => {
      const { resumeGithubApp } = await import("../../providers/github/manifest-flow/resume");
      const completed = await resumeGithubApp(githubAppBlueprint(connector), credentials, { wait });
      if (completed.recorded) lines.say(`recorded installedAppUrl in ${credentials}`);
      return printCompleted(io, lines, options.format, completed, credentials);
    });
  });

  targetCommand(github, io, "verify", VERIFY, "check")
    .option("--credentials <file>", CREDENTIALS)
    .action(async (options: TargetOptions & { credentials?: string }) => {
      const { connector, stackName } = chooseConnector(options);
      const credentials = existingCredentialsFile(options.credentials, stackName);
      const lines = progressOn(io);
      await runFlow(lines, setExit, async () => {
        const { resumeGithubApp } = await import("../../providers/github/manifest-flow/resume");
        const completed = await resumeGithubApp(githubAppBlueprint(connector), credentials);
        // The file may predate the installation (create-app's wait ran out): complete it here too.
        if (completed.recorded) lines.say(`recorded installedAppUrl in ${credentials}`);
        lines.close();
        printReport(io, GITHUB_APP_RENDERERS, options.format, { permissions: completed.report });
        return hasDrift(completed.report) ? EXIT.gate : EXIT.ok;
      });
    });
}

/** Flow failures are reported in one line with exit 1; anything else propagates. */
async function runFlow(lines: Progress, setExit: (code: number) => void, flow: () => Promise<number>) {
  try {
    setExit(await flow());
  } catch (error) {
    if (!(error instanceof GithubFlowError)) throw error;
    lines.say(`error: ${error.message}`);
    setExit(EXIT.failed);
  } finally {
    lines.close();
  }
}

import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import type { GithubConnectorConfig } from "../../connectors/github/config";
import { githubUrls } from "../../connectors/github/config";
import { assertCredentialsFileIsNew, credentialsFileHandoff, readCredentialsFile } from "../../stacks/github/credentials-file";
import { GithubFlowError } from "../../stacks/github/errors";
import { formatReport, hasDrift } from "../../stacks/github/permission-report";
import { EXIT, UsageError, type Io } from "../io";
import { chooseOneConnector, positiveNumber } from "../tenant-filter";

interface TargetOptions {
  config: string;
  tenant: string;
  connector?: string;
}

function chooseConnector(options: TargetOptions): { connector: GithubConnectorConfig; stackName: string } {
  return chooseOneConnector<GithubConnectorConfig>("github", { ...options, name: options.connector, noun: "github connector", flag: "--connector" });
}

/** `github create-app` and `github verify`: the manifest flow and the permission check. */
export function registerGithub(program: Command, io: Io, setExit: (code: number) => void): void {
  const github = program.command("github").description("create the Insights GitHub App with the manifest flow, and verify its permissions");
  const say = (line: string) => io.stderr.write(`${line}\n`);

  github
    .command("create-app")
    .description("create the app from the catalog's manifest, wait for its installation, and check its permissions (exit 3 on drift)")
    .requiredOption("-c, --config <file>", "tenant config YAML")
    .requiredOption("-t, --tenant <name>", "tenant whose github connector to create")
    .option("--connector <name>", "connector name, when the tenant has several")
    .option("-o, --out <file>", "new file for the app ID and private key, mode 0600 (default: .state/github/<stack>.json, where register looks)")
    .option("--timeout <seconds>", "how long to wait for GitHub's redirect", "900")
    .option("--install-timeout <seconds>", "how long to wait for the organization installation", "900")
    .option("--poll-interval <seconds>", "how often to look for the installation", "5")
    .action(async (options: TargetOptions & { out?: string; timeout: string; installTimeout: string; pollInterval: string }) => {
      const { connector, stackName } = chooseConnector(options);
      const out = options.out ?? join(".state", "github", `${stackName}.json`);
      const timing = {
        callbackTimeoutMs: positiveNumber(options.timeout, "--timeout") * 1000,
        installTimeoutMs: positiveNumber(options.installTimeout, "--install-timeout") * 1000,
        pollMs: positiveNumber(options.pollInterval, "--poll-interval") * 1000,
      };
      await runFlow(io, setExit, async () => {
        assertCredentialsFileIsNew(out);
        mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
        const { createGithubApp } = await import("../../stacks/github/create-app"); // Octokit loads only when used
        const { installedAppUrl, report } = await createGithubApp(connector, { ...timing, say, handoff: credentialsFileHandoff(out) });
        io.stdout.write(`installedAppUrl: ${installedAppUrl}\ncredentials: ${out} (app ID and private key, mode 0600)\n`);
        io.stdout.write(formatReport(report));
        return hasDrift(report) ? EXIT.gate : EXIT.ok;
      });
    });

  github
    .command("verify")
    .description("compare the installation's permissions with the catalog (exit 3 on missing, extra or pending permissions)")
    .requiredOption("-c, --config <file>", "tenant config YAML")
    .requiredOption("-t, --tenant <name>", "tenant whose github connector to check")
    .option("--connector <name>", "connector name, when the tenant has several")
    .requiredOption("--credentials <file>", "the file github create-app wrote")
    .action(async (options: TargetOptions & { credentials: string }) => {
      const { connector } = chooseConnector(options);
      if (!existsSync(options.credentials)) {
        throw new UsageError(`--credentials ${options.credentials}: not found; github create-app writes it (default .state/github/<stack>.json)`);
      }
      await runFlow(io, setExit, async () => {
        const credentials = readCredentialsFile(options.credentials);
        const { verifyInstallation } = await import("../../stacks/github/verify");
        const { report } = await verifyInstallation({
          apiUrl: githubUrls(connector).apiUrl,
          appId: credentials.appId,
          pem: credentials.pem,
          organization: connector.organization,
        });
        io.stdout.write(formatReport(report));
        return hasDrift(report) ? EXIT.gate : EXIT.ok;
      });
    });
}

/** Flow failures are reported in one line with exit 1; anything else propagates. */
async function runFlow(io: Io, setExit: (code: number) => void, flow: () => Promise<number>): Promise<void> {
  try {
    setExit(await flow());
  } catch (error) {
    if (!(error instanceof GithubFlowError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    setExit(EXIT.failed);
  }
}

import type { Command } from "commander";
import { loadConfig } from "../../config/load";
import type { OutputSource } from "../../register/outputs";
import { REGISTER_RENDERERS } from "../../register/report";
import type { FormatOf } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { Deadline } from "../../providers/insights/deadline";
import { insightsProgress } from "../progress";
import { EXIT, UsageError, type Io } from "../io";
import { checkTenantNames, positiveNumber } from "../tenant-filter";
import { statePath } from "../../config/local-state";
import { configOption } from "../config-option";

interface RegisterOptions {
  config: string;
  tenant?: string[];
  dryRun?: boolean;
  format: FormatOf<typeof REGISTER_RENDERERS>;
  concurrency: string;
  settleTimeout: string;
  requestTimeout: string;
  timeout: string;
  outputs?: string[];
  cdktfOut: string;
  githubDir: string;
  pulumiState: string;
  sheetDir: string;
  syntheticOutputs?: boolean;
  emulator?: string;
  revealSecrets?: boolean;
  fromCloudformation?: boolean;
}

/** Output sources in the order they are asked: explicit files first, then each engine's own. */
async function outputSources(options: RegisterOptions): Promise<OutputSource[]> {
  if (options.syntheticOutputs)
    return [(await import("../../register/synthetic")).syntheticOutputSource(statePath("synthetic-key.pem"))];
  const {
    cloudFormationOutputSource,
    githubCredentialsSource,
    outputsFileSource,
    pulumiOutputSource,
    terraformOutputSource,
  } = await import("../../register/outputs");
  return [
    ...(options.outputs ?? []).map((file) => {
      try {
        return outputsFileSource(file);
      } catch (error) {
        throw new UsageError(
          `cannot read outputs file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
    }),
    ...(options.fromCloudformation ? [cloudFormationOutputSource()] : []),
    terraformOutputSource(options.cdktfOut),
    githubCredentialsSource(options.githubDir),
    pulumiOutputSource(options.pulumiState),
  ];
}

/** `register`: every connector of the selected tenants into Insights, idempotently, then connectivity. */
export function registerRegister(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("register")
    .description(
      "register every connector as an Insights connector (create, update changed fields, leave the rest), then report connectivity",
    )
    .addOption(configOption())
    .option(
      "--emulator <url>",
      "talk to a local Insights emulator instead of each tenant's target (e.g. http://127.0.0.1:8080)",
    )
    .option("-t, --tenant <name...>", "only these tenants (default: all)")
    .option("--dry-run", "show what would change; make no call that changes anything");
  addFormatOption(command, REGISTER_RENDERERS, io)
    .option("--concurrency <n>", "connectors registered at once", "4")
    .option("--settle-timeout <seconds>", "how long to wait for each connector's first connectivity check", "120")
    .option("--request-timeout <seconds>", "deadline of one API call, its retries and waits included", "60")
    .option(
      "--timeout <seconds>",
      "deadline of the whole run: calls and connectivity waits stop when it passes",
      "1800",
    )
    .option(
      "--outputs <file...>",
      "stack outputs as JSON ({stack: {output: value}}, e.g. from cdk deploy --outputs-file)",
    )
    .option(
      "--from-cloudformation",
      "read AWS stacks' outputs with CloudFormation DescribeStacks (AWS credentials from the environment)",
    )
    .option("--cdktf-out <dir>", "synthesized CDKTF stacks, read with terraform output", "cdktf.out")
    .option("--github-dir <dir>", "GitHub App credentials files, <stack>.json", statePath("github"))
    .option("--pulumi-state <dir>", "local Pulumi state of the Okta stacks", statePath("pulumi"))
    .option("--sheet-dir <dir>", "where the sheet adapter writes", "registration-sheets")
    .option(
      "--reveal-secrets",
      "sheet adapter: also print the sheets with secret values, to a terminal only (files stay masked)",
    )
    .option(
      "--synthetic-outputs",
      "try it without deploying: made-up stack outputs, and made-up values for secrets not set (with --emulator only)",
    )
    .action(async (options: RegisterOptions) => {
      const config = loadConfig(options.config);
      checkTenantNames(config, options.tenant, options.config);
      if (options.revealSecrets && !io.stdout.isTTY) {
        throw new UsageError(
          "--reveal-secrets prints secrets and only does so to a terminal; stdout is redirected, so nothing was revealed",
        );
      }
      // A machine format is kept, piped or posted: it never carries a secret value.
      if (options.revealSecrets && options.format !== "table")
        throw new UsageError(
          `--reveal-secrets prints the sheets in the table format only, not --format ${options.format}`,
        );
      if (options.syntheticOutputs && !options.emulator)
        throw new UsageError(
          "--synthetic-outputs only goes with --emulator: made-up outputs never go to a real tenant",
        );
      const preflight = await import("../../register/preflight");
      // The try path: made-up outputs, and made-up values for unset secrets (--emulator only, checked above).
      const env = options.syntheticOutputs
        ? (await import("../../register/synthetic")).withSyntheticSecrets(
            process.env,
            preflight.envReferenceNames(config),
          )
        : process.env;
      // Every secret reference of the selected tenants, resolved before any call: all problems at once.
      preflight.checkSecretsResolve(config, {
        tenants: options.tenant,
        env,
        emulatorUrl: options.emulator,
        revealSecrets: options.revealSecrets,
      });
      const concurrency = positiveNumber(options.concurrency, "--concurrency");
      const settleTimeoutMs = positiveNumber(options.settleTimeout, "--settle-timeout") * 1000;
      const timeoutMs = positiveNumber(options.requestTimeout, "--request-timeout") * 1000;
      const deadline = new Deadline(positiveNumber(options.timeout, "--timeout") * 1000);
      // Loaded here, not at start-up: every other command would pay for the registration stage.
      const [{ registerConfig }, sources] = await Promise.all([import("../../register/run"), outputSources(options)]);
      const { progress, onRetry } = insightsProgress(io);
      let done = 0;
      const run = await registerConfig(config, {
        tenants: options.tenant,
        dryRun: Boolean(options.dryRun),
        concurrency,
        settleTimeoutMs,
        pollMs: 1000,
        deadline,
        progress,
        http: { timeoutMs, runDeadline: deadline, onRetry },
        outputSources: sources,
        env,
        sheetDir: options.sheetDir,
        emulatorUrl: options.emulator,
        revealSecrets: options.revealSecrets,
        onResult: (result) =>
          progress.status(`${(done += 1)} connector(s) done, last: ${result.tenant}/${result.name} ${result.action}`),
      }).finally(() => progress.close());
      printReport(io, REGISTER_RENDERERS, options.format, { ...run, dryRun: Boolean(options.dryRun) });
      const bad = run.results.some((r) => r.action === "failed" || r.connectivity === "Failed");
      setExit(bad ? EXIT.failed : EXIT.ok);
    });
}

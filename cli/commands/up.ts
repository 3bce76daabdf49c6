import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { loadConfig } from "../../config/load";
import type { ToolkitConfig } from "../../config/types";
import type { EngineFor } from "../../lifecycle/engine-port";
import type { UpConnectorOutcome, UpReport } from "../../lifecycle/up";
import { Deadline } from "../../providers/insights/deadline";
import { printable } from "../../providers/text/printable";
import { statePath } from "../../config/local-state";
import { jsonDocument, type FormatOf, type Renderers } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { insightsProgress } from "../progress";
import { EXIT, UsageError, type Io } from "../io";
import { interruptible } from "../interruptible-run";
import { previewLines } from "../preview-text";
import { checkTenantNames, positiveNumber } from "../tenant-filter";
import { configOption } from "../config-option";

/** Options `up` and `down` share: the tenant, where its engines keep state, the Insights target. */
export interface LifecycleOptions {
  config: string;
  tenant: string;
  yes?: boolean;
  emulator?: string;
  stateDir: string;
  cdktfOut: string;
  cdkMethod?: "direct" | "change-set";
  requestTimeout: string;
  timeout: string;
}

interface UpOptions extends LifecycleOptions {
  format: FormatOf<typeof UP_RENDERERS>;
  dryRun?: boolean;
  preview: "engine" | "synthesized";
  settleTimeout: string;
  sheetDir: string;
}

/** Adds the options `up` and `down` share. */
export function lifecycleOptions(command: Command): Command {
  return command
    .addOption(configOption())
    .requiredOption("-t, --tenant <name>", "the tenant to act on (one per run; CI runs one job per tenant)")
    .option(
      "--yes",
      "make the changes without asking (required: there is no prompt, so CI and a terminal behave alike)",
    )
    .option(
      "--emulator <url>",
      "talk to a local Insights emulator instead of the tenant's target (e.g. http://127.0.0.1:8080)",
    )
    .option(
      "--state-dir <dir>",
      "engines' local state: Terraform and Pulumi state, GitHub App credentials",
      statePath(),
    )
    .option("--cdktf-out <dir>", "where CDKTF stacks are synthesized and applied", "cdktf.out")
    .addOption(
      new Option(
        "--cdk-method <method>",
        "how the CDK toolkit deploys AWS stacks (direct: CreateStack, for CloudFormation emulators)",
      ).choices(["direct", "change-set"]),
    )
    .addOption(
      new Option(
        "--preview <source>",
        "with --dry-run: engine (each engine's own read-only preview where it can run one here, else the " +
          "synthesized resources) or synthesized (never ask a cloud)",
      )
        .choices(["engine", "synthesized"])
        .default("engine"),
    )
    .option("--request-timeout <seconds>", "deadline of one Insights API call, its retries included", "60")
    .option("--timeout <seconds>", "deadline of the whole run", "3600");
}

/** The config, checked, with the one tenant named; a usage error otherwise (nothing contacted). */
export function lifecycleConfig(options: LifecycleOptions): ToolkitConfig {
  const config = loadConfig(options.config);
  checkTenantNames(config, [options.tenant], options.config);
  return config;
}

/** Refuses a run that changes things without `--yes`: exit 2, nothing changed. */
export function requireYes(options: { yes?: boolean }, command: string, hint: string): void {
  if (options.yes) return;
  throw new UsageError(`${command} changes clouds and Insights; add --yes to go ahead (${hint}). Nothing was changed.`);
}

/**
 * Each kind's engine (kinds/engines.ts) bound to this run's config file and state folders; loaded
 * on use, as every command loads its stage, so other commands do not pay for the engine layer.
 */
export async function lifecycleEngines(options: LifecycleOptions): Promise<EngineFor> {
  const { engineResolver } = await import("../../kinds/engines");
  const { stateDir, cdktfOut, cdkMethod } = options;
  return engineResolver({ file: options.config }, { stateDir, cdktfOut, cdkMethod, env: process.env });
}

/** `up`: every connector of a tenant from nothing to Connected, through each stack's own engine. */
export function registerUp(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = lifecycleOptions(
    program
      .command("up")
      .description(
        "per connector, in config order: get what the source needs from Insights (the AWS external ID), deploy its " +
          "stack with its engine, register the outputs, wait for Connected; rotates keys that are due. Re-run to resume",
      ),
  );
  addFormatOption(command, UP_RENDERERS, io)
    .option(
      "--dry-run",
      "change nothing: print each connector's ordered steps and its stack's preview (the engine's own where " +
        "credentials are present, else the synthesized resources); Insights is not contacted",
    )
    .option("--settle-timeout <seconds>", "how long to wait for each connector's first connectivity check", "300")
    .option("--sheet-dir <dir>", "sheet tenants: where the registration sheets are written", "registration-sheets")
    .action(async (options: UpOptions) => {
      const config = lifecycleConfig(options);
      if (!options.dryRun) {
        requireYes(options, "up", "run with --dry-run first to see every step");
        // Every secret the registrations will send, resolved before any engine runs: all problems at once.
        const { checkSecretsResolve } = await import("../../register/preflight");
        checkSecretsResolve(config, { tenants: [options.tenant], env: process.env, emulatorUrl: options.emulator });
      }
      const deadline = new Deadline(positiveNumber(options.timeout, "--timeout") * 1000);
      const settleTimeoutMs = positiveNumber(options.settleTimeout, "--settle-timeout") * 1000;
      const timeoutMs = positiveNumber(options.requestTimeout, "--request-timeout") * 1000;
      const engineFor = await lifecycleEngines(options);
      const [{ upTenant }, { keyRotationFor, engineKeySlotSources }, { recordCredential }, { rotationOutputsOf }] =
        await Promise.all([
          import("../../lifecycle/up"),
          import("../../lifecycle/key-rotations"),
          import("../../lifecycle/rotation/credential-record"),
          import("../../kinds/rotation"),
        ]);
      const slotSources = engineKeySlotSources({
        cdktfOut: resolve(options.cdktfOut),
        stateDir: resolve(options.stateDir),
      });
      const { progress, onRetry } = insightsProgress(io);
      const lifecycle = { ...options, command: "up" as const, dryRun: Boolean(options.dryRun), deadline };
      const run = await interruptible(io, progress, lifecycle, (stop) =>
        upTenant(config, options.tenant, {
          engineFor,
          dryRun: Boolean(options.dryRun),
          preview: {
            mode: options.preview,
            // A preview plans with the key generations the stack holds now, as a deploy that rotates nothing would.
            parameters: async (planned, engine) => {
              const rotation = keyRotationFor(planned.config, engine, slotSources);
              if (rotation?.by !== "key-slots") return undefined; // a window rotation has no parameters
              return rotation.parameters((await rotation.read()) ?? rotation.first(new Date()));
            },
          },
          env: process.env,
          emulatorUrl: options.emulator,
          http: { timeoutMs, runDeadline: deadline, onRetry },
          settle: { settleTimeoutMs, pollMs: 1000, deadline, progress },
          sheetDir: options.sheetDir,
          rotationFor: (planned, engine) => keyRotationFor(planned.config, engine, slotSources),
          rotationOutputs: rotationOutputsOf,
          recordCredential: (connector, record) => recordCredential(options.tenant, connector, record),
          // An interrupt ends the deadline: the engine, the calls to Insights and the wait for its check all stop.
          signal: deadline.signal,
          insist: stop.insist,
          onStep: (line) => progress.note(printable(line)),
          onEngineOutput: (line) => progress.note(`  ${printable(line)}`),
        }).then((report) => ({ report, stoppedIn: report.interrupted })),
      );
      if (!run.report) return setExit(EXIT.interrupted);
      printReport(io, UP_RENDERERS, options.format, run.report);
      const failed = run.report.connectors.some((c) => c.outcome === "failed" || c.outcome === "interrupted");
      setExit(run.signalled ? EXIT.interrupted : failed ? EXIT.failed : EXIT.ok);
    });
}

/** What `up` did (or, dry, would do), per connector: its outcome, its steps, and with a dry run its preview. */
export function upText(report: UpReport): string {
  const lines = [
    report.dryRun
      ? `up --dry-run for ${report.tenant}: nothing was changed, and Insights was not contacted`
      : `up for ${report.tenant}:`,
  ];
  for (const connector of report.connectors) {
    lines.push(`${connector.name} (${connector.kind}): ${outcomeText(connector)}`);
    connector.steps.forEach((step, i) => lines.push(`  ${i + 1}. ${printable(step)}`));
    if (connector.preview) lines.push(...previewLines(connector.preview, "deploy"));
    if (connector.previewError) lines.push(`  no preview: ${printable(connector.previewError)}`);
  }
  for (const sheet of report.sheets) lines.push(`sheet: ${sheet}`);
  const stopped = report.interrupted;
  if (stopped) {
    const where = stopped.connector ? ` in ${stopped.connector}: ${stopped.step ?? "its first step"}` : "";
    lines.push(`interrupted (${printable(stopped.reason)})${printable(where)}; run up again to resume`);
  }
  return `${lines.join("\n")}\n`;
}

function outcomeText(connector: UpConnectorOutcome): string {
  const registration = connector.registration;
  if (connector.outcome === "failed") return `FAILED: ${printable(connector.detail ?? registration?.detail ?? "")}`;
  if (connector.outcome === "interrupted") return `INTERRUPTED: ${printable(connector.detail ?? "")}`;
  if (connector.outcome === "not-run") return "not run: the run was interrupted before it";
  if (connector.outcome === "planned") return "would run:";
  if (connector.outcome === "sheet") return "deployed; register it from its sheet";
  const collector = registration?.installation;
  const installation = collector
    ? `; install the Insights Collector from ${collector.installerUrl} with installation key ${collector.key}`
    : "";
  return `${registration?.action}, ${registration?.connectivity ?? "connectivity unknown"}${installation}`;
}

/** `up`'s formats: the steps per connector, or the report as JSON (steps, outcomes, registrations). */
const UP_RENDERERS = {
  table: (report) => upText(report),
  json: (report) => jsonDocument(report),
} satisfies Renderers<UpReport, "table" | "json">;

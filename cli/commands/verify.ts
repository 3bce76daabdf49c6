import type { Command } from "commander";
import { CATALOG } from "../../connectors/catalog";
import { statePath } from "../../config/local-state";
import { loadConfig } from "../../config/load";
import type { FormatOf } from "../../values/report-format";
import { outcomeOf, prepared, VERIFY_RENDERERS } from "../../verify/render";
import { addFormatOption, printReport } from "../formats";
import { EXIT, UsageError, type Io } from "../io";
import { checkTenantNames, positiveNumber, suggestions } from "../tenant-filter";
import { configOption } from "../config-option";

interface VerifyCliOptions {
  config: string;
  tenant?: string[];
  kind?: string[];
  format: FormatOf<typeof VERIFY_RENDERERS>;
  githubDir: string;
  emulator?: string;
  skipConnectivity?: boolean;
  allowUnverified?: boolean;
  requestTimeout: string;
  retries: string;
  sourceTimeout: string;
}

/** verify's exit code: 3 drift or a Failed connector, 1 unreadable, 4 kinds without a reader, 0 all verified. */
export function verifyExitCode(
  outcome: "drift" | "unreadable" | "incomplete" | "verified",
  allowUnverified: boolean,
): number {
  if (outcome === "drift") return EXIT.gate;
  if (outcome === "unreadable") return EXIT.failed;
  if (outcome === "incomplete") return allowUnverified ? EXIT.ok : EXIT.incomplete;
  return EXIT.ok;
}

function checkKinds(kinds: readonly string[] | undefined): void {
  const known: string[] = CATALOG.map((k) => k.kind);
  const unknown = (kinds ?? []).filter((k) => !known.includes(k));
  if (unknown.length)
    throw new UsageError(
      `unknown --kind ${unknown.join(", ")}; kinds are: ${known.join(", ")}${suggestions(unknown, known)}`,
    );
}

/** `verify`: read every deployed connector's real grants back from its source and report drift from the catalog. */
export function registerVerify(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("verify")
    .description(
      "read each deployed connector's real grants from its source and compare them with the catalog " +
        "(exit 3 on drift or a Failed connector, 1 if a source could not be read, 4 if some kinds have no reader yet)",
    )
    .addOption(configOption())
    .option("-t, --tenant <name...>", "only these tenants (default: all)")
    .option("-k, --kind <kind...>", "only connectors of these kinds (default: all)");
  addFormatOption(command, VERIFY_RENDERERS, io)
    .option("--github-dir <dir>", "GitHub App credentials files, <stack>.json", statePath("github"))
    .option("--emulator <url>", "ask a local Insights emulator for connectivity instead of each tenant's target")
    .option("--skip-connectivity", "do not ask Insights for each connector's connectivity")
    .option("--allow-unverified", "exit 0 instead of 4 when the only gap is kinds without a reader (still listed)")
    .option("--request-timeout <seconds>", "deadline of one request to a source", "20")
    .option("--retries <n>", "retries of one failed request (0-10)", "2")
    .option("--source-timeout <seconds>", "deadline of reading one connector, every request included", "120")
    .action(async (options: VerifyCliOptions) => {
      const config = loadConfig(options.config);
      checkTenantNames(config, options.tenant, options.config);
      checkKinds(options.kind);
      const retries = Number(options.retries);
      if (!Number.isInteger(retries) || retries < 0 || retries > 10)
        throw new UsageError(`--retries must be 0 to 10, got ${options.retries}`);
      const limits = {
        requestTimeoutMs: positiveNumber(options.requestTimeout, "--request-timeout") * 1000,
        maxAttempts: retries + 1,
        sourceTimeoutMs: positiveNumber(options.sourceTimeout, "--source-timeout") * 1000,
      };
      // The AWS SDK warns on every Node below 22 that its 2027 releases will need 22: noise in a report.
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
      // Loaded here, not at start-up: the vendor SDKs cost every other command nothing.
      const { verifyConfig } = await import("../../verify/run");
      const { READERS } = await import("../../kinds/registry");
      const verdicts = prepared(
        await verifyConfig(config, {
          tenants: options.tenant,
          kinds: options.kind,
          env: process.env,
          githubDir: options.githubDir,
          limits,
          emulatorUrl: options.emulator,
          skipConnectivity: options.skipConnectivity,
          readers: READERS,
        }),
      );
      if (verdicts.length === 0) throw new UsageError(`no connector in ${options.config} matches --tenant/--kind`);
      const exitCode = verifyExitCode(outcomeOf(verdicts), Boolean(options.allowUnverified));
      printReport(io, VERIFY_RENDERERS, options.format, { verdicts, exitCode });
      setExit(exitCode);
    });
}

import type { Command } from "commander";
import { statePath } from "../../config/local-state";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import type { Plan } from "../../plan/model";
import { plannedConnectors } from "../../plan/select";
import { PLAN_RENDERERS } from "../../plan/renderers";
import type { FormatOf } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { EXIT, UsageError, type Io } from "../io";
import { checkTenantNames } from "../tenant-filter";
import { configOption } from "../config-option";

interface PlanOptions {
  config: string;
  format: FormatOf<typeof PLAN_RENDERERS>;
  tenant?: string[];
  extract: boolean;
  cache: boolean;
  cacheDir: string;
  artifactsDir?: string;
}

/** `plan`: what would be provisioned and registered, with every grant and its origin. */
export function registerPlan(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("plan")
    .description(
      "show, per tenant and connector, what will be provisioned and every grant with its origin (reads no secret, contacts nothing)",
    )
    .addOption(configOption());
  addFormatOption(command, PLAN_RENDERERS, io)
    .option("-t, --tenant <name...>", "only these tenants (default: all)")
    .option("--no-extract", "skip synthesizing the stacks to check their grants against the catalog (faster)")
    .option("--no-cache", "synthesize every stack, ignoring grants extracted by earlier plans")
    .option(
      "--cache-dir <dir>",
      "where extracted grants are kept, by a hash of everything they depend on",
      statePath("plan-cache"),
    )
    .option(
      "--artifacts-dir <dir>",
      "also write every synthesized artifact to this new folder, as data for a pull request's gate (diff --head-artifacts); synthesizes every stack, uncached",
    )
    .action(async (options: PlanOptions) => {
      const config = loadConfig(options.config);
      checkTenantNames(config, options.tenant, options.config);
      let plan = buildPlan(config, options.tenant);
      if (options.artifactsDir) {
        if (!options.extract) throw new UsageError("--artifacts-dir synthesizes the stacks: drop --no-extract");
        plan = await planWritingArtifacts(plan, options.artifactsDir);
      } else if (options.extract) {
        // Loaded here: the engines' libraries take seconds to load, and --no-extract never needs them.
        // A stack that grants other than its catalog is a GrantConsistencyError: exit 1 (cli/program.ts).
        const { withExtractedGrants } = await import("../../review/attach");
        const { GrantCache } = await import("../../review/grant-cache");
        const { planSynthesis } = await import("../../kinds/plan-synthesis");
        plan = await withExtractedGrants(plan, {
          ...planSynthesis(),
          cache: options.cache ? GrantCache.open({ dir: options.cacheDir }) : undefined,
        });
      }
      printReport(io, PLAN_RENDERERS, options.format, plan);
      setExit(EXIT.ok);
    });
}

/**
 * The plan with its grants read back, after writing every artifact to `dir`: written first, so
 * a gate's judge gets them (and says why) even when this code's stacks and catalog disagree.
 */
async function planWritingArtifacts(plan: Plan, dir: string): Promise<Plan> {
  const { attachArtifacts, extractOrExplain, withoutDrift } = await import("../../review/attach");
  const { writeArtifactFolder } = await import("../../review/artifact-folder");
  const { planSynthesis } = await import("../../kinds/plan-synthesis");
  const extracted = await extractOrExplain(plan, { ...planSynthesis(), keep: true });
  writeArtifactFolder(dir, plannedConnectors(plan), extracted.synthesized!);
  return withoutDrift(attachArtifacts(plan, extracted));
}

import { Option, type Command } from "commander";
import { statePath } from "../../config/local-state";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import type { Plan } from "../../plan/model";
import { renderJson } from "../../plan/render-json";
import { renderMarkdown } from "../../plan/render-markdown";
import { renderTable } from "../../plan/render-table";
import { EXIT, type Io } from "../io";
import { checkTenantNames } from "../tenant-filter";

export const PLAN_FORMATS = ["table", "markdown", "json"] as const;

interface PlanOptions {
  config: string;
  format: (typeof PLAN_FORMATS)[number];
  tenant?: string[];
  extract: boolean;
  cache: boolean;
  cacheDir: string;
}

/** One closing line: how much was read back out of the synthesized stacks, all equal to the catalog. */
function extractionSummary(plan: Plan): string {
  const grants = plan.tenants.flatMap((t) => t.connectors.flatMap((c) => c.extractedGrants ?? []));
  // An artifact is named "FILE RESOURCE-PATH"; count the files.
  const artifacts = new Set(grants.map((g) => g.artifact.split(" ")[0])).size;
  return `The extracted grants matched the catalog: ${grants.length} grants read back from ${artifacts} synthesized artifact${artifacts === 1 ? "" : "s"}.`;
}

/** `plan`: what would be provisioned and registered, with every grant and its origin. */
export function registerPlan(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("plan")
    .description(
      "show, per tenant and connector, what will be provisioned and every grant with its origin (reads no secret, contacts nothing)",
    )
    .requiredOption("-c, --config <file>", "tenant config YAML")
    .addOption(new Option("-f, --format <format>", "output format").choices(PLAN_FORMATS).default("table"))
    .option("-t, --tenant <name...>", "only these tenants (default: all)")
    .option("--no-extract", "skip synthesizing the stacks to check their grants against the catalog (faster)")
    .option("--no-cache", "synthesize every stack, ignoring grants extracted by earlier plans")
    .option(
      "--cache-dir <dir>",
      "where extracted grants are kept, by a hash of everything they depend on",
      statePath("plan-cache"),
    )
    .action(async (options: PlanOptions) => {
      const config = loadConfig(options.config);
      checkTenantNames(config, options.tenant, options.config);
      let plan = buildPlan(config, options.tenant);
      if (options.extract) {
        // Loaded here: the engines' libraries take seconds to load, and --no-extract never needs them.
        // A stack that grants other than its catalog is a GrantConsistencyError: exit 1 (cli/program.ts).
        const { withExtractedGrants } = await import("../../review/attach");
        const { GrantCache } = await import("../../review/grant-cache");
        plan = await withExtractedGrants(plan, config, {
          cache: options.cache ? GrantCache.open({ dir: options.cacheDir }) : undefined,
        });
      }
      const text =
        options.format === "json"
          ? renderJson(plan)
          : options.format === "markdown"
            ? renderMarkdown(plan)
            : renderTable(plan, io.stdout.columns ?? 100);
      io.stdout.write(text);
      if (options.extract && options.format !== "json") io.stdout.write(`\n${extractionSummary(plan)}\n`);
      setExit(EXIT.ok);
    });
}

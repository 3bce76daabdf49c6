import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Command } from "commander";
import { loadConfig, parseConfig } from "../../config/load";
import type { ToolkitConfig } from "../../config/types";
import { buildPlan } from "../../plan/build";
import type { Plan, PlanRecord } from "../../plan/model";
import { diffPlans } from "../../review/diff";
import { DIFF_RENDERERS } from "../../review/render-diff";
import type { FormatOf } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { EXIT, UsageError, type Io } from "../io";
import { checkTenantNames } from "../tenant-filter";

interface DiffOptions {
  config: string;
  base: string;
  head?: string;
  headArtifacts?: string;
  tenant?: string[];
  format: FormatOf<typeof DIFF_RENDERERS>;
  allowEscalation?: boolean;
}

function readPlanFile(path: string): PlanRecord {
  let plan: PlanRecord;
  try {
    plan = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    throw new UsageError(`${path} is not a plan: run plan --format json to make one`);
  }
  if (plan?.planVersion !== 1 || !Array.isArray(plan.tenants))
    throw new UsageError(`${path} is not a plan (planVersion 1): run plan --format json to make one`);
  return plan;
}

/** The config as it was at a git ref, parsed with today's code. */
function configAtRef(ref: string, configPath: string): ToolkitConfig {
  const show = spawnSync("git", ["show", `${ref}:./${configPath.replace(/^\.\//, "")}`], {
    encoding: "utf8",
    cwd: process.cwd(),
  });
  if (show.status !== 0)
    throw new UsageError(
      `--base ${ref}: neither a plan file nor a git ref holding ${configPath} (${show.stderr.trim().split("\n")[0]})`,
    );
  return parseConfig(show.stdout, `${ref}:${configPath}`, dirname(configPath));
}

async function planOf(config: ToolkitConfig, tenants?: string[]): Promise<Plan> {
  const { withExtractedGrants } = await import("../../review/attach");
  const { planSynthesis } = await import("../../kinds/plan-synthesis");
  return withExtractedGrants(buildPlan(config, tenants), planSynthesis());
}

/** The head's plan from its artifacts, read by this code (review/judge-artifacts.ts). */
async function planFromArtifactFolder(config: ToolkitConfig, dir: string, tenants?: string[]): Promise<Plan> {
  const { planFromArtifacts } = await import("../../review/judge-artifacts");
  const { planSynthesis } = await import("../../kinds/plan-synthesis");
  return planFromArtifacts(buildPlan(config, tenants), dir, planSynthesis());
}

/** `diff`: what a change does to the permissions, for a pull request; exit 3 on escalation. */
export function registerDiff(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("diff")
    .description(
      "compare the permissions of two plans: added, removed and changed grants, trust, scope and secret lifetime (exit 3 on escalation)",
    )
    .requiredOption("-c, --config <file>", "tenant config YAML (the head side)")
    .requiredOption(
      "--base <plan.json|git-ref>",
      "the base: a plan --format json file, or a git ref whose version of --config is planned",
    )
    .option("--head <plan.json>", "a plan file for the head side instead of planning --config")
    .option(
      "--head-artifacts <dir>",
      "judge the head from these artifacts (the head's plan --artifacts-dir) instead of synthesizing: this code plans --config and reads every grant",
    )
    .option("-t, --tenant <name...>", "only these tenants (default: all)");
  addFormatOption(command, DIFF_RENDERERS, io)
    .option("--allow-escalation", "report escalations but exit 0")
    .action(async (options: DiffOptions) => {
      if (options.head && options.headArtifacts)
        throw new UsageError("--head and --head-artifacts both give the head: give one");
      const config = loadConfig(options.config);
      checkTenantNames(config, options.tenant, options.config);
      const { GrantConsistencyError } = await import("../../review/attach");
      let head: PlanRecord;
      let base: PlanRecord;
      try {
        head = options.head
          ? readPlanFile(options.head)
          : options.headArtifacts
            ? await planFromArtifactFolder(config, options.headArtifacts, options.tenant)
            : await planOf(config, options.tenant);
        base = existsSync(options.base)
          ? readPlanFile(options.base)
          : await planOf(configAtRef(options.base, options.config), options.tenant);
      } catch (error) {
        // A stack that grants other than its catalog (say, write where the catalog says read) is drift: the gate trips.
        if (!(error instanceof GrantConsistencyError)) throw error;
        io.stderr.write(`error: ${error.message}\n`);
        setExit(EXIT.gate);
        return;
      }
      const only = (plan: PlanRecord): PlanRecord => ({
        ...plan,
        tenants: plan.tenants.filter((t) => !options.tenant || options.tenant.includes(t.name)),
      });
      const diff = diffPlans(only(base), only(head));
      printReport(io, DIFF_RENDERERS, options.format, diff);
      setExit(diff.escalations.length && !options.allowEscalation ? EXIT.gate : EXIT.ok);
    });
}

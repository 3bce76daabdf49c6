import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Command } from "commander";
import { fieldLines } from "../../config/field-lines";
import { loadConfigAndText, parseConfig } from "../../config/load";
import type { ToolkitConfig } from "../../config/types";
import { buildPlan } from "../../plan/build";
import type { Plan, PlanRecord } from "../../plan/model";
import type { CheckedPlan, ConnectorDrift } from "../../review/attach";
import { formatMismatches } from "../../review/consistency";
import { diffPlans, type DiffSide, type PlanDiff } from "../../review/diff";
import { DIFF_RENDERERS } from "../../review/render-diff";
import type { FormatOf } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { EXIT, UsageError, type Io } from "../io";
import { checkTenantNames } from "../tenant-filter";
import { configOption } from "../config-option";

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

/** The config text as it was at a git ref. */
function configTextAtRef(ref: string, configPath: string): string {
  const show = spawnSync("git", ["show", `${ref}:./${configPath.replace(/^\.\//, "")}`], {
    encoding: "utf8",
    cwd: process.cwd(),
  });
  if (show.status !== 0)
    throw new UsageError(
      `--base ${ref}: neither a plan file nor a git ref holding ${configPath} (${show.stderr.trim().split("\n")[0]})`,
    );
  return show.stdout;
}

/**
 * A config planned with its artifacts read back and checked against the catalog. Never from the
 * plan cache: in CI the cache folder is writable by the pull request under review, and an entry
 * it planted would decide what the gate sees. Each side is synthesized afresh.
 */
async function planOf(config: ToolkitConfig, tenants?: string[]): Promise<CheckedPlan> {
  const { checkedPlan } = await import("../../review/attach");
  const { planSynthesis } = await import("../../kinds/plan-synthesis");
  return checkedPlan(buildPlan(config, tenants), planSynthesis());
}

/** One side of the diff: its plan, where its config lines are, and the drift found while planning it. */
interface Side {
  readonly plan: PlanRecord;
  readonly source: DiffSide;
  readonly drift: readonly ConnectorDrift[];
}

async function headSide(options: DiffOptions, config: ToolkitConfig, configText: string): Promise<Side> {
  if (options.head) return { plan: readPlanFile(options.head), source: { file: options.head }, drift: [] };
  const lineOf = fieldLines(configText);
  if (options.headArtifacts) {
    // A pull request's gate: this code plans the head's config and reads the head's artifacts; no drift
    // is looked for, this code's catalog is not the head's (review/judge-artifacts.ts).
    const plan = await planFromArtifactFolder(config, options.headArtifacts, options.tenant);
    return { plan, source: { file: options.config, lineOf }, drift: [] };
  }
  const { plan, drift } = await planOf(config, options.tenant);
  return { plan, source: { file: options.config, lineOf }, drift };
}

/** The head's plan from its artifacts, read by this code (review/judge-artifacts.ts). */
async function planFromArtifactFolder(config: ToolkitConfig, dir: string, tenants?: string[]): Promise<Plan> {
  const { planFromArtifacts } = await import("../../review/judge-artifacts");
  const { planSynthesis } = await import("../../kinds/plan-synthesis");
  return planFromArtifacts(buildPlan(config, tenants), dir, planSynthesis());
}

async function baseSide(options: DiffOptions): Promise<Side> {
  if (existsSync(options.base)) return { plan: readPlanFile(options.base), source: { file: options.base }, drift: [] };
  const text = configTextAtRef(options.base, options.config);
  const file = `${options.base}:${options.config}`;
  const { plan, drift } = await planOf(parseConfig(text, file, dirname(options.config)), options.tenant);
  return { plan, source: { file, lineOf: fieldLines(text) }, drift };
}

/** Every drifting grant of both sides, a line each, for the job log. */
function driftLines(...sides: Side[]): string {
  const prefix = (side: Side) => (side === sides[1] ? "base " : "");
  return sides
    .flatMap((side) => side.drift.map((d) => formatMismatches(`${prefix(side)}${d.tenant}/${d.name}`, d.mismatches)))
    .join("\n");
}

/** A report of why no diff could be made: every format prints one, so a pull-request comment says why. */
function failureReport(side: "base" | "head" | undefined, error: unknown): PlanDiff {
  const message = error instanceof Error ? error.message : String(error);
  return {
    connectors: [],
    escalations: [],
    edges: [],
    failure: { ...(side ? { side } : {}), problems: message.split("\n") },
  };
}

/** `diff`: what a change does to the permissions, for a pull request; exit 3 on escalation. */
export function registerDiff(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("diff")
    .description(
      "compare two plans: grants, scope, trust (principals, boundary, session, owners), where each secret goes, " +
        "and secret lifetime, matching connectors by their stack; exit 3 on escalation (never reads the plan cache)",
    )
    .addOption(configOption("tenant config YAML (the head side)"))
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
    .option("--allow-escalation", "report escalations but exit 0 (drift between catalog and artifacts still exits 3)")
    .action(async (options: DiffOptions) => {
      if (options.head && options.headArtifacts)
        throw new UsageError("--head and --head-artifacts both give the head: give one");
      let stage: "base" | "head" | undefined = "head";
      try {
        const { config, text } = loadConfigAndText(options.config);
        checkTenantNames(config, options.tenant, options.config);
        const head = await headSide(options, config, text);
        stage = "base";
        const base = await baseSide(options);
        stage = undefined;
        const only = (plan: PlanRecord): PlanRecord => ({
          ...plan,
          tenants: plan.tenants.filter((t) => !options.tenant || options.tenant.includes(t.name)),
        });
        const diff = diffPlans(only(base.plan), only(head.plan), {
          base: base.source,
          head: head.source,
          drift: { base: base.drift, head: head.drift },
        });
        const drifted = head.drift.length + base.drift.length > 0;
        // A stack that grants other than its catalog (say, write where the catalog says read) is drift:
        // the gate trips whatever --allow-escalation says; the job log gets the lines too.
        if (drifted)
          io.stderr.write(
            `error: the synthesized stacks do not grant what the catalog says:\n${driftLines(head, base)}\n`,
          );
        printReport(io, DIFF_RENDERERS, options.format, diff);
        setExit(drifted || (diff.escalations.length && !options.allowEscalation) ? EXIT.gate : EXIT.ok);
      } catch (error) {
        // The report is always there: the failure in the chosen format on stdout, then the error as ever.
        printReport(io, DIFF_RENDERERS, options.format, failureReport(stage, error));
        const { GrantConsistencyError } = await import("../../review/attach");
        if (!(error instanceof GrantConsistencyError)) throw error;
        // Artifacts the plan cannot read are a stack it cannot vouch for: the gate trips, as on drift.
        io.stderr.write(`error: ${error.message}\n`);
        setExit(EXIT.gate);
      }
    });
}

import { EXIT } from "../../values/exit-codes";
import type { PlanDiff } from "../diff";
import { renderDiffMarkdown } from "../render-diff";
import { annotationCommands } from "./annotations";
import { commentBody, jobSummary, type FullReport } from "./comment";
import type { RuleText } from "./rule-text";
import { sarifLog, type SarifLog } from "./sarif";

/**
 * Everything a pull request's permission gate posts, from one `diff --format json` and its exit
 * code: the full report (a verdict line, then diff's own Markdown with its picture), the sticky
 * comment's body (marker first, cut to GitHub's limit), the job summary (cut to its limit), one
 * annotation per escalation and the SARIF log for code scanning. The workflow only moves these.
 */
export interface GateOutputs {
  readonly report: string;
  readonly comment: string;
  readonly summary: string;
  readonly annotations: readonly string[];
  readonly sarif: SarifLog;
}

export interface GateOptions {
  /** The head config's path in the repository: the comment's key, and the file of annotations and results. */
  readonly configInRepo: string;
  readonly full: FullReport;
  readonly toolVersion: string;
  /** The commit whose code judged (the pull request's base), named in the verdict. */
  readonly judgedAt?: string;
  /** The words for each rule in the SARIF log; default: review/ci/rule-text.ts. */
  readonly ruleText?: (rule: string) => RuleText;
}

/** `diff` is undefined when `diff` printed no readable report (it failed before it could). */
export function gateOutputs(diff: PlanDiff | undefined, exitCode: number, options: GateOptions): GateOutputs {
  const escalations = diff?.escalations ?? [];
  const body = diff ? renderDiffMarkdown(diff) : "`diff` printed no report: the job log has its error.\n";
  const report = `${verdict(exitCode, escalations.length, options)}\n\n${body}`;
  const located = { configInRepo: options.configInRepo };
  return {
    report,
    comment: commentBody(report, options.configInRepo, options.full),
    summary: jobSummary(report, options.full),
    annotations: annotationCommands(escalations, located),
    sarif: sarifLog(escalations, {
      ...located,
      toolVersion: options.toolVersion,
      ...(options.ruleText ? { ruleText: options.ruleText } : {}),
    }),
  };
}

/** The first line of every gate report: the outcome in words, and whose code judged. */
function verdict(exitCode: number, escalations: number, { judgedAt }: GateOptions): string {
  const judge = judgedAt ? ` Judged by the code of commit \`${judgedAt.slice(0, 12)}\` (the base).` : "";
  if (exitCode === EXIT.ok) return `**Insights permission gate: passed**, no escalation.${judge}`;
  if (exitCode !== EXIT.gate)
    return `**Insights permission gate: could not judge this change** (\`diff\` exit ${exitCode}); the reason is below or in the job log.${judge}`;
  const why = escalations
    ? `${escalations} escalation${escalations === 1 ? " needs" : "s need"} a reviewer's explicit approval`
    : "the review gate tripped; the reason is below";
  return `**Insights permission gate: failed**, ${why}.${judge}`;
}

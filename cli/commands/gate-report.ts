import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import type { PlanDiff } from "../../review/diff";
import { gateOutputs } from "../../review/ci/gate-report";
import { jsonDocument } from "../../values/report-format";
import { EXIT, type Io } from "../io";
import { readFlagFile } from "../user-file";

const { version } = require("../../package.json") as { version: string };

interface GateReportOptions {
  diff: string;
  exitCode: number;
  outDir: string;
  configInRepo: string;
  runUrl?: string;
  artifactName: string;
  judgedAt?: string;
}

/** The files `gate-report` writes into --out-dir; the example workflow (examples/ci/permission-diff.yml) reads them. */
export const GATE_FILES = {
  report: "report.md",
  comment: "comment.md",
  summary: "summary.md",
  sarif: "permission-diff.sarif",
} as const;

/** More than a diff of every tenant GitHub's limits could show, and little enough to read in one piece. */
const DIFF_FILE_BYTES = 64 * 1024 * 1024;

/**
 * `gate-report`: what a pull request's permission gate posts, from `diff --format json` and its
 * exit code (review/ci/). Writes the full report, the sticky comment's body, the job summary and
 * the SARIF log; prints one workflow annotation command per escalation on stdout.
 */
export function registerGateReport(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("gate-report")
    .description(
      "turn a diff --format json into what a pull request's permission gate posts: the report, a sticky comment cut to GitHub's limit, the job summary, SARIF, and one annotation per escalation (printed)",
    )
    .requiredOption("--diff <diff.json>", "the output of diff --format json (empty when diff printed nothing)")
    .requiredOption("--exit-code <code>", "diff's exit code", exitCode)
    .requiredOption("--out-dir <dir>", `where to write ${Object.values(GATE_FILES).join(", ")}`)
    .requiredOption("--config-in-repo <path>", "the head config's path in the repository, for annotations and SARIF")
    .option("--run-url <url>", "the workflow run's page, linked from a cut comment", httpsUrl)
    .option("--artifact-name <name>", "the artifact the full report is uploaded as", "insights-permission-report")
    .option(
      "--judged-at <commit>",
      "the commit whose code ran diff (the pull request's base), named in the report",
      commit,
    )
    .action((options: GateReportOptions) => {
      const diff = readDiff(options.diff);
      const outputs = gateOutputs(diff, options.exitCode, {
        configInRepo: options.configInRepo,
        full: { artifact: options.artifactName, ...(options.runUrl ? { runUrl: options.runUrl } : {}) },
        toolVersion: version,
        ...(options.judgedAt ? { judgedAt: options.judgedAt } : {}),
      });
      mkdirSync(options.outDir, { recursive: true });
      const write = (name: string, text: string) => writeFileSync(join(options.outDir, name), text);
      write(GATE_FILES.report, outputs.report);
      write(GATE_FILES.comment, outputs.comment);
      write(GATE_FILES.summary, outputs.summary);
      write(GATE_FILES.sarif, jsonDocument(outputs.sarif));
      for (const line of outputs.annotations) io.stdout.write(`${line}\n`);
      setExit(EXIT.ok);
    });
}

/**
 * The diff `diff --format json` printed, or undefined when it printed nothing readable (it
 * stopped before it could): the report then says so rather than failing to say anything.
 */
function readDiff(path: string): PlanDiff | undefined {
  const bytes = readFlagFile(path, "--diff");
  if (bytes.length > DIFF_FILE_BYTES) return undefined;
  try {
    const diff = JSON.parse(bytes.toString("utf8")) as PlanDiff;
    const lists = [diff?.connectors, diff?.escalations, diff?.edges];
    const escalationsRead = diff?.escalations?.every?.(
      (e) => typeof e?.rule === "string" && typeof e?.message === "string",
    );
    return lists.every(Array.isArray) && escalationsRead ? diff : undefined;
  } catch {
    return undefined;
  }
}

function exitCode(value: string): number {
  if (!/^\d{1,3}$/.test(value)) throw new InvalidArgumentError("an exit code is a number from 0 to 255.");
  return Number(value);
}

/** Only an https page of the run: the link goes into a comment others click. */
function httpsUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError("not a URL.");
  }
  if (url.protocol !== "https:") throw new InvalidArgumentError("only an https:// URL is linked.");
  return url.href.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

function commit(value: string): string {
  if (!/^[0-9a-f]{7,64}$/.test(value)) throw new InvalidArgumentError("a commit is 7 to 64 lower-case hex digits.");
  return value;
}

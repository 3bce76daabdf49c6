import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, type CliResult } from "./cli";

/** A valid `http` Insights target for configWith(). */
export const HTTP_INSIGHTS = `adapter: http
url: https://app.beyondtrust.io
siteId: 5a7f0c2e-1b2c-4d3e-8f40-123456789abc
token: env:INSIGHTS_TOKEN`;

export interface Judged extends CliResult {
  /** The head config's text, for line numbers. */
  readonly head: string;
  readonly headFile: string;
  /** The JSON report (every format is printed; the tests read this one). */
  readonly json: any;
}

/** Plans `baseText` to a plan file, then diffs `headText` against it, as CI does. */
export async function judge(dir: string, name: string, baseText: string, headText: string): Promise<Judged> {
  const baseConfig = join(dir, `${name}.base.yaml`);
  writeFileSync(baseConfig, baseText);
  const plan = await runCli("plan", "--config", baseConfig, "--format", "json");
  expect([plan.code, plan.stderr]).toEqual([0, ""]);
  const basePlan = join(dir, `${name}.base.json`);
  writeFileSync(basePlan, plan.stdout);
  const headFile = join(dir, `${name}.head.yaml`);
  writeFileSync(headFile, headText);
  const run = await runCli("diff", "--config", headFile, "--base", basePlan, "--format", "json");
  return { ...run, head: headText, headFile, json: run.stdout ? JSON.parse(run.stdout) : undefined };
}

/** The rules that tripped, each once, in report order. */
export const rulesOf = (judged: Judged): string[] =>
  [...new Set(judged.json.escalations.map((e: any) => e.rule))] as string[];

import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { writePrivateFile } from "../values/state-files";

/**
 * Where an interrupted `up` or `down` stopped (SIGINT, SIGTERM: a Ctrl-C, a cancelled CI job),
 * kept beside the engines' state so the next run of the tenant says what it resumes. Every step
 * is idempotent, so resuming is re-running; the record tells a person what was cut short (an
 * apply Terraform stopped part-way, a CloudFormation update still running). No secret is in it.
 */
const interruptedRun = z.strictObject({
  command: z.enum(["up", "down"]),
  /** ISO 8601. */
  at: z.iso.datetime({ offset: true }),
  /** What stopped it: `SIGTERM`, `SIGINT`, or the run's deadline. */
  reason: z.string().min(1),
  /** The connector whose step was cut short, when one was running. */
  connector: z.string().optional(),
  /** That step, as the run reported it (`deploy: …`). */
  step: z.string().optional(),
});
export type InterruptedRun = z.output<typeof interruptedRun>;

/** `<stateDir>/interrupted/<tenant>.json` (tenant names are [a-z0-9-]). */
export function interruptedRunPath(stateDir: string, tenant: string): string {
  return join(stateDir, "interrupted", `${tenant}.json`);
}

/** Records where the run stopped, replacing an older record of the tenant. */
export function recordInterruptedRun(stateDir: string, tenant: string, run: InterruptedRun): void {
  writePrivateFile(interruptedRunPath(stateDir, tenant), `${JSON.stringify(interruptedRun.parse(run), null, 2)}\n`, {
    tighten: true,
  });
}

/** The tenant's record, when its last run was interrupted; a damaged record is reported, never believed. */
export function readInterruptedRun(stateDir: string, tenant: string): InterruptedRun | undefined {
  const path = interruptedRunPath(stateDir, tenant);
  if (!existsSync(path)) return undefined;
  const checked = interruptedRun.safeParse(safeJson(readFileSync(path, "utf8")));
  if (!checked.success) throw new Error(`${path} is not a record this toolkit wrote; delete it and run again`);
  return checked.data;
}

/** Forgets the record once a run of the tenant has gone through without being interrupted. */
export function clearInterruptedRun(stateDir: string, tenant: string): void {
  rmSync(interruptedRunPath(stateDir, tenant), { force: true });
}

/** What the next run says first. */
export function resumingLine(run: InterruptedRun): string {
  const where = run.connector ? ` during ${run.connector}: ${run.step ?? "its first step"}` : "";
  return `the last ${run.command} was interrupted (${run.reason}, ${run.at})${where}; every step is idempotent, resuming`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

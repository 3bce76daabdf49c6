import type { Command } from "commander";
import type { DownReport } from "../../lifecycle/down";
import { Deadline } from "../../providers/insights/deadline";
import { printable } from "../../providers/text/printable";
import { jsonDocument, type FormatOf, type Renderers } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { insightsProgress } from "../progress";
import { EXIT, type Io } from "../io";
import { positiveNumber } from "../tenant-filter";
import { lifecycleConfig, lifecycleEngines, lifecycleOptions, requireYes, type LifecycleOptions } from "./up";

interface DownOptions extends LifecycleOptions {
  format: FormatOf<typeof DOWN_RENDERERS>;
}

/** `down`: a tenant's connectors out of Insights, then its stacks destroyed; says what is left and why. */
export function registerDown(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = lifecycleOptions(
    program
      .command("down")
      .description(
        "offboard a tenant: turn off and delete its Insights connectors, destroy its stacks in reverse order " +
          "(GitHub: the app's installation and local credentials), then list what could not be removed and why",
      ),
  );
  addFormatOption(command, DOWN_RENDERERS, io).action(async (options: DownOptions) => {
    const config = lifecycleConfig(options);
    requireYes(options, "down", "it deletes the tenant's connectors and destroys its stacks");
    const deadline = new Deadline(positiveNumber(options.timeout, "--timeout") * 1000);
    const timeoutMs = positiveNumber(options.requestTimeout, "--request-timeout") * 1000;
    const engineFor = await lifecycleEngines(options);
    const { downTenant } = await import("../../lifecycle/down");
    const { progress, onRetry } = insightsProgress(io);
    const report = await downTenant(config, options.tenant, {
      engineFor,
      env: process.env,
      emulatorUrl: options.emulator,
      http: { timeoutMs, runDeadline: deadline, onRetry },
      signal: deadline.signal,
      onStep: (line) => progress.note(printable(line)),
      onEngineOutput: (line) => progress.note(`  ${printable(line)}`),
    }).finally(() => progress.close());
    printReport(io, DOWN_RENDERERS, options.format, report);
    setExit(report.left.some((l) => !l.expected) ? EXIT.failed : EXIT.ok);
  });
}

/** The end report: what was removed, then what is left and why. */
export function downText(report: DownReport): string {
  const lines = [`down for ${report.tenant}:`, ...report.removed.map((what) => `removed: ${what}`)];
  for (const left of report.left) lines.push(`left: ${left.what}: ${printable(left.why)}`);
  if (report.left.length === 0) lines.push("nothing is left behind");
  return `${lines.join("\n")}\n`;
}

/** `down`'s formats: what was removed and what is left, or the same as JSON. */
const DOWN_RENDERERS = {
  table: (report) => downText(report),
  json: (report) => jsonDocument(report),
} satisfies Renderers<DownReport, "table" | "json">;

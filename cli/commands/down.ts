import type { Command } from "commander";
import type { DownReport } from "../../lifecycle/down";
import type { DownPreview } from "../../lifecycle/down-preview";
import { Deadline } from "../../providers/insights/deadline";
import { printable } from "../../providers/text/printable";
import { jsonDocument, type FormatOf, type Renderers } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { insightsProgress } from "../progress";
import { EXIT, type Io } from "../io";
import { previewLines } from "../preview-text";
import { positiveNumber } from "../tenant-filter";
import { interruptible } from "../interruptible-run";
import { lifecycleConfig, lifecycleEngines, lifecycleOptions, requireYes, type LifecycleOptions } from "./up";

interface DownOptions extends LifecycleOptions {
  format: FormatOf<typeof DOWN_RENDERERS>;
  dryRun?: boolean;
  preview: "engine" | "synthesized";
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
  addFormatOption(command, DOWN_RENDERERS, io)
    .option(
      "--dry-run",
      "change nothing: list every Insights connector, stack, resource and local file down would remove, and what " +
        "it would leave (without --yes, down prints the same, then refuses)",
    )
    .action(async (options: DownOptions) => {
      const config = lifecycleConfig(options);
      const deadline = new Deadline(positiveNumber(options.timeout, "--timeout") * 1000);
      const timeoutMs = positiveNumber(options.requestTimeout, "--request-timeout") * 1000;
      const engineFor = await lifecycleEngines(options);
      const { progress, onRetry } = insightsProgress(io);
      const common = {
        engineFor,
        env: process.env,
        emulatorUrl: options.emulator,
        http: { timeoutMs, runDeadline: deadline, onRetry },
        onEngineOutput: (line: string) => progress.note(`  ${printable(line)}`),
      };
      if (options.dryRun || !options.yes) {
        const { previewDown } = await import("../../lifecycle/down-preview");
        const preview = await previewDown(config, options.tenant, {
          ...common,
          mode: options.preview,
          signal: deadline.signal,
        }).finally(() => progress.close());
        printReport(io, DOWN_PREVIEW_RENDERERS, options.format, preview);
        if (options.dryRun) return setExit(EXIT.ok);
        requireYes(options, "down", "it does what is listed above; --dry-run lists it without refusing");
      }
      const { downTenant } = await import("../../lifecycle/down");
      const lifecycle = { ...options, command: "down" as const, dryRun: false, deadline };
      const run = await interruptible(io, progress, lifecycle, (stop) =>
        downTenant(config, options.tenant, {
          ...common,
          // An interrupt ends the deadline: the engine and the calls to Insights stop.
          signal: deadline.signal,
          insist: stop.insist,
          onStep: (line) => progress.note(printable(line)),
        }).then((report) => ({ report, stoppedIn: report.interrupted })),
      );
      if (!run.report) return setExit(EXIT.interrupted);
      printReport(io, DOWN_RENDERERS, options.format, run.report);
      const failed = run.report.interrupted || run.report.left.some((l) => !l.expected);
      setExit(run.signalled ? EXIT.interrupted : failed ? EXIT.failed : EXIT.ok);
    });
}

/** The end report: what was removed, then what is left and why. */
export function downText(report: DownReport): string {
  const lines = [`down for ${report.tenant}:`, ...report.removed.map((what) => `removed: ${what}`)];
  for (const left of report.left) lines.push(`left: ${left.what}: ${printable(left.why)}`);
  if (report.left.length === 0 && !report.interrupted) lines.push("nothing is left behind");
  if (report.interrupted) {
    const { step, reason } = report.interrupted;
    lines.push(`interrupted (${printable(reason)}) during ${printable(step)}; run down again to finish`);
  }
  return `${lines.join("\n")}\n`;
}

const INSIGHTS: Readonly<Record<DownPreview["connectors"][number]["insights"], string>> = {
  registered: "turn off and delete",
  "not registered": "not in Insights: nothing to delete",
  unknown: "turn off and delete if Insights holds it",
  sheet: "left",
};

/** What down would do, in its order: connectors, stacks with their resources, local files, then what stays. */
export function downPreviewText(preview: DownPreview): string {
  const lines = [`down --dry-run for ${preview.tenant}: nothing was changed`, "Insights connectors:"];
  for (const c of preview.connectors) {
    lines.push(`  ${INSIGHTS[c.insights]}: ${c.name} (${c.kind})${c.detail ? `: ${printable(c.detail)}` : ""}`);
  }
  lines.push("stacks, destroyed in this order:");
  for (const stack of preview.stacks) {
    lines.push(`  ${stack.stack} (${stack.connector}, ${stack.engine})`);
    if (stack.missing) lines.push(`    left: cannot run here: ${stack.missing}`);
    for (const command of stack.commands) lines.push(`    ${printable(command)}`);
    if (stack.preview) lines.push(...previewLines(stack.preview, "destroy", "    "));
    if (stack.previewError) lines.push(`    no preview: ${printable(stack.previewError)}`);
  }
  if (preview.stacks.length === 0) lines.push("  none");
  lines.push("local files:");
  for (const file of preview.files) {
    const verb = file.removedByDestroy ? "removed" : "kept";
    lines.push(`  ${verb}: ${printable(file.path)} (${file.what}): ${printable(file.why)}`);
  }
  if (preview.files.length === 0) lines.push("  none on this machine");
  lines.push("left in place by design:");
  for (const left of preview.left) lines.push(`  ${left.what}: ${printable(left.why)}`);
  if (preview.left.length === 0) lines.push("  nothing");
  return `${lines.join("\n")}\n`;
}

/** `down`'s formats: what was removed and what is left, or the same as JSON. */
const DOWN_RENDERERS = {
  table: (report) => downText(report),
  json: (report) => jsonDocument(report),
} satisfies Renderers<DownReport, "table" | "json">;

/** `down --dry-run`'s formats, the same names. */
const DOWN_PREVIEW_RENDERERS = {
  table: (preview) => downPreviewText(preview),
  json: (preview) => jsonDocument(preview),
} satisfies Renderers<DownPreview, "table" | "json">;

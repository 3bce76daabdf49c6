import { printable } from "../../providers/text/printable";
import type { ConfigLocation, Escalation } from "../escalation";

/**
 * GitHub shows at most 10 error annotations of one step ("GitHub Actions are limited to 10
 * warning annotations and 10 error annotations per step", REST docs, "Update a check run",
 * https://docs.github.com/en/rest/checks/runs#update-a-check-run). Beyond them one warning
 * says how many more there are; the summary and the SARIF results hold all of them.
 */
export const ERRORS_PER_STEP = 10;

export interface AnnotationOptions {
  /** The head config's path in the repository, for `file=`; default: the path `diff` was given. */
  readonly configInRepo?: string;
}

/**
 * One `::error` workflow command per escalation, at the line of the head's config that holds
 * the judged value (the config file alone when the head has none, e.g. a removed boundary),
 * as actions/toolkit writes them: `::error file=F,line=L,title=T::message` (actions/toolkit @
 * a944251692e50709e44d95e64d43c80236b9f6af, packages/core/src/command.ts).
 */
export function annotationCommands(escalations: readonly Escalation[], options: AnnotationOptions = {}): string[] {
  const lines = escalations.slice(0, ERRORS_PER_STEP).map((escalation) => {
    const at = locationOf(escalation, options);
    const properties = {
      ...(at ? { file: at.file } : {}),
      ...(at?.line ? { line: String(at.line) } : {}),
      title: `Insights permission escalation (${escalation.rule})`,
    };
    return command("error", properties, describe(escalation));
  });
  const more = escalations.length - ERRORS_PER_STEP;
  if (more > 0)
    lines.push(
      command(
        "warning",
        { title: "More Insights permission escalations" },
        `${more} more escalation${more === 1 ? " is" : "s are"} not annotated (GitHub shows ${ERRORS_PER_STEP} ` +
          "error annotations per step): the job summary and the code-scanning results list every one.",
      ),
    );
  return lines;
}

/** Where an escalation is annotated: its place in the head's config, else (a removed value) the head's file. */
function locationOf(
  escalation: Escalation,
  { configInRepo }: AnnotationOptions,
): { file: string; line?: number } | undefined {
  const file = configInRepo ?? escalation.head?.file;
  if (!file) return undefined;
  return escalation.head?.line ? { file, line: escalation.head.line } : { file };
}

/** The message, and where the base held the judged value when the head has it elsewhere or not at all. */
function describe(escalation: Escalation): string {
  const base =
    escalation.base && !sameField(escalation.base, escalation.head) ? ` (base: ${where(escalation.base)})` : "";
  return `${escalation.message}${base}`;
}

const sameField = (a: ConfigLocation, b?: ConfigLocation) => b !== undefined && a.path === b.path && a.line === b.line;
const where = (l: ConfigLocation) => `${l.path}${l.line ? `, line ${l.line}` : ""}`;

function command(name: string, properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(value)}`);
  return `::${name} ${props.join(",")}::${escapeData(message)}`;
}

/** Control characters are dropped first: a workflow command is one line, and a stray escape would reach the log. */
function escapeData(text: string): string {
  return printable(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

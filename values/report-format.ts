/**
 * The formats every report is printed in, one list for every command, as cdk-nag has one
 * `NagReportFormat` enum its report code switches on (cdk-nag 3.0.2, lib/nag-logger.d.ts).
 * `table` is for a person at a terminal; `markdown` a document for a pull request, an issue or a
 * CI job summary; `json` exactly one JSON document, for machines.
 */
export const REPORT_FORMATS = ["table", "markdown", "json"] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What a renderer knows of where it prints. */
export interface RenderTarget {
  /** Columns a table fits into (a terminal's width, else 100). */
  readonly width: number;
  /**
   * Mark words in colour (a write grant, Failed, Connected): only the table format on a terminal
   * that takes colour; never JSON or markdown. @default false
   */
  readonly colors?: boolean;
  /** Show times relative to this moment ("3 minutes ago"), for a person at a terminal. @default compact UTC times */
  readonly now?: Date;
}

/**
 * A report's renderers, one per format it has: the registry a command's `--format` choices are
 * taken from. Each renderer decides alone what belongs in its format (a closing summary line goes
 * into the table and markdown, never into the JSON).
 */
export type Renderers<R, F extends ReportFormat = ReportFormat> = {
  readonly [K in F]: (report: R, target: RenderTarget) => string;
};

/** The formats a report has, in {@link REPORT_FORMATS} order. */
export function formatsOf<F extends ReportFormat>(renderers: { readonly [K in F]: unknown }): F[] {
  return REPORT_FORMATS.filter((format): format is F => format in renderers);
}

/** One JSON document on its own: indented, newline-terminated, nothing before or after it. */
export function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The format names a renderers object has, as a type: what a command's `--format` parses to. */
export type FormatOf<T> = Extract<keyof T, ReportFormat>;

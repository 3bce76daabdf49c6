import { cutReport, utf16Units, utf8Bytes } from "./cut-report";

/**
 * GitHub refuses a comment body over 65,536 characters: the REST API answers 422 "body is too
 * long (maximum is 65536 characters)" (quoted in peter-evans/create-issue-from-file#1049 and
 * zaproxy/action-full-scan#43; no docs page states it). Counted as UTF-16 code units here, which
 * are never fewer than characters, so a body within it is within GitHub's.
 */
export const COMMENT_LIMIT = 65_536;

/**
 * A job summary may take 1 MiB per step; more and its upload fails (github/docs @
 * 28492001e81705112646258fccd5d4bfdafc3b12, content/actions/reference/workflows-and-actions/
 * workflow-commands.md, "Step isolation and limits").
 */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Where a cut report points for the whole of it. */
export interface FullReport {
  /** The uploaded artifact that holds the full report. */
  readonly artifact: string;
  /** The workflow run (its summary page lists the artifact); absent outside a run. */
  readonly runUrl?: string;
}

/**
 * The hidden first line by which the workflow finds its own comment to update in place: one
 * per config file, so two gates in one repository keep two comments. Only characters that
 * cannot end an HTML comment are kept of the key.
 */
export function commentMarker(key: string): string {
  return `<!-- insights-connectors permission gate: ${key.replace(/[^\w./-]/g, "_")} -->`;
}

/** The sticky comment's body: the marker line, then the report, cut to GitHub's limit with a pointer to the rest. */
export function commentBody(report: string, key: string, full: FullReport, limit = COMMENT_LIMIT): string {
  const marker = `${commentMarker(key)}\n`;
  const where = whereTheRestIs(full, "the job summary and ");
  const { text } = cutReport(report, {
    limit: limit - utf16Units(marker),
    measure: utf16Units,
    note: (kept, whole) =>
      `\n---\n\n**This comment is cut** at GitHub's limit of ${COMMENT_LIMIT.toLocaleString("en-US")} characters ` +
      `(${kept.toLocaleString("en-US")} of ${whole.toLocaleString("en-US")} shown). The full report is in ${where}.\n`,
  });
  return `${marker}${text}`;
}

/** The job summary: the report, cut to the summary's limit with a pointer to the artifact. */
export function jobSummary(report: string, full: FullReport, limit = SUMMARY_LIMIT_BYTES): string {
  const where = whereTheRestIs(full, "");
  return cutReport(report, {
    limit,
    measure: utf8Bytes,
    note: (kept, whole) =>
      `\n---\n\n**This summary is cut** at GitHub's limit of 1 MiB per step ` +
      `(${kept.toLocaleString("en-US")} of ${whole.toLocaleString("en-US")} bytes shown). The full report is in ${where}.\n`,
  }).text;
}

function whereTheRestIs({ artifact, runUrl }: FullReport, summary: string): string {
  const run = runUrl ? `[this workflow run](${runUrl})` : "this workflow run";
  return `${summary}the \`${artifact}\` artifact of ${run}`;
}

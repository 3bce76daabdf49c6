/**
 * A Markdown report cut to fit a size limit, at a line boundary and never inside a fenced block
 * (a half diagram would not render, and an open fence would swallow the rest), followed by a
 * note that says it was cut and where the whole report is. A report that fits is left whole.
 */
export interface CutOptions {
  /** The most the result may measure, note included. */
  readonly limit: number;
  /** How the limit counts: UTF-16 code units (`string.length`, GitHub's comment limit) or UTF-8 bytes. */
  readonly measure: (text: string) => number;
  /** What to append when the report is cut; given how much of the report was kept and its whole size. */
  readonly note: (kept: number, whole: number) => string;
}

export interface CutReport {
  readonly text: string;
  readonly cut: boolean;
}

export const utf16Units = (text: string): number => text.length;
export const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8");

/** A line that opens or closes a fenced code block (CommonMark: up to three spaces, then ``` or ~~~). */
const FENCE = /^ {0,3}(?:```|~~~)/;

export function cutReport(markdown: string, { limit, measure, note }: CutOptions): CutReport {
  const whole = measure(markdown);
  if (whole <= limit) return { text: markdown, cut: false };
  // The note's size depends on the numbers in it; size it with the largest it can show.
  const budget = limit - measure(note(whole, whole));
  if (budget <= 0) throw new Error(`a limit of ${limit} leaves no room for the report`);
  const lines = markdown.split("\n");
  let used = 0;
  let kept = 0; // lines kept so far that end outside any fenced block
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const size = measure(lines[i]) + 1;
    if (used + size > budget) break;
    used += size;
    if (FENCE.test(lines[i])) inFence = !inFence;
    if (!inFence) kept = i + 1;
  }
  // Nothing whole fits: a prefix of an overlong first line, never of a fence that would stay open.
  const head = kept
    ? `${lines.slice(0, kept).join("\n")}\n`
    : FENCE.test(lines[0])
      ? ""
      : prefixWithin(lines[0], budget, measure);
  return { text: `${head}${note(measure(head), whole)}`, cut: true };
}

/** The longest prefix of one overlong line that fits, cut between code points (never inside a surrogate pair). */
function prefixWithin(line: string, budget: number, measure: (text: string) => number): string {
  let prefix = "";
  for (const codePoint of line) {
    if (measure(prefix + codePoint) + 1 > budget) break;
    prefix += codePoint;
  }
  return `${prefix}\n`;
}

import { printable } from "./printable";

/** A run of backslashes right before a pipe: the last would otherwise be taken as the pipe's escape. */
const BACKSLASHES_BEFORE_PIPE = /\\+(?=\|)/g;

/**
 * Text made safe for one cell of a GitHub-flavoured Markdown table, and for one heading or
 * list item. Plan, diff, verify, the registration sheet and the config reference all use it.
 *
 * - Control characters, escape sequences and bidi overrides are removed ({@link printable}).
 * - `|` becomes `\|`: GFM splits a row into cells before any inline parsing, at every pipe
 *   not escaped, inside code spans too.
 * - A backslash is doubled only right before a pipe: written as `a\\|b`, the text `a\|b` would
 *   render as `a|b` (the table takes `\|` for an escaped pipe, then the backslash is gone).
 *   Other backslashes stay, so paths, regular expressions and JSON (a revealed key) keep theirs.
 * - A line break becomes `<br>`: a row is one line, and GFM renders `<br>` as a break, so a
 *   multi-line value keeps its lines.
 * - Backticks stay: catalog texts mark code with them, and a code span cannot cross a cell
 *   boundary (cells are split first), so it cannot break the table.
 */
export function markdownCell(text: string): string {
  return printable(text, { keepNewlines: true })
    .replace(BACKSLASHES_BEFORE_PIPE, (run) => run + run)
    .replace(/\|/g, "\\|")
    .replace(/\n/g, "<br>");
}

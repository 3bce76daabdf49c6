import Table from "cli-table3";
import stringWidth from "string-width";
import { PLAIN, type Painter, type Tone } from "./colour";
import { widestPiece, widestWord, wrapAtSeparators } from "./wrap";

/** A cell: its text, and the tone its words are painted in on a terminal that takes colour. */
export interface ToneCell {
  readonly text: string;
  readonly tone?: Tone;
}

export type Cell = string | ToneCell;

export interface TableOptions {
  /** cli-table3's border characters (e.g. no separator lines between rows). */
  readonly chars?: Partial<Record<string, string>>;
  /** @default PLAIN: no colour */
  readonly paint?: Painter;
}

/** cli-table3's one space of padding on each side of a cell. */
const PADDING = 2;
/** Narrowest a column is given, so a word of a few letters still fits. */
const MIN_TEXT = 6;

const textOf = (cell: Cell) => (typeof cell === "string" ? cell : cell.text);
const widest = (lines: readonly string[]) => Math.max(0, ...lines.map((line) => stringWidth(line)));

/**
 * The text width each column gets so the table fits `width` columns, borders included.
 * A column is given at least its widest word when every column can have that, else at least
 * its widest unbreakable piece (between separators); when even those do not fit, the table runs
 * past `width` rather than cut one. The room left is shared by water-filling: columns that need
 * less than the common level keep their natural width, the others get the level.
 */
export function columnBudgets(rows: readonly (readonly string[])[], width: number): number[] {
  const columns = rows[0].map((_, i) => rows.map((row) => row[i] ?? ""));
  const natural = columns.map((cells) => widest(cells.flatMap((cell) => cell.split("\n"))));
  const floor = (measure: (text: string) => number) =>
    columns.map((cells, i) => Math.min(natural[i], Math.max(MIN_TEXT, ...cells.map(measure))));
  const room = width - (columns.length + 1) - PADDING * columns.length;
  const sum = (widths: readonly number[]) => widths.reduce((a, b) => a + b, 0);
  if (sum(natural) <= room) return natural;
  const byWord = floor(widestWord);
  const least = sum(byWord) <= room ? byWord : floor(widestPiece);
  const fitting = (level: number) => natural.map((n, i) => Math.max(least[i], Math.min(n, level)));
  // The highest common level whose widths still fit (the sum grows with the level).
  let low = 0;
  let high = Math.max(...natural);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sum(fitting(mid)) <= room) low = mid;
    else high = mid - 1;
  }
  return fitting(low);
}

/**
 * A table that fits `width` columns where its cells allow: a long cell wraps after a
 * separator (`:` `/` `-` `.`) or at a space, never inside a token, so every ARN, permission,
 * host and time can be copied whole; a column whose longest token cannot fit widens and the row
 * runs long (what kubectl and terraform do). Nothing is cut. Widths are measured as a terminal
 * shows them, with the string-width 4 cli-table3 pads with (cli-table3 0.6.5 package.json:
 * "string-width": "^4.2.0"; src/utils.js), and colour is applied line by line after wrapping,
 * so no escape code spans a line break (cli-table3 strips SGR codes when it measures).
 */
export function fittedTable(
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  width: number,
  options: TableOptions = {},
): string {
  const paint = options.paint ?? PLAIN;
  const budgets = columnBudgets([head, ...rows.map((row) => row.map(textOf))], width);
  const lay = (cells: readonly Cell[]) =>
    cells.map((cell, i) => {
      const lines = wrapAtSeparators(textOf(cell), budgets[i]);
      const tone = typeof cell === "string" ? undefined : cell.tone;
      return tone ? lines.map((line) => paint(tone, line)).join("\n") : lines.join("\n");
    });
  // No colWidths: cli-table3 sizes each column to its widest line, which is what we wrapped to
  // (or a whole token, wider). With colWidths it would cut such a token with "…".
  const table = new Table({ head: lay(head), chars: options.chars, style: { head: [], border: [] } });
  table.push(...rows.map(lay));
  return table.toString();
}

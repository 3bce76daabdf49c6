import Table from "cli-table3";

/** Narrowest a column gets, padding included, so a word of a few letters still fits. */
const MIN_COLUMN = 8;

/** Longest line of a cell, plus cli-table3's one space of padding on each side. */
function naturalWidth(cell: string): number {
  return Math.max(...cell.split("\n").map((line) => line.length)) + 2;
}

/**
 * Column widths that fit `width` (borders included): columns that fit their fair share keep
 * their natural width, the rest share what is left equally and wrap by words.
 */
export function fittedColumnWidths(rows: readonly (readonly string[])[], width: number): number[] | undefined {
  const natural = rows[0].map((_, i) => Math.max(...rows.map((row) => naturalWidth(row[i] ?? ""))));
  const borders = natural.length + 1;
  if (natural.reduce((a, b) => a + b, 0) + borders <= width) return undefined;
  const widths = [...natural];
  let open = natural.map((_, i) => i);
  let left = Math.max(width - borders, MIN_COLUMN * natural.length);
  // Water-filling: settle every column narrower than an equal share, then split the rest.
  for (;;) {
    const share = Math.floor(left / open.length);
    const settled = open.filter((i) => natural[i] <= share);
    if (settled.length === 0) {
      open.forEach((i) => (widths[i] = Math.max(MIN_COLUMN, share)));
      return widths;
    }
    left -= settled.reduce((sum, i) => sum + natural[i], 0);
    open = open.filter((i) => natural[i] > share);
    if (open.length === 0) return widths;
  }
}

/** A table that never runs past `width` columns: long cells wrap at word boundaries. */
export function fittedTable(head: string[], rows: string[][], width: number, chars?: Record<string, string>): string {
  const colWidths = fittedColumnWidths([head, ...rows], width);
  const table = new Table({
    head,
    chars,
    style: { head: [], border: [] },
    ...(colWidths ? { colWidths, wordWrap: true, wrapOnWordBoundary: true } : {}),
  });
  table.push(...rows);
  return table.toString();
}

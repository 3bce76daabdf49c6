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

/**
 * `text` as lines of at most `width` characters: broken between words, and a word longer
 * than a line (an ARN, a tenant ID, a permission name) split across lines rather than cut,
 * because a reviewer must see every character of what is granted.
 */
export function wrapCell(text: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (candidate.length <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (rest.length > width) {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines.join("\n");
}

/**
 * A table that never runs past `width` columns: long cells wrap between words, and a word
 * too long for its column continues on the next line; nothing is ever truncated.
 */
export function fittedTable(head: string[], rows: string[][], width: number, chars?: Record<string, string>): string {
  const colWidths = fittedColumnWidths([head, ...rows], width);
  // cli-table3 cuts a word longer than its column with "…"; wrapping ourselves keeps every character.
  const fit = (cells: readonly string[]) =>
    colWidths ? cells.map((c, i) => wrapCell(c, colWidths[i] - 2)) : [...cells];
  const table = new Table({
    head: fit(head),
    chars,
    style: { head: [], border: [] },
    ...(colWidths ? { colWidths } : {}),
  });
  table.push(...rows.map(fit));
  return table.toString();
}

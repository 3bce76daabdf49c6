import stringWidth from "string-width";

const words = (paragraph: string) => paragraph.split(/\s+/).filter(Boolean);
/**
 * Numbers a person reads as one: a date (with its time), a time of day, an IP address or
 * version with an optional prefix length. No line breaks inside them.
 */
const NUMBER_ATOM =
  /(?<!\d)(?:\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?|\d{1,2}:\d{2}(?::\d{2})?|\d+(?:\.\d+)+(?:\/\d+)?)(?!\d)/g;

/**
 * The pieces of one word, each ending after its separators (`:` `/` `-` `.`): `arn:` `aws:`
 * `iam::` `aws:` `policy/` `SecurityAudit`. A line may break between two pieces, never inside
 * one, nor inside a date, time or address (`2026-12-06`, `09:18Z`, `10.0.0.1/32`).
 */
function piecesOf(word: string): string[] {
  const atoms = [...word.matchAll(NUMBER_ATOM)].map((m) => [m.index, m.index + m[0].length]);
  const pieces: string[] = [];
  let start = 0;
  for (const run of word.matchAll(/[:/.-]+/g)) {
    const end = run.index + run[0].length;
    if (end >= word.length) break;
    if (atoms.some(([from, to]) => from < end && end < to)) continue;
    pieces.push(word.slice(start, end));
    start = end;
  }
  pieces.push(word.slice(start));
  return pieces;
}

/** The widest word of `text` (white space its only break), as a terminal shows it. */
export function widestWord(text: string): number {
  return Math.max(0, ...words(text).map((word) => stringWidth(word)));
}

/** The widest unbreakable piece of `text`: the narrowest it can be wrapped to. */
export function widestPiece(text: string): number {
  return Math.max(0, ...words(text).flatMap((word) => piecesOf(word).map((piece) => stringWidth(piece))));
}

/**
 * `text` as lines of at most `width` terminal columns. A line breaks at a space; a word
 * wider than a line (an ARN, a host, a scope) breaks after one of its separators
 * (`:` `/` `-` `.`); a piece with no separator wider than the line stays whole and the line
 * runs long. Every character is kept, and a line that fits is left exactly as it is.
 */
export function wrapAtSeparators(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    if (stringWidth(paragraph) <= width) {
      out.push(paragraph);
      continue;
    }
    let line = "";
    for (const word of words(paragraph)) {
      const pieces = stringWidth(word) <= width ? [word] : piecesOf(word);
      pieces.forEach((piece, index) => {
        const candidate = line ? `${line}${index === 0 ? " " : ""}${piece}` : piece;
        if (!line || stringWidth(candidate) <= width) line = candidate;
        else {
          out.push(line);
          line = piece;
        }
      });
    }
    out.push(line);
  }
  return out;
}

/**
 * `text` cut to `width` terminal columns, ending in "…" when cut. Only for a transient status
 * line, which must stay on one row to be rewritten in place; never for a table or a report.
 */
export function truncateToWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let kept = "";
  for (const character of text) {
    if (stringWidth(`${kept}${character}…`) > width) break;
    kept += character;
  }
  return `${kept}…`;
}

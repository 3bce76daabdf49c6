import { markdownCell } from "../../../providers/text/markdown";

/**
 * The cells of a GFM table row as cmark-gfm splits them: a cell is the longest run of
 * `escaped_char | [^|\r\n]`, with escaped_char a backslash and any ASCII punctuation, so
 * a pipe right after a backslash never ends a cell; then `\|` becomes `|` in the cell
 * (ext_scanners.re `table_cell`, table.c `unescape_pipes`, as vendored by npm/cli in
 * node_modules/cmark-gfm/vendor/cmark/).
 */
function gfmCells(row: string): string[] {
  const cells = row.split(/(?<!\\)\|/);
  return cells.slice(1, -1).map((cell) => cell.trim().replace(/\\\|/g, "|"));
}

/** How a cell's inline text reads once CommonMark's backslash escapes of punctuation are applied. */
const rendered = (inline: string) => inline.replace(/\\([!-/:-@[-`{-~])/g, "$1");

const row = (...cells: string[]) => `| ${cells.map(markdownCell).join(" | ")} |`;

describe("markdownCell: one escaper for every Markdown table cell", () => {
  test("a pipe stays inside its cell and reads as a pipe", () => {
    expect(markdownCell("A | B")).toBe("A \\| B");
    const cells = gfmCells(row("A | B", "next"));
    expect(cells).toEqual(["A | B", "next"]);
  });

  test.each([
    ["a backslash before a pipe", "a\\|b"],
    ["two backslashes before a pipe", "a\\\\|b"],
    ["a trailing backslash", "C:\\temp\\"],
  ])("%s stays in its cell and reads back as written", (_, text) => {
    const cells = gfmCells(row(text, "next"));
    expect(cells).toHaveLength(2);
    expect(rendered(cells[0])).toBe(text);
    expect(cells[1]).toBe("next");
  });

  test("backslashes not before a pipe are left alone (a revealed JSON key keeps its \\n)", () => {
    expect(markdownCell('{"private_key":"-----BEGIN\\nMII"}')).toBe('{"private_key":"-----BEGIN\\nMII"}');
    expect(markdownCell("^\\d{12}$")).toBe("^\\d{12}$");
  });

  test("line breaks become <br>, so a row stays one line; CR LF and CR count as one break", () => {
    expect(markdownCell("line one\nline two")).toBe("line one<br>line two");
    expect(markdownCell("a\r\nb\rc")).toBe("a<br>b<br>c");
    expect(row("x\ny", "z")).not.toContain("\n");
  });

  test("backticks stay: a code span keeps its pipe escaped and cannot swallow the next cell", () => {
    expect(markdownCell("lists no `iam` service")).toBe("lists no `iam` service");
    expect(markdownCell("`a|b`")).toBe("`a\\|b`");
    expect(gfmCells(row("`open", "x`"))).toEqual(["`open", "x`"]);
  });

  test("control characters, terminal escapes and bidi overrides are removed; tabs are spaces", () => {
    expect(markdownCell("ok\u0000\u0007\u001b[31mred\u001b[0m\u202eevil\tend\u007f")).toBe("okredevil end");
    expect(markdownCell("\u001b]0;title\u0007name")).toBe("name");
  });

  test("text without anything special is unchanged", () => {
    const plain = "Identity Security Insights Connectors Guide 24.04 § Create a New Role, step 8 (s3:Get*)";
    expect(markdownCell(plain)).toBe(plain);
  });
});

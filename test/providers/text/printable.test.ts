import { printable, printableDeep } from "../../../providers/text/printable";

describe("printable: server text without escape sequences or control characters", () => {
  test.each([
    ["clear screen (CSI)", "a\u001b[2Jb", "ab"],
    ["colour (CSI with parameters)", "\u001b[1;31mred\u001b[0m", "red"],
    ["8-bit CSI", "x\u009b31my", "xy"],
    ["window title (OSC ended by BEL), payload and all", "x\u001b]0;pwned title\u0007y", "xy"],
    ["hyperlink (OSC 8 ended by ST)", "\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\", "click"],
    ["unterminated OSC swallows the rest, as a terminal would", "ok\u001b]2;rest", "ok"],
    ["charset switch (other ESC)", "\u001b(Bz", "z"],
    ["bare C0, DEL and C1 (NEL is a line break)", "a\u0000b\u0007c\u007fd\u0085e\u0090", "abcd e"],
    ["bidi override (Trojan Source)", "abc\u202edef\u2066", "abcdef"],
    ["line breaks and tabs become spaces", "one\ntwo\r\n\tthree", "one two three"],
    ["plain and non-ASCII text is untouched", "Überprüfung 日本 ✓", "Überprüfung 日本 ✓"],
  ])("%s", (_name, input, expected) => {
    expect(printable(input)).toBe(expected);
  });

  test("keepNewlines keeps line structure and nothing else", () => {
    expect(printable("a\r\nb\u001b[2J\nc\td", { keepNewlines: true })).toBe("a\nb\nc d");
  });

  test("printableDeep cleans every string in a JSON value, keys included, and leaves other types", () => {
    expect(printableDeep({ "t\u001b[2Jitle": ["x\u001b]0;y\u0007", 3, true, null], n: { m: "\u009b2Jz" } })).toEqual({ title: ["x", 3, true, null], n: { m: "z" } });
  });
});

import { colorsFor, painter, PLAIN } from "../../../providers/text/colour";

const terminal = { isTTY: true };
const pipe = { isTTY: false };

describe("colour, decided once per stream", () => {
  // Node's own rule (lib/internal/util/colors.js shouldColorize, lib/internal/tty.js getColorDepth),
  // with no-color.org's reading of an empty NO_COLOR.
  test.each([
    ["a colour terminal", terminal, { TERM: "xterm-256color" }, true],
    ["NO_COLOR", terminal, { TERM: "xterm-256color", NO_COLOR: "1" }, false],
    // no-color.org: "present and not an empty string"; Node 24 agrees, Node 22 alone would not.
    ["an empty NO_COLOR is unset, on every Node", terminal, { TERM: "xterm-256color", NO_COLOR: "" }, true],
    ["NODE_DISABLE_COLORS", terminal, { TERM: "xterm-256color", NODE_DISABLE_COLORS: "1" }, false],
    ["TERM=dumb", terminal, { TERM: "dumb" }, false],
    ["a terminal with no TERM", terminal, {}, false],
    ["FORCE_COLOR=0 on a terminal", terminal, { TERM: "xterm-256color", FORCE_COLOR: "0" }, false],
    ["a pipe or a file", pipe, { TERM: "xterm-256color" }, false],
    ["a pipe with FORCE_COLOR=1 (a CI log that shows colour)", pipe, { FORCE_COLOR: "1" }, true],
  ])("%s", (_name, stream, env, expected) => {
    expect(colorsFor(stream, env as NodeJS.ProcessEnv)).toBe(expected);
  });

  test("a painter with colours marks danger red and bold, good green, warn yellow; without, text is unchanged", () => {
    const paint = painter(true);
    expect(paint("danger", "write")).toBe("\u001b[31m\u001b[1mwrite\u001b[22m\u001b[39m");
    expect(paint("good", "Connected")).toBe("\u001b[32mConnected\u001b[39m");
    expect(paint("warn", "Warning")).toBe("\u001b[33mWarning\u001b[39m");
    expect(paint("danger", "")).toBe("");
    expect(painter(false)("danger", "write")).toBe("write");
    expect(PLAIN("good", "Connected")).toBe("Connected");
  });
});

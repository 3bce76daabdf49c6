/**
 * Server-supplied text made safe to print: a hostile or broken server must not be able to
 * clear the screen, retitle the window, plant a hyperlink or reorder what the user reads.
 *
 * Removed: escape sequences whole (CSI `ESC [ … final`, OSC/DCS/APC/PM/SOS strings up to
 * BEL or `ESC \`, or to the end when unterminated — a terminal would swallow that much),
 * then any C0/C1 control character and DEL, and the bidirectional overrides and isolates
 * that reorder text ("Trojan Source", CVE-2021-42574). Tabs and line breaks become a space
 * unless `keepNewlines` (then only `\n` is kept). strip-ansi 6 (the CommonJS line) leaves
 * an OSC title's text and every bare control character behind, hence this small module.
 */
const STRING_SEQUENCE = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^]*?(?:\u0007|\u001b\\|\u009c|$)/g;
const CONTROL_SEQUENCE = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
const OTHER_ESCAPE = /\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /[\t\r\n\u000b\u000c\u0085\u2028\u2029]+/g;
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

export interface PrintableOptions {
  /** Keep `\n` (multi-line text such as a sheet); by default every line break becomes a space. */
  readonly keepNewlines?: boolean;
}

/** `text` without escape sequences, control characters or bidi overrides. */
export function printable(text: string, options: PrintableOptions = {}): string {
  const stripped = text.replace(STRING_SEQUENCE, "").replace(CONTROL_SEQUENCE, "").replace(OTHER_ESCAPE, "").replace(BIDI, "");
  const spaced = options.keepNewlines ? stripped.replace(/\r\n?/g, "\n").replace(/[\t\u000b\u000c]/g, " ") : stripped.replace(LINE_BREAKS, " ");
  return spaced.replace(CONTROLS, (c) => (options.keepNewlines && c === "\n" ? c : ""));
}

/** Every string inside a JSON-like value passed through {@link printable}; keys too. */
export function printableDeep<T>(value: T): T {
  if (typeof value === "string") return printable(value) as T;
  if (Array.isArray(value)) return value.map((item) => printableDeep(item)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [printable(key), printableDeep(item)])) as T;
  }
  return value;
}

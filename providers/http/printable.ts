/**
 * C0 and C1 control characters, DEL, and the Unicode bidirectional overrides: a server
 * that gets one of these onto a terminal can clear it, retitle it, or make text read
 * backwards ("Trojan Source"). Tabs and line breaks are included, so a value stays on its line.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A server-supplied string made safe to print: every control character becomes a space. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, " ");
}

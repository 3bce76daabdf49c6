import type { Position } from "./locate";

const REPLACEMENT = "\uFFFD";

/**
 * Decodes a config file that must be UTF-8. A lossy decode would turn bad bytes into
 * U+FFFD inside a name without a word, so the strict decoder decides, and when it
 * refuses, {@link firstInvalidByte} says where.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidAt: Position } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { invalidAt: firstInvalidByte(bytes) };
  }
}

/** Line and column of the first byte that is not UTF-8: where the lossy decoding first invents a U+FFFD. */
function firstInvalidByte(bytes: Uint8Array): Position {
  const lossy = new TextDecoder("utf-8").decode(bytes); // drops a BOM, like the strict one
  let offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  let col = 1;
  for (const char of lossy) {
    const genuine = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (char === REPLACEMENT && !genuine) break;
    offset += Buffer.byteLength(char, "utf8");
    if (char === "\n") {
      line += 1;
      col = 1;
    } else col += 1;
  }
  return { line, col };
}

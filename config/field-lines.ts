import { LineCounter, parseDocument } from "yaml";
import { locate } from "./locate";

/** `tenants[0].connectors[2].domain` → `["tenants", 0, "connectors", 2, "domain"]`. */
export function parseFieldPath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) =>
    index === undefined ? key : Number(index),
  );
}

/**
 * The 1-based line of a field path in a config's text, for pointing a reviewer at it; a field
 * the text lacks (a removed boundary) gives the line of its nearest existing parent.
 */
export function fieldLines(text: string): (path: string) => number {
  const lines = new LineCounter();
  // prettyErrors off, as config/load.ts: nothing here may quote a line of the file.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  return (path) => locate(doc, lines, parseFieldPath(path)).line;
}

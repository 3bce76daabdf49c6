import { LineCounter, parseDocument } from "yaml";
import { locate, type Position } from "./locate";

/** `tenants[0].connectors[2].domain` → `["tenants", 0, "connectors", 2, "domain"]`. */
export function parseFieldPath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) =>
    index === undefined ? key : Number(index),
  );
}

/**
 * Where a field path sits in a config's text (1-based line and column); a field the text lacks
 * (a removed boundary, a default) gives the place of its nearest existing parent.
 */
export function fieldPositions(text: string): (path: readonly (string | number)[]) => Position {
  const lines = new LineCounter();
  // prettyErrors off, as config/load.ts: nothing here may quote a line of the file.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  return (path) => locate(doc, lines, path);
}

/** The 1-based line of a field path (`tenants[0].connectors[2].domain`), for pointing a reviewer at it. */
export function fieldLines(text: string): (path: string) => number {
  const positionOf = fieldPositions(text);
  return (path) => positionOf(parseFieldPath(path)).line;
}

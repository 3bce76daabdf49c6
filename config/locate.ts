import { isMap, isPair, isScalar, type Document, type LineCounter, type Node } from "yaml";

export interface Position {
  readonly line: number;
  readonly col: number;
}

/**
 * Finds where a field path sits in the YAML source. A missing field points at its
 * nearest existing parent; `key` points at the key itself (unknown-key errors).
 */
export function locate(doc: Document, lines: LineCounter, path: readonly PropertyKey[], key?: string): Position {
  let node: unknown = doc.contents;
  for (const part of path) {
    const child = childOf(node, part);
    if (child === undefined) break;
    node = child;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    if (pair && isPair(pair) && isScalar(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]);
  }
  const range = (node as Node | null | undefined)?.range;
  return range ? lines.linePos(range[0]) : { line: 1, col: 1 };
}

function childOf(node: unknown, part: PropertyKey): unknown {
  if (!node || typeof node !== "object" || !("items" in node)) return undefined;
  const collection = node as { items: unknown[]; get(key: unknown, keepScalar: boolean): unknown };
  const child = collection.get(typeof part === "number" ? part : String(part), true);
  return child ?? undefined;
}

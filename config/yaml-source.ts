import {
  CST,
  Parser,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Document,
  type ErrorCode,
  type Node,
  type YAMLError,
} from "yaml";
import { LIMITS } from "../values/limits";

/** A problem at a character offset of the YAML text; the caller turns offsets into FILE:LINE:COL. */
export interface SourceProblem {
  readonly offset: number;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * The parser's own messages quote source text (a tag, an escape, a block header) that
 * may be a secret, so each error code gets a fixed message of ours instead.
 */
const SYNTAX: Record<ErrorCode, string> = {
  ALIAS_PROPS: "an alias (*name) cannot carry an anchor or a tag",
  BAD_ALIAS: "malformed alias (*name)",
  BAD_COLLECTION_TYPE: "the tag does not fit this collection",
  BAD_DIRECTIVE: "malformed % directive",
  BAD_DQ_ESCAPE: "invalid escape sequence in a double-quoted string",
  BAD_INDENT: "bad indentation",
  BAD_PROP_ORDER: "anchor or tag in the wrong place",
  BAD_SCALAR_START: "a plain value cannot start with this character: quote it",
  BLOCK_AS_IMPLICIT_KEY: "a block value cannot be a key",
  BLOCK_IN_FLOW: "a block collection inside [ ] or { }",
  DUPLICATE_KEY: "duplicate key: keys in a mapping must be unique",
  IMPOSSIBLE: "unreadable YAML",
  KEY_OVER_1024_CHARS: "a key longer than 1024 characters",
  MISSING_CHAR: "a closing quote, bracket or separator is missing",
  MULTILINE_IMPLICIT_KEY: "a key spread over several lines",
  MULTIPLE_ANCHORS: "more than one anchor on a node",
  MULTIPLE_DOCS: "more than one YAML document: a config file holds one",
  MULTIPLE_TAGS: "more than one tag on a node",
  NON_STRING_KEY: "keys must be text",
  RESOURCE_EXHAUSTION: "aliases expand too far",
  TAB_AS_INDENT: "a tab used as indentation: indent with spaces",
  TAG_RESOLVE_FAILED: "the value does not fit its tag",
  UNEXPECTED_TOKEN: "unexpected character",
};

const NOT_SHOWN = "(the text is not shown: it may be a secret)";

/**
 * Syntax errors, each with our fixed wording for its code. A quote that is never closed is
 * reported where it opens: the parser reports it where the quoted value ran out, at the end
 * of the file, far from the typo.
 */
export function syntaxProblems(errors: readonly YAMLError[], text: string): SourceProblem[] {
  const openings = unclosedQuotes(text);
  return errors.map((e) => {
    // The code is shared with missing brackets; the parser's own message tells a quote apart.
    const opening = e.code === "MISSING_CHAR" && /quote/.test(e.message) ? openings.shift() : undefined;
    if (opening !== undefined) return { offset: opening, path: [], message: `YAML: ${UNCLOSED_QUOTE} ${NOT_SHOWN}` };
    return { offset: e.pos[0], path: [], message: `YAML: ${SYNTAX[e.code] ?? "unreadable YAML"} ${NOT_SHOWN}` };
  });
}

const UNCLOSED_QUOTE = "this quote is never closed, so the value runs on to the end of the file: close it";

/** Offsets of the quoted values (keys too, and inside [ ] and { }) whose closing quote is missing. */
function unclosedQuotes(text: string): number[] {
  const openings: number[] = [];
  const check = (token: CST.Token | undefined) => {
    if (token?.type !== "single-quoted-scalar" && token?.type !== "double-quoted-scalar") return;
    CST.resolveAsScalar(token, true, (_offset, code) => {
      if (code === "MISSING_CHAR") openings.push(token.offset);
    });
  };
  for (const token of new Parser().parse(text)) {
    if (token.type !== "document") continue;
    check(token.value);
    CST.visit(token, (item) => {
      check(item.key ?? undefined);
      check(item.value);
    });
  }
  return [...new Set(openings)].sort((a, b) => a - b);
}

/**
 * Aliases checked before anything expands them: each must name an anchor set above it
 * and outside itself (`clientSecret: *Hunter2` is an alias, not text), and all of them
 * together may add at most {@link LIMITS.aliasExpansionNodes} nodes (alias bombs).
 * Anchors are resolved in one pass and each set once, so the check is linear in the
 * document and its count exact.
 */
export function aliasProblems(doc: Document): SourceProblem[] {
  const anchors = new Map<string, Node>();
  const expanded = new Map<Node, number>();
  let marks = 0;
  let added = 0;
  let problem: SourceProblem | undefined;
  visit(doc, {
    Node(_key, node, ancestors) {
      if (!isAlias(node) && !node.anchor) return undefined;
      const offset = node.range?.[0] ?? 0;
      const path = fieldPath(ancestors, node);
      if (++marks > LIMITS.anchorsAndAliases) {
        problem = { offset, path, message: `YAML: more than ${LIMITS.anchorsAndAliases} anchors and aliases` };
        return visit.BREAK;
      }
      if (!isAlias(node)) {
        // One definition per anchor keeps every alias's expansion exact (no re-pointing).
        if (anchors.has(node.anchor!))
          problem = { offset, path, message: `YAML: an anchor (&name) set twice ${NOT_SHOWN}` };
        anchors.set(node.anchor!, node);
        return problem ? visit.BREAK : undefined;
      }
      const target = anchors.get(node.source);
      const size = target ? nodeCount(target, anchors, expanded) : 0;
      added += size;
      if (!target || !Number.isFinite(size)) problem = { offset, path, message: unresolved(target) };
      else if (added > LIMITS.aliasExpansionNodes) {
        problem = { offset, path, message: `YAML: aliases expand to more than ${LIMITS.aliasExpansionNodes} nodes` };
      }
      return problem ? visit.BREAK : undefined;
    },
  });
  return problem ? [problem] : [];
}

/** The field path of a node from the ancestors `visit` passes (maps, pairs and lists). */
function fieldPath(ancestors: readonly unknown[], node: unknown): PropertyKey[] {
  const chain = [...ancestors, node];
  const path: PropertyKey[] = [];
  chain.forEach((item, i) => {
    const next = chain[i + 1];
    if (isSeq(item)) path.push(item.items.indexOf(next));
    else if (isPair(item) && next === item.value) path.push(isScalar(item.key) ? String(item.key.value) : "?");
  });
  return path;
}

function unresolved(target: Node | undefined): string {
  const why = target ? "names a node that contains it" : "names no anchor (&name) set above it";
  return `YAML: this alias (a value starting with *) ${why}; quote a value that starts with *, and write a secret as env:NAME or file:PATH ${NOT_SHOWN}`;
}

/** Nodes a subtree holds once its aliases are expanded; Infinity for an alias inside its own anchor. */
function nodeCount(node: unknown, anchors: ReadonlyMap<string, Node>, memo: Map<Node, number>): number {
  if (isAlias(node)) {
    const target = anchors.get(node.source);
    return target ? nodeCount(target, anchors, memo) : 1;
  }
  if (!isCollection(node)) return 1;
  const known = memo.get(node);
  if (known !== undefined) return known;
  memo.set(node, Infinity); // visiting: an alias back to here is a cycle
  let count = 1;
  for (const item of node.items) {
    count += isPair(item)
      ? nodeCount(item.key, anchors, memo) + nodeCount(item.value, anchors, memo)
      : nodeCount(item, anchors, memo);
  }
  memo.set(node, Math.min(count, Number.MAX_SAFE_INTEGER));
  return count;
}

/**
 * The counting limits, read off the document before it is converted or validated:
 * tenants per file, connectors per tenant and per file, located at the list that is
 * too long (for the per-file count, the tenant's list that crosses it).
 */
export function sizeProblems(doc: Document): SourceProblem[] {
  if (!isMap(doc.contents)) return [];
  const tenants = doc.contents.get("tenants", true);
  if (!isSeq(tenants)) return [];
  const problems: SourceProblem[] = [];
  if (tenants.items.length > LIMITS.tenantsPerFile) {
    problems.push(tooMany(tenants, ["tenants"], `at most ${LIMITS.tenantsPerFile} tenants per file: split the file`));
  }
  let total = 0;
  tenants.items.slice(0, LIMITS.tenantsPerFile).forEach((tenant, t) => {
    const connectors = isMap(tenant) ? tenant.get("connectors", true) : undefined;
    if (!isSeq(connectors)) return;
    const path = ["tenants", t, "connectors"];
    if (connectors.items.length > LIMITS.connectorsPerTenant) {
      problems.push(tooMany(connectors, path, `at most ${LIMITS.connectorsPerTenant} connectors per tenant`));
    }
    const before = total;
    total += connectors.items.length;
    if (before <= LIMITS.connectorsPerFile && total > LIMITS.connectorsPerFile) {
      const limit = `with the tenants above, more than ${LIMITS.connectorsPerFile} connectors per file: split the file`;
      problems.push(tooMany(connectors, path, limit));
    }
  });
  return problems;
}

function tooMany(node: Node, path: PropertyKey[], limit: string): SourceProblem {
  const count = isSeq(node) ? node.items.length : 0;
  return { offset: node.range?.[0] ?? 0, path, message: `lists ${count}; ${limit} (docs/configuration.md, "Limits")` };
}

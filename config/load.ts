import { dirname, resolve } from "node:path";
import { LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import type { PathIssue } from "./cross-checks";
import { LIMITS } from "../values/limits";
import { locate, type Position } from "./locate";
import { ConfigError, formatPath, sortProblems, type ConfigProblem } from "./problems";
import { FileRefusedError, readRegularFile } from "../values/regular-file";
import { tenantConfigSchema } from "./schema";
import { checkSecretFiles } from "./secret-checks";
import { messageWithSuggestion } from "./suggestions";
import type { ToolkitConfig } from "./types";
import { decodeUtf8 } from "./utf8";
import { aliasProblems, sizeProblems, syntaxProblems, type SourceProblem } from "./yaml-source";

/** Reads and validates a tenant config file; throws {@link ConfigError} with every problem at once. */
export function loadConfig(file: string): ToolkitConfig {
  return loadConfigAndText(file).config;
}

/** {@link loadConfig}, with the text it read: for a caller that also points at lines of it (diff). */
export function loadConfigAndText(file: string): { readonly config: ToolkitConfig; readonly text: string } {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, LIMITS.configFileBytes).bytes;
  } catch (error) {
    if (!(error instanceof FileRefusedError)) throw error;
    throw fileProblem(file, { line: 1, col: 1 }, unreadable(file, error));
  }
  const decoded = decodeUtf8(bytes);
  if ("invalidAt" in decoded) {
    throw fileProblem(
      file,
      decoded.invalidAt,
      "bytes that are not UTF-8 start here: save the file as UTF-8 (not shown)",
    );
  }
  return { config: parseConfig(decoded.text, file, dirname(resolve(file))), text: decoded.text };
}

/** Why the config file cannot be read, in words to act on: an errno code only when nothing better is known. */
function unreadable(file: string, error: FileRefusedError): string {
  switch (error.code) {
    case undefined:
      return `cannot use the config file: ${error.reason}`;
    case "ENOENT":
    case "ENOTDIR":
      return `no such file: ${resolve(file)}; run from the repository root or pass --config (or set INSIGHTS_CONFIG)`;
    case "EACCES":
    case "EPERM":
      return `cannot read ${file}: this user may not read it (ls -l ${file} shows its owner and mode)`;
    case "ELOOP":
      return `cannot read ${file}: its symbolic links lead in a loop`;
    default:
      return `cannot read ${file} (${error.code})`;
  }
}

/** Validates config text; `file` is only used in messages, `dir` anchors `file:` references. */
export function parseConfig(text: string, file: string, dir: string): ToolkitConfig {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > LIMITS.configFileBytes) {
    throw fileProblem(
      file,
      { line: 1, col: 1 },
      `${bytes} bytes; a config file may have ${LIMITS.configFileBytes} (docs/configuration.md, "Limits")`,
    );
  }
  const lines = new LineCounter();
  // prettyErrors off: the pretty form quotes the offending source line, which may hold a secret.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const fromSource = (p: SourceProblem): ConfigProblem => ({
    file,
    ...lines.linePos(p.offset),
    path: formatPath(p.path),
    message: p.message,
  });
  const early =
    doc.errors.length > 0 ? syntaxProblems(doc.errors, text) : [...aliasProblems(doc), ...sizeProblems(doc)];
  if (early.length > 0) throw new ConfigError(sortProblems(early.map(fromSource)));
  const at = (issue: PathIssue, key?: string): ConfigProblem => ({
    file,
    ...locate(doc, lines, issue.path, key),
    path: formatPath(key === undefined ? issue.path : [...issue.path, key]),
    message: issue.message,
  });

  const raw = toData(doc, file);
  const result = tenantConfigSchema.safeParse(raw, { error: describeTypeIssue });
  const problems = [
    ...(result.success ? [] : result.error.issues.flatMap((i) => zodProblems(i, raw, at))),
    ...checkSecretFiles(raw, dir).map((issue) => at(issue)),
  ];
  if (!result.success || problems.length > 0) throw new ConfigError(sortProblems(problems));
  return { ...result.data, file, dir };
}

/**
 * Plain data of a checked document. Aliases were bounded by {@link aliasProblems}, so the
 * library's own alias counter is off; should conversion still fail, its message (which
 * may quote the source) is replaced by ours.
 */
function toData(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: -1 });
  } catch {
    throw fileProblem(
      file,
      { line: 1, col: 1 },
      "YAML: the document cannot be converted to data (the text is not shown)",
    );
  }
}

function fileProblem(file: string, position: Position, message: string): ConfigError {
  return new ConfigError([{ file, ...position, path: "", message }]);
}

function zodProblems(
  issue: z.core.$ZodIssue,
  raw: unknown,
  at: (issue: PathIssue, key?: string) => ConfigProblem,
): ConfigProblem[] {
  const message = (key?: string) => messageWithSuggestion(issue, tenantConfigSchema, raw, key);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => at({ path: issue.path, message: message(key) }, key));
  }
  return [at({ path: issue.path, message: message() })];
}

/** Messages for type mismatches, which zod words for programmers rather than config authors. */
function describeTypeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== "invalid_type") return undefined;
  if (issue.input === undefined) return "is required";
  if (issue.expected === "string" && typeof issue.input === "number") {
    return 'must be text: quote it (e.g. "012345678901") so YAML keeps leading zeros and digits as written';
  }
  const got = Array.isArray(issue.input) ? "a list" : issue.input === null ? "nothing" : `a ${typeof issue.input}`;
  const want =
    issue.expected === "object" ? "a mapping" : issue.expected === "array" ? "a list" : `a ${issue.expected}`;
  return `must be ${want}, not ${got}`;
}

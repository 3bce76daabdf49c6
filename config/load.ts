import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { PathIssue } from "./cross-checks";
import { locate } from "./locate";
import { ConfigError, formatPath, sortProblems, type ConfigProblem } from "./problems";
import { tenantConfigSchema } from "./schema";
import { checkSecretFiles } from "./secret-checks";
import type { TenantConfig, ToolkitConfig } from "./types";

/** Reads and validates a tenant config file; throws {@link ConfigError} with every problem at once. */
export function loadConfig(file: string): ToolkitConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new ConfigError([{ file, line: 1, col: 1, path: "", message: `cannot read the config file (${code})` }]);
  }
  return parseConfig(text, file, dirname(resolve(file)));
}

/** Validates config text; `file` is only used in messages, `dir` anchors `file:` references. */
export function parseConfig(text: string, file: string, dir: string): ToolkitConfig {
  const lines = new LineCounter();
  // prettyErrors off: the pretty form quotes the offending source line, which may hold a secret.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      sortProblems(
        doc.errors.map((e) => ({ file, ...lines.linePos(e.pos[0]), path: "", message: `YAML: ${firstLine(e.message)}` })),
      ),
    );
  }
  const at = (issue: PathIssue, key?: string): ConfigProblem => ({
    file,
    ...locate(doc, lines, issue.path, key),
    path: formatPath(key === undefined ? issue.path : [...issue.path, key]),
    message: issue.message,
  });

  const raw: unknown = doc.toJS({ maxAliasCount: 50 });
  const result = tenantConfigSchema.safeParse(raw, { error: describeTypeIssue });
  const problems = [
    ...(result.success ? [] : result.error.issues.flatMap((i) => zodProblems(i, at))),
    ...checkSecretFiles(raw, dir).map((issue) => at(issue)),
  ];
  if (!result.success || problems.length > 0) throw new ConfigError(sortProblems(problems));
  return { version: 1, tenants: result.data.tenants as unknown as TenantConfig[], file, dir };
}

function zodProblems(
  issue: z.core.$ZodIssue,
  at: (issue: PathIssue, key?: string) => ConfigProblem,
): ConfigProblem[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => at({ path: issue.path, message: `unknown field "${key}"` }, key));
  }
  return [at({ path: issue.path, message: issue.message })];
}

/** Messages for type mismatches, which zod words for programmers rather than config authors. */
function describeTypeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== "invalid_type") return undefined;
  if (issue.input === undefined) return "is required";
  if (issue.expected === "string" && typeof issue.input === "number") {
    return 'must be text: quote it (e.g. "012345678901") so YAML keeps leading zeros and digits as written';
  }
  const got = Array.isArray(issue.input) ? "a list" : issue.input === null ? "nothing" : `a ${typeof issue.input}`;
  const want = issue.expected === "object" ? "a mapping" : issue.expected === "array" ? "a list" : `a ${issue.expected}`;
  return `must be ${want}, not ${got}`;
}

function firstLine(message: string): string {
  return message.split("\n")[0];
}

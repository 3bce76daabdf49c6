import { InvalidConfigError } from "../values/errors";

/** One thing wrong with a config file, located so an editor can jump to it. */
export interface ConfigProblem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Field path like `tenants[0].connectors[3].domain`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** Thrown when a config file is invalid; carries every problem found, not just the first. */
export class ConfigError extends InvalidConfigError {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map(formatProblem).join("\n"));
  }
}

/** `FILE:LINE:COL  path  message`, the format editors and CI annotations understand. */
export function formatProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}:${p.col}  ${p.path || "(file)"}  ${p.message}`;
}

/** Every problem, one per line, then a count and what did not happen because of them. */
export function configErrorReport(error: ConfigError, consequence: string): string {
  const count = error.problems.length;
  const file = error.problems[0]?.file;
  return `${error.message}\n${count} problem${count === 1 ? "" : "s"} in ${file}; ${consequence}.\n`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function sortProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col || a.path.localeCompare(b.path));
}

import { statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { LIMITS } from "./limits";
import { FileRefusedError, inspectRegularFile, readRegularFile } from "./regular-file";
import { InvalidConfigError } from "./errors";

/**
 * A pointer to a secret: `env:NAME` or `file:PATH`. It never holds the value, so a
 * parsed config can be printed, logged or planned without leaking anything;
 * {@link SecretRef.resolve} reads the value only at the moment it is sent.
 */
export class SecretRef {
  constructor(
    readonly scheme: "env" | "file",
    readonly target: string,
  ) {}

  toString(): string {
    return `${this.scheme}:${this.target}`;
  }

  toJSON(): string {
    return this.toString();
  }

  /** Absolute path of a `file:` reference; relative paths are relative to the config file. */
  filePath(configDir: string): string {
    return isAbsolute(this.target) ? this.target : resolve(configDir, this.target);
  }

  /**
   * Reads the secret. Throws {@link SecretResolutionError} naming the reference, never the value.
   * `env` is typed without `NodeJS.ProcessEnv`: this class is in the package's declarations (an
   * AWS config field's type), and a consumer's compiler must not need `@types/node` for them.
   */
  resolve(configDir: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
    if (this.scheme === "env") {
      const value = env[this.target];
      if (value === undefined || value === "") {
        throw new SecretResolutionError(this, `environment variable ${this.target} is not set`);
      }
      return value;
    }
    const path = this.filePath(configDir);
    let file: ReturnType<typeof readRegularFile>;
    try {
      file = readRegularFile(path, LIMITS.secretFileBytes);
    } catch (error) {
      if (error instanceof FileRefusedError) throw new SecretResolutionError(this, error.reason);
      throw error;
    }
    const problem = modeProblem(path, file.stats.mode);
    if (problem) throw new SecretResolutionError(this, problem);
    return file.bytes.toString("utf8").replace(/\r?\n$/, "");
  }
}

export class SecretResolutionError extends InvalidConfigError {
  constructor(
    readonly ref: SecretRef,
    reason: string,
  ) {
    super(`cannot resolve secret ${ref}: ${reason}`);
  }
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Why a `file:` secret may not be used, or undefined when it may (or does not exist yet:
 * a plan never needs the file, a registration reports it missing then). It reads the
 * file's type, size and mode, never its content.
 */
export function secretFileProblem(path: string): string | undefined {
  try {
    return modeProblem(path, inspectRegularFile(path, LIMITS.secretFileBytes).mode);
  } catch (error) {
    if (error instanceof FileRefusedError) return error.missing ? undefined : error.reason;
    throw error;
  }
}

/** Why a credentials file's mode is too open, or undefined when it is owner-only (or absent). */
export function filePermissionProblem(path: string): string | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    return undefined;
  }
  return modeProblem(path, mode);
}

function modeProblem(path: string, mode: number): string | undefined {
  if ((mode & 0o077) === 0) return undefined;
  const octal = (mode & 0o777).toString(8).padStart(4, "0");
  return `${path} is readable by group or others (mode ${octal}); run: chmod 600 ${path}`;
}

/** Parses `env:NAME` / `file:PATH`; anything else is refused without echoing it. */
export function parseSecretRef(text: string): SecretRef | string {
  const match = /^(env|file):(.*)$/s.exec(text);
  if (!match) {
    return "a literal secret is not allowed here: write env:NAME or file:PATH (the value is not shown)";
  }
  const [, scheme, target] = match;
  if (scheme === "env" && !ENV_NAME.test(target)) {
    // What follows env: may be the secret itself, pasted in the wrong place: never shown.
    return (
      "env: needs a variable name like env:INSIGHTS_TOKEN: letters, digits and _, " +
      "not starting with a digit (the text is not shown)"
    );
  }
  if (scheme === "file" && target.trim() === "") {
    return "file: needs a path, like file:./secrets/token";
  }
  return new SecretRef(scheme as "env" | "file", target);
}

/** A config field that must hold a secret reference. */
export const secretRefField = z.string().transform((text, ctx) => {
  const parsed = parseSecretRef(text);
  if (typeof parsed === "string") {
    ctx.addIssue({ code: "custom", message: parsed });
    return z.NEVER;
  }
  return parsed;
});

/**
 * A config field for a value that is not secret by itself (a client ID) but that
 * pipelines often keep beside the secret: a literal or a reference.
 */
export const literalOrRefField = z
  .string()
  .min(1)
  .transform((text, ctx) => {
    if (!/^(env|file):/.test(text)) return text;
    const parsed = parseSecretRef(text);
    if (typeof parsed === "string") {
      ctx.addIssue({ code: "custom", message: parsed });
      return z.NEVER;
    }
    return parsed;
  });

import { EXIT } from "./exit-codes";

/**
 * What went wrong, as the user acts on it; each category has one exit code (docs/cli.md, "Exit codes").
 * cdktf sorts its errors into Usage / External / Internal (@cdktf/commons 0.21.0, src/errors.ts);
 * here a mistake in a file the user wrote (`config`) is told apart from one on the command line
 * (`usage`), because the CLI reports it located (file:line:col) and both exit 2.
 */
export const ERROR_CATEGORIES = {
  /** The command line is wrong (a flag, an unknown tenant, `--yes` missing): nothing was changed or contacted. */
  usage: EXIT.usage,
  /** What the user wrote is wrong or unusable: a config file, construct props, a setting, a secret reference. */
  config: EXIT.usage,
  /** Something this toolkit does not run failed or refused: an engine CLI, an API, the network, a person's step. */
  external: EXIT.failed,
  /** The toolkit contradicts itself (a stack grants other than its catalog): a bug to report. */
  internal: EXIT.failed,
} as const;

export type ErrorCategory = keyof typeof ERROR_CATEGORIES;

/** Marks a ToolkitError across copies of this package (aws-cdk-lib's `Errors.isConstructError` does the same). */
const TOOLKIT_ERROR = Symbol.for("insights-connectors.ToolkitError");

/**
 * The one base of every error this toolkit throws, as aws-cdk-lib has `ConstructError`
 * (aws-cdk-lib 2.276.0, core/lib/errors.ts): its category says what kind of failure it is and
 * so the exit code; `name` is the class's own. Extend one of the category classes below.
 */
export abstract class ToolkitError extends Error {
  abstract get category(): ErrorCategory;

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    Object.defineProperty(this, TOOLKIT_ERROR, { value: true });
  }

  /** The exit code of a command that stops with this error. */
  get exitCode(): number {
    return ERROR_CATEGORIES[this.category];
  }

  /** True for a ToolkitError, also one thrown by another copy of this package. */
  static isToolkitError(value: unknown): value is ToolkitError {
    return typeof value === "object" && value !== null && TOOLKIT_ERROR in value;
  }
}

/** A command-line mistake the user can fix (a flag, a tenant name, `--yes`); exit 2, nothing changed. */
export class UsageError extends ToolkitError {
  get category(): "usage" {
    return "usage";
  }
}

/** What the user wrote (a config file, construct props, a setting, a secret reference) is wrong; exit 2. */
export class InvalidConfigError extends ToolkitError {
  get category(): "config" {
    return "config";
  }
}

/** A system this toolkit does not run failed, refused or is not there (engine CLI, API, network); exit 1. */
export class ExternalError extends ToolkitError {
  get category(): "external" {
    return "external";
  }
}

/** The toolkit contradicts itself, e.g. a synthesized stack grants other than its catalog; exit 1. */
export class InternalError extends ToolkitError {
  get category(): "internal" {
    return "internal";
  }
}

/**
 * The category of anything thrown: a ToolkitError's own; anything else (a plain `Error`, a
 * library's error, a thrown string) is `internal`, since nothing here decided what it means.
 */
export function errorCategory(thrown: unknown): ErrorCategory {
  return ToolkitError.isToolkitError(thrown) ? thrown.category : "internal";
}

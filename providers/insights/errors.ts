import { printable } from "../text/printable";
import { ExternalError } from "../../values/errors";

/**
 * A contract-conforming problem answer (RFC 9457): title and field errors, never a value,
 * stripped of control characters.
 */
export class InsightsApiError extends ExternalError {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly problem: { title?: string; detail?: string; errors?: { field?: string; message?: string }[] },
  ) {
    const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join("; ");
    const text = `HTTP ${status} ${problem.title ?? ""}${problem.detail ? ` (${problem.detail})` : ""}${
      fields ? `: ${fields}` : ""
    }`;
    super(`${method} ${path}: ${printable(text).trim()}`);
  }
}

/**
 * An answer the contract does not describe (a redirect, a proxy's HTML page, JSON of the
 * wrong shape, a body past the size cap): never believed, whatever its status.
 */
export class UnexpectedAnswerError extends ExternalError {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly contentType: string | undefined,
    reason: string,
  ) {
    super(`${method} ${path}: HTTP ${status} (${printable(contentType ?? "no content type")}) ${printable(reason)}`);
  }
}

/** No answer at all: unreachable, dropped, or out of time. */
export class InsightsConnectionError extends ExternalError {
  constructor(
    readonly method: string,
    readonly path: string,
    reason: string,
  ) {
    super(`${method} ${path}: ${reason}`);
  }
}

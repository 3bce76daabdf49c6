import { printable } from "../text/printable";
import { ExternalError } from "../../values/errors";

/**
 * What a connector id may be (assumed; written into the contract, openapi.yaml): an opaque token
 * of ASCII letters, digits, `-` and `_`, at most 128 characters — a UUID, as the emulator makes.
 * Nothing a path, a file name or a terminal treats specially: no `.` (so no `..`), `/`, `%`,
 * space, control or bidi character.
 */
export const CONNECTOR_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$";
const CONNECTOR_ID = new RegExp(CONNECTOR_ID_PATTERN);

/** A server gave a connector id outside {@link CONNECTOR_ID_PATTERN}; nothing was sent with it. */
export class UnsafeConnectorIdError extends ExternalError {
  constructor(id: string) {
    // Shown escaped and cut short: the id is the server's, not a value of ours.
    const shown = JSON.stringify(printable(id).slice(0, 60));
    super(
      `the Insights API gave connector id ${shown}, which is not an id (${CONNECTOR_ID_PATTERN}); ` +
        "refused before any request was sent with it",
    );
  }
}

export function isConnectorId(id: unknown): id is string {
  return typeof id === "string" && CONNECTOR_ID.test(id);
}

/** `id` when it is a connector id; throws {@link UnsafeConnectorIdError} otherwise. */
export function checkedConnectorId(id: string): string {
  if (!isConnectorId(id)) throw new UnsafeConnectorIdError(id);
  return id;
}

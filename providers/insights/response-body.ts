import { readCappedBytes } from "../http/capped-body";

export { ResponseTooLargeError, formatBytes } from "../http/capped-body";

/** The default cap on one response body: a connector list of ~15,000 entries fits. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** The body as UTF-8 text, at most `limitBytes` of it (see readCappedBytes). */
export async function readCappedBody(response: Response, limitBytes: number): Promise<string> {
  return (await readCappedBytes(response, limitBytes)).toString("utf8");
}

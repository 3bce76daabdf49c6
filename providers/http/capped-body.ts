import { ExternalError } from "../../values/errors";

/** A body larger than the cap: the connection was cut as soon as the cap was passed. */
export class ResponseTooLargeError extends ExternalError {
  constructor(
    readonly limitBytes: number,
    declared?: number,
  ) {
    super(
      `the answer is larger than the ${formatBytes(limitBytes)} limit${
        declared ? ` (Content-Length ${formatBytes(declared)})` : ""
      }; it was not read`,
    );
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * The body, read chunk by chunk and cancelled past `limitBytes`, so a hostile or broken
 * server cannot make the process buffer gigabytes (`response.text()` would).
 */
export async function readCappedBytes(response: Response, limitBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > limitBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(limitBytes, declared);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

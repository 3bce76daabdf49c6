import type { IncomingMessage } from "node:http";
import { ExternalError } from "../../values/errors";

/** A request body past the cap: the request was cut off as soon as it was passed. */
export class RequestTooLargeError extends ExternalError {
  constructor(readonly limitBytes: number) {
    super(`the request body is larger than ${limitBytes} bytes; it was not read`);
  }
}

/**
 * A request's whole body as text, at most `maxBytes` of it: past the cap (or a declared
 * Content-Length past it) the read stops with {@link RequestTooLargeError}, so a client cannot
 * make a local server buffer gigabytes. @default 1 MiB (the local servers here take small JSON
 * and form bodies)
 */
export function readBody(request: IncomingMessage, maxBytes = 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers["content-length"]) > maxBytes) return reject(new RequestTooLargeError(maxBytes));
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners("data");
        request.pause();
        reject(new RequestTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

import type { ServerResponse } from "node:http";
import { ExternalError } from "../../../values/errors";

/** An answer other than success: the status and the problem JSON (RFC 9457) the contract gives. */
export class HttpProblem extends ExternalError {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors?: { field: string; message: string }[],
  ) {
    super(title);
  }
}

/** A request body as JSON, or a 400. */
export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpProblem(400, "Body is not JSON");
  }
}

/** Writes one answer: JSON, or no body for a 204. */
export function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204) {
    response.writeHead(204, headers);
    response.end();
    return;
  }
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "../../../providers/http/read-body";

export interface SeenRequest {
  method: string;
  url: string;
  body: string;
}

export interface HostileServer {
  readonly url: string;
  readonly port: number;
  /** Every request that reached this server, body included. */
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * `serve(handler)` for a test file: each server it starts is closed after every test
 * (call it at the top level of the file, where it registers that `afterEach`).
 */
export function hostileServersPerTest(): (handler: Parameters<typeof hostileServer>[0]) => Promise<HostileServer> {
  const servers: HostileServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (handler) => {
    const server = await hostileServer(handler);
    servers.push(server);
    return server;
  };
}

/** A local server on 127.0.0.1 that answers as `handler` says; every connection is cut on close. */
export async function hostileServer(
  handler: (request: IncomingMessage, response: ServerResponse, body: string) => void,
): Promise<HostileServer> {
  const requests: SeenRequest[] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    requests.push({ method: request.method ?? "", url: request.url ?? "", body });
    handler(request, response, body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (bound once, then released). */
export async function closedPort(): Promise<number> {
  const server = await hostileServer(() => undefined);
  await server.close();
  return server.port;
}

/** A contract-conforming connector, for servers that must get past the list call. */
export function connectorJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const at = "2026-11-23T10:00:00.000Z";
  return {
    id: "c-1",
    kind: "epm-cloud",
    name: "EPM",
    enabled: true,
    connectivity: "Connected",
    connectionPoint: "https://acme.pm.beyondtrustcloud.com",
    settings: {},
    secretFingerprints: {},
    fingerprintSalt: "AAAAAAAAAAAAAAAAAAAAAA",
    createdAt: at,
    updatedAt: at,
    lastActivityAt: at,
    ...overrides,
  };
}

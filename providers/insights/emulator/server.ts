import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { INSIGHTS_CONNECTOR_KINDS as CATALOG } from "../../../connectors/catalog";
import type { ConnectorKind } from "../../../connectors/kind";
import { API_BASE_PATH, API_VERSION, API_VERSION_HEADER, IDEMPOTENCY_HEADER, newFingerprintSalt, secretFingerprint, type ActivityEntry, type Connector, type ConnectivityState } from "../contract";
import { readBody } from "../../http/read-body";
import { FaultInjector, type FaultOptions } from "./faults";
import { EmulatorStore, type StoredConnector } from "./store";
import { checkOutcome, connectionPoint, validateRegistration } from "./validation";

const KINDS = new Map<string, ConnectorKind<any>>((CATALOG as unknown as ConnectorKind<any>[]).map((k) => [k.kind, k]));

export interface EmulatorOptions {
  /** Folder for the persistent store; omit for memory only. */
  readonly stateDir?: string;
  /** 0 for a free port. Always bound to 127.0.0.1. */
  readonly port?: number;
  /** How long the first connectivity check after a change takes. */
  readonly checkDelayMs?: number;
  readonly faults?: FaultOptions;
  /** Require this bearer token; otherwise any bearer, or none, is accepted. */
  readonly token?: string;
}

class HttpProblem extends Error {
  constructor(readonly status: number, readonly title: string, readonly errors?: { field: string; message: string }[]) {
    super(title);
  }
}

/** The Insights connector API contract served on 127.0.0.1, for tests, the demo and dry runs. */
export class InsightsEmulator {
  private server?: Server;
  private readonly faults: FaultInjector;
  url = "";

  private constructor(private readonly store: EmulatorStore, private readonly options: EmulatorOptions) {
    this.faults = new FaultInjector(options.faults);
  }

  static async start(options: EmulatorOptions = {}): Promise<InsightsEmulator> {
    const emulator = new InsightsEmulator(await EmulatorStore.open(options.stateDir), options);
    emulator.server = createServer((request, response) => void emulator.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      emulator.server!.once("error", reject);
      emulator.server!.listen(options.port ?? 0, "127.0.0.1", () => resolve());
    });
    emulator.url = `http://127.0.0.1:${(emulator.server!.address() as AddressInfo).port}`;
    return emulator;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await this.store.compact();
  }

  /** Every stored connector, for tests that count duplicates. */
  async all(): Promise<StoredConnector[]> {
    return this.store.connectors.findAsync({});
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const fault = this.faults.decide();
    if (this.faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));
    if (fault.kind === "drop" && fault.when === "before") return void request.socket.destroy();
    if (fault.kind === "429") return this.send(response, 429, { title: "Too many requests" }, { "retry-after": String(fault.retryAfterSeconds) });
    if (fault.kind === "5xx") return this.send(response, fault.status, { title: "Server error (injected)" });
    let status = 200;
    let body: unknown;
    try {
      const raw = await readBody(request);
      ({ status, body } = await this.route(request, raw));
    } catch (error) {
      if (error instanceof HttpProblem) {
        status = error.status;
        body = { title: error.title, ...(error.errors ? { errors: error.errors } : {}) };
      } else {
        status = 500;
        body = { title: "Emulator error", detail: (error as Error).message };
      }
    }
    if (fault.kind === "drop") return void request.socket.destroy(); // the change is made; the answer is lost
    this.send(response, status, body);
  }

  private send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (status === 204) {
      response.writeHead(204, headers);
      response.end();
      return;
    }
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  }

  private async route(request: IncomingMessage, raw: string): Promise<{ status: number; body?: unknown }> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (!url.pathname.startsWith(`${API_BASE_PATH}/`)) throw new HttpProblem(404, "Not found");
    if (request.headers[API_VERSION_HEADER.toLowerCase()] !== API_VERSION) throw new HttpProblem(400, `${API_VERSION_HEADER} must be ${API_VERSION}`);
    if (this.options.token && request.headers.authorization !== `Bearer ${this.options.token}`) throw new HttpProblem(401, "Missing or invalid bearer token");
    const path = url.pathname.slice(API_BASE_PATH.length);
    const method = request.method ?? "GET";
    const body = raw ? parseJson(raw) : undefined;
    let match: RegExpExecArray | null;

    if ((match = /^\/sites\/([^/]+)\/connectors$/.exec(path)) && method === "GET") {
      const items = await this.store.connectors.findAsync({ siteId: decodeURIComponent(match[1]) }).sort({ createdAt: 1 });
      return { status: 200, body: { items: items.map((c) => this.present(c)) } };
    }
    if ((match = /^\/sites\/([^/]+)\/connectors\/kinds\/([^/]+)$/.exec(path)) && method === "POST") {
      return this.create(decodeURIComponent(match[1]), decodeURIComponent(match[2]), body, request.headers[IDEMPOTENCY_HEADER.toLowerCase()] as string | undefined);
    }
    if ((match = /^\/sites\/([^/]+)\/aws-external-id$/.exec(path)) && method === "POST") {
      const externalId = createHash("sha256").update(`external-id\n${decodeURIComponent(match[1])}`).digest("hex").slice(0, 32);
      return { status: 200, body: { externalId } };
    }
    if ((match = /^\/sites\/([^/]+)\/connectors\/([^/]+)(?:\/(turn-off|turn-on|connectivity|activity))?$/.exec(path))) {
      const [siteId, id, action] = [decodeURIComponent(match[1]), decodeURIComponent(match[2]), match[3]];
      const stored = await this.store.connectors.findOneAsync({ _id: id, siteId });
      if (!stored) throw new HttpProblem(404, "No such connector");
      if (!action && method === "GET") return { status: 200, body: this.present(stored) };
      if (!action && method === "PATCH") return this.update(stored, body);
      if (!action && method === "DELETE") {
        await this.store.connectors.removeAsync({ _id: id }, {});
        return { status: 204 };
      }
      if (action === "turn-off" && method === "POST") return this.setEnabled(stored, false);
      if (action === "turn-on" && method === "POST") return this.setEnabled(stored, true);
      if (action === "connectivity" && method === "GET") return { status: 200, body: { state: this.connectivity(stored), checkedAt: new Date().toISOString() } };
      if (action === "activity" && method === "GET") return { status: 200, body: { items: this.activityOf(stored) } };
    }
    throw new HttpProblem(404, "Not found");
  }

  private async create(siteId: string, kindName: string, body: unknown, idempotencyKey: string | undefined): Promise<{ status: number; body: unknown }> {
    const kind = KINDS.get(kindName);
    if (!kind) throw new HttpProblem(404, `No connector kind ${kindName}`);
    if (!idempotencyKey || idempotencyKey.length < 16) throw new HttpProblem(400, `${IDEMPOTENCY_HEADER} header of at least 16 characters is required`);
    const request = JSON.stringify(body ?? null);
    const scope = `${siteId}\n${idempotencyKey}`;
    const replay = await this.store.idempotency.findOneAsync({ scope });
    if (replay) {
      if (replay.requestFingerprint !== (await secretFingerprint(replay.requestSalt, "request", request))) {
        throw new HttpProblem(422, `${IDEMPOTENCY_HEADER} was used for a different request`);
      }
      const created = await this.store.connectors.findOneAsync({ _id: replay.connectorId });
      if (created) return { status: 200, body: this.present(created) };
    }
    const errors = validateRegistration(kind, body, false);
    if (errors.length) throw new HttpProblem(422, "Invalid connector settings", errors);
    const values = body as Record<string, string>;
    const now = new Date().toISOString();
    const id = randomUUID();
    const fingerprintSalt = newFingerprintSalt();
    const { settings, fingerprints } = await split(kind, fingerprintSalt, values);
    const doc: StoredConnector = {
      _id: id,
      siteId,
      identity: EmulatorStore.identity(siteId, kind.kind, values.name),
      kind: kind.kind,
      name: values.name,
      enabled: true,
      settings,
      secretFingerprints: fingerprints,
      fingerprintSalt,
      connectionPoint: connectionPoint(kind, settings),
      checkOutcome: checkOutcome(kind, values),
      checkReadyAt: Date.now() + (this.options.checkDelayMs ?? 300),
      createdAt: now,
      updatedAt: now,
      activity: [{ at: now, type: "created", message: "Connector created" }],
      ...(kind.provisioning.mode === "collector-install"
        ? { installation: { key: randomBytes(24).toString("base64url"), installerUrl: `${this.url}/downloads/insights-collector-installer.msi` } }
        : {}),
    };
    try {
      await this.store.connectors.insertAsync(doc);
    } catch (error) {
      if ((error as { errorType?: string }).errorType === "uniqueViolated") throw new HttpProblem(409, `A ${kind.title} connector named "${values.name}" already exists`);
      throw error;
    }
    const requestSalt = newFingerprintSalt();
    const requestFingerprint = await secretFingerprint(requestSalt, "request", request);
    await this.store.idempotency.insertAsync({ scope, connectorId: id, requestFingerprint, requestSalt }).catch(() => undefined);
    return { status: 201, body: this.present(doc) };
  }

  private async update(stored: StoredConnector, body: unknown): Promise<{ status: number; body: unknown }> {
    const kind = KINDS.get(stored.kind)!;
    const errors = validateRegistration(kind, body, true);
    if (errors.length) throw new HttpProblem(422, "Invalid connector settings", errors);
    const values = body as Record<string, string>;
    const { settings, fingerprints } = await split(kind, stored.fingerprintSalt, values);
    const now = new Date().toISOString();
    const changedFields = Object.keys(values).sort().join(", ");
    const next: StoredConnector = {
      ...stored,
      name: values.name ?? stored.name,
      identity: EmulatorStore.identity(stored.siteId, stored.kind, values.name ?? stored.name),
      settings: { ...stored.settings, ...settings },
      secretFingerprints: { ...stored.secretFingerprints, ...fingerprints },
      checkOutcome: checkOutcome(kind, values),
      checkReadyAt: Date.now() + (this.options.checkDelayMs ?? 300),
      updatedAt: now,
      activity: [{ at: now, type: "updated" as const, message: `Settings changed: ${changedFields}` }, ...stored.activity].slice(0, 50),
    };
    next.connectionPoint = connectionPoint(kind, next.settings);
    try {
      await this.store.connectors.updateAsync({ _id: stored._id }, next, {});
    } catch (error) {
      if ((error as { errorType?: string }).errorType === "uniqueViolated") throw new HttpProblem(409, `Another ${kind.title} connector is named "${values.name}"`);
      throw error;
    }
    return { status: 200, body: this.present(next) };
  }

  private async setEnabled(stored: StoredConnector, enabled: boolean): Promise<{ status: number; body: unknown }> {
    const kind = KINDS.get(stored.kind)!;
    // Guide, "Review Connector Settings": the Active Directory connector cannot be turned off.
    if (!enabled && kind.kind === "active-directory") throw new HttpProblem(409, "The Active Directory connector cannot be turned off");
    const now = new Date().toISOString();
    const entry: ActivityEntry = { at: now, type: enabled ? "enabled" : "disabled", message: enabled ? "Connector turned on" : "Connector turned off" };
    const next = { ...stored, enabled, updatedAt: now, activity: [entry, ...stored.activity].slice(0, 50) };
    await this.store.connectors.updateAsync({ _id: stored._id }, next, {});
    return { status: 200, body: this.present(next) };
  }

  private connectivity(stored: StoredConnector): ConnectivityState {
    if (!stored.enabled) return "Connector Off";
    return Date.now() < stored.checkReadyAt ? "Checking" : stored.checkOutcome.state;
  }

  /** The stored history, newest first, with the outcome of the last check once it is done. */
  private activityOf(stored: StoredConnector): ActivityEntry[] {
    if (!stored.enabled || Date.now() < stored.checkReadyAt) return stored.activity;
    const check: ActivityEntry = { at: new Date(stored.checkReadyAt).toISOString(), type: "connectivity", message: `${stored.checkOutcome.state}: ${stored.checkOutcome.reason}` };
    return [check, ...stored.activity];
  }

  private present(stored: StoredConnector): Connector {
    const state = this.connectivity(stored);
    const activity = this.activityOf(stored);
    return {
      id: stored._id!,
      kind: stored.kind,
      name: stored.name,
      enabled: stored.enabled,
      connectivity: state,
      connectionPoint: stored.connectionPoint,
      settings: stored.settings,
      secretFingerprints: stored.secretFingerprints,
      fingerprintSalt: stored.fingerprintSalt,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      lastActivityAt: activity[0]?.at ?? stored.updatedAt,
      ...(stored.installation ? { installation: stored.installation } : {}),
    };
  }
}

/** Non-secret fields are kept; secret ones only as salted scrypt fingerprints. */
async function split(
  kind: ConnectorKind<any>,
  salt: string,
  values: Record<string, string>,
): Promise<{ settings: Record<string, string>; fingerprints: Record<string, string> }> {
  const settings: Record<string, string> = {};
  const fingerprints: Record<string, string> = {};
  for (const field of kind.registration.fields) {
    const value = values[field.key];
    if (value === undefined) continue;
    if (field.secret) fingerprints[field.key] = await secretFingerprint(salt, field.key, value);
    else settings[field.key] = value;
  }
  return { settings, fingerprints };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpProblem(400, "Body is not JSON");
  }
}

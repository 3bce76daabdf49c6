import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody, RequestTooLargeError } from "../../http/read-body";
import { isCollectorKind, type ApiConnectorKind } from "../api-kind";
import {
  API_BASE_PATH,
  API_VERSION,
  API_VERSION_HEADER,
  FINGERPRINT_COST,
  fingerprintCostOf,
  IDEMPOTENCY_HEADER,
  newFingerprintSalt,
  secretFingerprint,
  type ActivityEntry,
} from "../contract";
import { CONNECTOR_ID_PATTERN, isConnectorId } from "../connector-id";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../response-body";
import { matchRoute, type RouteName } from "../routes";
import { FaultInjector, type CheckFault, type FaultOptions } from "./faults";
import { HttpProblem, parseJson, send } from "./http-answers";
import { EmulatorStore, type StoredConnector } from "./store";
import { activityOf, connectivityOf, present, split } from "./presentation";
import { connectionPoint, validateRegistration } from "./validation";
import { scheduleCheck } from "./checks";
import { emulatorFingerprintCost } from "./fingerprint-cost";

export interface EmulatorOptions {
  /** The connector kinds it serves (the catalog's): their forms, checks and rules. */
  readonly kinds: readonly ApiConnectorKind[];
  /** Folder for the persistent store; omit for memory only. */
  readonly stateDir?: string;
  /** 0 for a free port. Always bound to 127.0.0.1. */
  readonly port?: number;
  /** How long the first connectivity check after a change takes. */
  readonly checkDelayMs?: number;
  readonly faults?: FaultOptions;
  /** Require this bearer token; otherwise any bearer, or none, is accepted. */
  readonly token?: string;
  /**
   * Crash after this many writes (creates, updates, deletes, turn-offs and -ons): the last
   * write is stored but its answer is lost, and the emulator stops answering, as a server
   * dying mid-run would. Tests of recovery use it instead of killing a process after a sleep.
   */
  readonly dieAfterWrites?: number;
  /**
   * scrypt's cost (log2 N) of the fingerprints it makes, stated in each connector (`fingerprintCost`).
   * Default: INSIGHTS_EMULATOR_FINGERPRINT_COST, else the contract's 14. The test suite runs it at
   * the lowest the contract admits (test/setup/suite-environment.ts): thousands, a few ms each.
   */
  readonly fingerprintCost?: number;
}

/** The routes that change the store, counted by `dieAfterWrites`. */
const WRITES: ReadonlySet<RouteName> = new Set([
  "createConnector",
  "updateConnector",
  "deleteConnector",
  "turnOff",
  "turnOn",
]);

/** The Insights connector API contract served on 127.0.0.1, for tests, the demo and dry runs. */
export class InsightsEmulator {
  private server?: Server;
  private readonly faults: FaultInjector;
  private readonly kinds: ReadonlyMap<string, ApiConnectorKind>;
  private writes = 0;
  private dead = false;
  private resolveDied!: () => void;
  /** Settles once `dieAfterWrites` writes are made and the emulator has stopped answering. */
  readonly died = new Promise<void>((resolve) => (this.resolveDied = resolve));
  url = "";

  private constructor(
    private readonly store: EmulatorStore,
    private readonly options: EmulatorOptions,
    private readonly fingerprintCost: number,
  ) {
    this.faults = new FaultInjector(options.faults);
    this.kinds = new Map(options.kinds.map((k) => [k.kind, k]));
  }

  static async start(options: EmulatorOptions): Promise<InsightsEmulator> {
    const fingerprintCost = emulatorFingerprintCost(options.fingerprintCost); // before anything is opened
    const emulator = new InsightsEmulator(await EmulatorStore.open(options.stateDir), options, fingerprintCost);
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

  /** From now on, connectivity checks end as `fault` says (undefined: as the values say); for tests of propagation. */
  injectCheckFault(fault: CheckFault | undefined): void {
    this.faults.injectChecks(fault);
  }

  /** Every stored connector, for tests that count duplicates. */
  async all(): Promise<StoredConnector[]> {
    return this.store.connectors.findAsync({});
  }

  /** Stops answering: this and every later request's connection is dropped, and no new one is accepted. */
  private die(request: IncomingMessage): void {
    request.socket.destroy();
    if (this.dead) return;
    this.dead = true;
    this.server?.close(() => this.resolveDied());
    this.server?.closeAllConnections();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (this.dead) return this.die(request);
    const fault = this.faults.decide();
    if (this.faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));
    if (fault.kind === "drop" && fault.when === "before") return void request.socket.destroy();
    if (fault.kind === "429")
      return send(response, 429, { title: "Too many requests" }, { "retry-after": String(fault.retryAfterSeconds) });
    if (fault.kind === "5xx") return send(response, fault.status, { title: "Server error (injected)" });
    let status: number;
    let body: unknown;
    try {
      // The cap the client puts on the answers it reads (providers/insights/response-body.ts).
      const raw = await readBody(request, DEFAULT_MAX_RESPONSE_BYTES);
      if (this.dead) return this.die(request);
      ({ status, body } = await this.route(request, raw));
    } catch (error) {
      if (error instanceof RequestTooLargeError) {
        // Answered, then the connection closed: the rest of the body is never read.
        response.setHeader("connection", "close");
        return send(response, 413, { title: "Request body too large", detail: error.message });
      }
      if (error instanceof HttpProblem) {
        status = error.status;
        body = { title: error.title, ...(error.errors ? { errors: error.errors } : {}) };
      } else {
        status = 500;
        body = { title: "Emulator error", detail: (error as Error).message };
      }
    }
    if (fault.kind === "drop") return void request.socket.destroy(); // the change is made; the answer is lost
    // The last write allowed is made, its answer lost like a drop's, and nothing answers after it.
    if (this.dead || this.writes >= (this.options.dieAfterWrites ?? Infinity)) return this.die(request);
    send(response, status, body);
  }

  private async route(request: IncomingMessage, raw: string): Promise<{ status: number; body?: unknown }> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (!url.pathname.startsWith(`${API_BASE_PATH}/`)) throw new HttpProblem(404, "Not found");
    if (request.headers[API_VERSION_HEADER.toLowerCase()] !== API_VERSION)
      throw new HttpProblem(400, `${API_VERSION_HEADER} must be ${API_VERSION}`);
    if (this.options.token && request.headers.authorization !== `Bearer ${this.options.token}`)
      throw new HttpProblem(401, "Missing or invalid bearer token");
    const route = matchRoute(request.method ?? "GET", url.pathname.slice(API_BASE_PATH.length));
    if (!route) throw new HttpProblem(404, "Not found");
    const body = raw ? parseJson(raw) : undefined;
    const result = await this.dispatch(route.name, route.params, request, body);
    if (WRITES.has(route.name) && result.status < 300) this.writes++;
    return result;
  }

  private async dispatch(
    name: RouteName,
    params: Record<string, string>,
    request: IncomingMessage,
    body: unknown,
  ): Promise<{ status: number; body?: unknown }> {
    const { siteId } = params;
    if (name === "listConnectors") {
      const items = await this.store.connectors.findAsync({ siteId }).sort({ createdAt: 1 });
      return { status: 200, body: { items: items.map((c) => present(c)) } };
    }
    if (name === "createConnector") {
      return this.create(
        siteId,
        params.kind,
        body,
        request.headers[IDEMPOTENCY_HEADER.toLowerCase()] as string | undefined,
      );
    }
    if (name === "awsExternalId") {
      const externalId = createHash("sha256").update(`external-id\n${siteId}`).digest("hex").slice(0, 32);
      return { status: 200, body: { externalId } };
    }
    // The contract's id pattern: anything else (`..`, `%2F`, control characters) is no connector.
    if (!isConnectorId(params.connectorId))
      throw new HttpProblem(400, `connectorId must match ${CONNECTOR_ID_PATTERN}`);
    const stored = await this.store.connectors.findOneAsync({ _id: params.connectorId, siteId });
    if (!stored) throw new HttpProblem(404, "No such connector");
    switch (name) {
      case "getConnector":
        return { status: 200, body: present(stored) };
      case "updateConnector":
        return this.update(stored, body);
      case "deleteConnector":
        await this.store.connectors.removeAsync({ _id: stored._id }, {});
        return { status: 204 };
      case "turnOff":
        return this.setEnabled(stored, false);
      case "turnOn":
        return this.setEnabled(stored, true);
      case "connectivity":
        return { status: 200, body: { state: connectivityOf(stored), checkedAt: new Date().toISOString() } };
      case "activity":
        return { status: 200, body: { items: activityOf(stored) } };
    }
  }

  private async create(
    siteId: string,
    kindName: string,
    body: unknown,
    idempotencyKey: string | undefined,
  ): Promise<{ status: number; body: unknown }> {
    const kind = this.kinds.get(kindName);
    if (!kind) throw new HttpProblem(404, `No connector kind ${kindName}`);
    if (!idempotencyKey || idempotencyKey.length < 16)
      throw new HttpProblem(400, `${IDEMPOTENCY_HEADER} header of at least 16 characters is required`);
    const request = JSON.stringify(body ?? null);
    const scope = `${siteId}\n${idempotencyKey}`;
    const replay = await this.store.idempotency.findOneAsync({ scope });
    if (replay) {
      const again = await secretFingerprint(
        replay.requestSalt,
        "request",
        request,
        replay.requestCost ?? FINGERPRINT_COST.default,
      );
      if (replay.requestFingerprint !== again) {
        throw new HttpProblem(422, `${IDEMPOTENCY_HEADER} was used for a different request`);
      }
      const created = await this.store.connectors.findOneAsync({ _id: replay.connectorId });
      if (created) return { status: 200, body: present(created) };
    }
    const errors = validateRegistration(kind, body, false);
    if (errors.length) throw new HttpProblem(422, "Invalid connector settings", errors);
    const values = body as Record<string, string>;
    const now = new Date().toISOString();
    const id = randomUUID();
    const fingerprintSalt = newFingerprintSalt();
    const { settings, fingerprints } = await split(kind, fingerprintSalt, this.fingerprintCost, values);
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
      fingerprintCost: this.fingerprintCost,
      connectionPoint: connectionPoint(kind, settings),
      ...scheduleCheck(kind, values, this.faults, this.options.checkDelayMs ?? 300),
      createdAt: now,
      updatedAt: now,
      activity: [{ at: now, type: "created", message: "Connector created" }],
      ...(isCollectorKind(kind)
        ? {
            installation: {
              key: randomBytes(24).toString("base64url"),
              installerUrl: `${this.url}/downloads/insights-collector-installer.msi`,
            },
          }
        : {}),
    };
    try {
      await this.store.connectors.insertAsync(doc);
    } catch (error) {
      if ((error as { errorType?: string }).errorType === "uniqueViolated")
        throw new HttpProblem(409, `A ${kind.title} connector named "${values.name}" already exists`);
      throw error;
    }
    const requestSalt = newFingerprintSalt();
    const requestCost = this.fingerprintCost;
    const requestFingerprint = await secretFingerprint(requestSalt, "request", request, requestCost);
    await this.store.idempotency
      .insertAsync({ scope, connectorId: id, requestFingerprint, requestSalt, requestCost })
      .catch(() => undefined);
    return { status: 201, body: present(doc) };
  }

  private async update(stored: StoredConnector, body: unknown): Promise<{ status: number; body: unknown }> {
    const kind = this.kinds.get(stored.kind)!;
    const errors = validateRegistration(kind, body, true);
    if (errors.length) throw new HttpProblem(422, "Invalid connector settings", errors);
    const values = body as Record<string, string>;
    const { settings, fingerprints } = await split(kind, stored.fingerprintSalt, fingerprintCostOf(stored), values);
    const now = new Date().toISOString();
    const changedFields = Object.keys(values).sort().join(", ");
    const next: StoredConnector = {
      ...stored,
      name: values.name ?? stored.name,
      identity: EmulatorStore.identity(stored.siteId, stored.kind, values.name ?? stored.name),
      settings: { ...stored.settings, ...settings },
      secretFingerprints: { ...stored.secretFingerprints, ...fingerprints },
      ...scheduleCheck(kind, values, this.faults, this.options.checkDelayMs ?? 300),
      updatedAt: now,
      activity: [
        { at: now, type: "updated" as const, message: `Settings changed: ${changedFields}` },
        ...stored.activity,
      ].slice(0, 50),
    };
    next.connectionPoint = connectionPoint(kind, next.settings);
    try {
      await this.store.connectors.updateAsync({ _id: stored._id }, next, {});
    } catch (error) {
      if ((error as { errorType?: string }).errorType === "uniqueViolated")
        throw new HttpProblem(409, `Another ${kind.title} connector is named "${values.name}"`);
      throw error;
    }
    return { status: 200, body: present(next) };
  }

  private async setEnabled(stored: StoredConnector, enabled: boolean): Promise<{ status: number; body: unknown }> {
    const kind = this.kinds.get(stored.kind)!;
    if (!enabled && kind.cannotTurnOff) throw new HttpProblem(409, kind.cannotTurnOff.reason);
    const now = new Date().toISOString();
    const entry: ActivityEntry = {
      at: now,
      type: enabled ? "enabled" : "disabled",
      message: enabled ? "Connector turned on" : "Connector turned off",
    };
    const next = { ...stored, enabled, updatedAt: now, activity: [entry, ...stored.activity].slice(0, 50) };
    await this.store.connectors.updateAsync({ _id: stored._id }, next, {});
    return { status: 200, body: present(next) };
  }
}

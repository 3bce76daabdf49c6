import { join } from "node:path";
import Datastore from "@seald-io/nedb";
import { ensurePrivateFolder } from "../../../values/state-files";
import { newFingerprintSalt, type ActivityEntry, type ConnectivityState } from "../contract";

/** A connector as the emulator keeps it: fingerprints of secrets, never their values. */
export interface StoredConnector {
  _id?: string;
  siteId: string;
  /** `<siteId>\n<kind>\n<name>`: unique, so two creates can never make two connectors. */
  identity: string;
  kind: string;
  name: string;
  enabled: boolean;
  settings: Record<string, string>;
  secretFingerprints: Record<string, string>;
  /** Random per connector; salts its secret fingerprints. */
  fingerprintSalt: string;
  /** scrypt's log2 N of its fingerprints; absent (stored by an earlier emulator) means the default. */
  fingerprintCost?: number;
  connectionPoint: string;
  /** What the first check after a change will find, and when it finishes. */
  checkOutcome: { state: ConnectivityState; reason: string };
  checkReadyAt: number;
  createdAt: string;
  updatedAt: string;
  activity: ActivityEntry[];
  installation?: { key: string; installerUrl: string };
}

interface IdempotencyRecord {
  _id?: string;
  /** `<siteId>\n<key>` */
  scope: string;
  connectorId: string;
  /** scrypt of the request body under `requestSalt`: a replay can be recognised, the body's secrets not guessed. */
  requestFingerprint: string;
  requestSalt: string;
  /** scrypt's log2 N of `requestFingerprint`; absent (stored by an earlier emulator) means the default. */
  requestCost?: number;
}

/**
 * The emulator's embedded store (NeDB: an append-only file per collection, reloaded on
 * start, so state survives restarts). NeDB runs one operation at a time and enforces
 * unique indexes, which is what makes concurrent creates safe.
 */
export class EmulatorStore {
  readonly connectors: Datastore<StoredConnector>;
  readonly idempotency: Datastore<IdempotencyRecord>;

  private constructor(dir: string | undefined) {
    // NeDB's own modes (@seald-io/nedb 4.1.2 lib/datastore.js, `options.modes`; its defaults are 0644/0755).
    const modes = { fileMode: 0o600, dirMode: 0o700 };
    const file = (name: string) =>
      dir ? { filename: join(dir, name), autoload: false, modes } : { inMemoryOnly: true };
    this.connectors = new Datastore<StoredConnector>(file("connectors.db"));
    this.idempotency = new Datastore<IdempotencyRecord>(file("idempotency.db"));
  }

  /** Opens (or creates) the store in `dir`; without a dir it lives in memory only. */
  static async open(dir?: string): Promise<EmulatorStore> {
    if (dir) ensurePrivateFolder(dir);
    const store = new EmulatorStore(dir);
    await Promise.all([store.connectors.loadDatabaseAsync(), store.idempotency.loadDatabaseAsync()]);
    await store.connectors.ensureIndexAsync({ fieldName: "identity", unique: true });
    await store.idempotency.ensureIndexAsync({ fieldName: "scope", unique: true });
    await store.forgetUnsaltedHashes();
    return store;
  }

  static identity(siteId: string, kind: string, name: string): string {
    return `${siteId}\n${kind}\n${name}`;
  }

  /**
   * Stores written before salted fingerprints kept plain SHA-256 ones: drop them (the next
   * register sees those secrets as changed and sends them again) and every idempotency record.
   */
  private async forgetUnsaltedHashes(): Promise<void> {
    const old = await this.connectors.findAsync({ fingerprintSalt: { $exists: false } });
    for (const doc of old)
      await this.connectors.updateAsync(
        { _id: doc._id },
        { $set: { fingerprintSalt: newFingerprintSalt(), secretFingerprints: {} } },
        {},
      );
    await this.idempotency.removeAsync({ requestSalt: { $exists: false } }, { multi: true });
  }

  /** Rewrites the data files without superseded lines. */
  async compact(): Promise<void> {
    await Promise.all([this.connectors.compactDatafileAsync(), this.idempotency.compactDatafileAsync()]);
  }
}

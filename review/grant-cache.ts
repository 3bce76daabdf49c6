import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { ensurePrivateFolder, writePrivateFile } from "../values/state-files";
import type { ConnectorArtifacts, ExtractionJob } from "./engines";
import {
  artifactsOf,
  ENTRY_FORMAT,
  ENTRY_NAME,
  entryText,
  INTERRUPTED_WRITE_NAME,
  type GrantCacheEntry,
} from "./grant-cache-entry";

/**
 * The code a connector's extracted grants depend on: its catalog entry, its stack, the
 * hand-written provider bindings the stacks use (providers/pingone, providers/azurerm), the
 * extractors, and the adapters that bind a kind's stack to its extractors (kinds/).
 */
const CODE_FOLDERS = ["connectors", "stacks", "providers", "review", "kinds"];
const UNUSED_ENTRY_DAYS = 30;

export interface GrantCacheOptions {
  readonly dir: string;
  /** The folder holding the running code's connectors/, stacks/, review/ and kinds/ (dist/ or the sources). */
  readonly codeRoot?: string;
  /** The lockfile naming every engine library's exact version. */
  readonly lockfile?: string;
}

/**
 * A content-addressed store of each connector's extracted grants and credential lifetimes.
 * An entry's address is the hash of everything they depend on: the connector's config and stack name, the
 * catalog and stack code that runs (every file of it), the lockfile and the Node version.
 * Any change to any of them is a different address, so a stale entry is never read; an entry
 * also carries the hashes it was computed from, checked on every read (review/grant-cache-entry.ts).
 * Entries hold grants and lifetimes only: plan never reads a secret, so none can reach the cache.
 * The folder must be this user's and writable by no one else (values/private-folder.ts): another
 * user who could plant an entry could hide a grant from review.
 */
export class GrantCache {
  private constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
  ) {}

  /**
   * The cache in `options.dir` (created 0700 when missing; UnsafeFolderError for another's
   * folder), or undefined where no lockfile names the engine libraries' versions: a global
   * install has none (a project that installs the package has its own). Without one an entry
   * could outlive a library update, so every stack is synthesized instead.
   */
  static open(options: GrantCacheOptions): GrantCache | undefined {
    const codeRoot = options.codeRoot ?? join(__dirname, "..");
    const lockfile = options.lockfile ?? nearestLockfile(codeRoot);
    if (lockfile === undefined) return undefined;
    return new GrantCache(ensurePrivateFolder(options.dir), codeFingerprint(codeRoot, lockfile));
  }

  /** The entry's address: a hash of the job and the code fingerprint. */
  addressOf(job: ExtractionJob): string {
    return addressOf(this.computedFrom(job));
  }

  get(job: ExtractionJob): ConnectorArtifacts | undefined {
    const from = this.computedFrom(job);
    let text: string;
    try {
      text = readFileSync(join(this.dir, `${addressOf(from)}.json`), "utf8");
    } catch {
      return undefined;
    }
    return artifactsOf(text, from);
  }

  /**
   * Stores an entry the one way state is written (values/state-files.ts: 0600, through an
   * exclusive temporary file and a rename), so a plan running at the same time never reads half of one.
   */
  put(job: ExtractionJob, artifacts: ConnectorArtifacts): void {
    const from = this.computedFrom(job);
    writePrivateFile(join(this.dir, `${addressOf(from)}.json`), entryText(from, artifacts));
  }

  /**
   * Removes entries written more than 30 days ago (any code change leaves the old ones
   * unreachable), and only those: regular files named like an entry or one's interrupted write,
   * directly in the cache folder. Nothing else there is touched, and a cache folder reached
   * through a symlink is not pruned at all: `--cache-dir` may name a folder that holds more.
   */
  prune(now = Date.now()): void {
    if (lstatSync(this.dir, { throwIfNoEntry: false })?.isDirectory() !== true) return;
    for (const name of readdirSync(this.dir)) {
      if (!ENTRY_NAME.test(name) && !INTERRUPTED_WRITE_NAME.test(name)) continue;
      const file = join(this.dir, name);
      const stats = lstatSync(file, { throwIfNoEntry: false });
      if (stats?.isFile() && now - stats.mtimeMs > UNUSED_ENTRY_DAYS * 86_400_000) rmSync(file, { force: true });
    }
  }

  /** Hashes of what an entry for `job` is computed from: no config value is stored in the clear. */
  private computedFrom({ tenant, name: stack, connector }: ExtractionJob): GrantCacheEntry["computedFrom"] {
    return {
      code: this.fingerprint,
      job: createHash("sha256").update(canonicalJson({ tenant, stack, connector })).digest("hex"),
    };
  }
}

function addressOf({ code, job }: GrantCacheEntry["computedFrom"]): string {
  return createHash("sha256")
    .update(canonicalJson({ format: ENTRY_FORMAT, code, job }))
    .digest("hex");
}

/**
 * package-lock.json in `from` or the closest folder above it: the repository's (dist/ sits inside
 * it), or that of the project the package is installed in; undefined when there is none.
 */
function nearestLockfile(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package-lock.json"))) return join(dir, "package-lock.json");
    if (dirname(dir) === dir) return undefined;
  }
}

/** A hash of every file of the code folders under `root` (names and bytes), the lockfile and the Node version. */
export function codeFingerprint(root: string, lockfile: string): string {
  const hash = createHash("sha256").update(`node ${process.version}\n`);
  for (const folder of CODE_FOLDERS) {
    const files = (readdirSync(join(root, folder), { recursive: true }) as string[]).sort();
    for (const file of files) {
      const path = join(root, folder, file);
      if (!statSync(path).isFile()) continue;
      hash.update(`${folder}/${file}\n`).update(readFileSync(path));
    }
  }
  return hash.update("package-lock.json\n").update(readFileSync(lockfile)).digest("hex");
}

/** JSON with object keys sorted at every level, so equal values always hash alike. */
export function canonicalJson(value: unknown): string {
  const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(byKey)) : v,
  );
}

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ConnectorArtifacts, ExtractionJob } from "./engines";

/**
 * The code a connector's extracted grants depend on: its catalog entry, its stack, the
 * hand-written provider bindings the stacks use (providers/pingone, providers/azurerm), the
 * extractors, and the adapters that bind a kind's stack to its extractors (kinds/).
 */
const CODE_FOLDERS = ["connectors", "stacks", "providers", "review", "kinds"];
const ENTRY_FORMAT = 2;
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
 * Any change to any of them is a different address, so a stale entry is never read.
 * Entries hold grants and lifetimes only: plan never reads a secret, so none can reach the cache.
 */
export class GrantCache {
  private constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
  ) {}

  /**
   * The cache, or undefined where no lockfile names the engine libraries' versions: a global
   * install has none (a project that installs the package has its own). Without one an entry
   * could outlive a library update, so every stack is synthesized instead.
   */
  static open(options: GrantCacheOptions): GrantCache | undefined {
    const codeRoot = options.codeRoot ?? join(__dirname, "..");
    const lockfile = options.lockfile ?? nearestLockfile(codeRoot);
    return lockfile === undefined ? undefined : new GrantCache(options.dir, codeFingerprint(codeRoot, lockfile));
  }

  /** The entry's address: a hash of the job and the code fingerprint. */
  addressOf(job: ExtractionJob): string {
    const { tenant, name: stack, connector } = job;
    const inputs = canonicalJson({ format: ENTRY_FORMAT, code: this.fingerprint, tenant, stack, connector });
    return createHash("sha256").update(inputs).digest("hex");
  }

  get(job: ExtractionJob): ConnectorArtifacts | undefined {
    const file = this.fileOf(job);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as { format?: unknown; grants?: unknown; lifetimes?: unknown };
      const valid = entry.format === ENTRY_FORMAT && Array.isArray(entry.grants) && Array.isArray(entry.lifetimes);
      if (!valid) return undefined;
      return { grants: entry.grants, lifetimes: entry.lifetimes } as ConnectorArtifacts;
    } catch {
      return undefined; // a torn or foreign file is a miss; the next put replaces it
    }
  }

  put(job: ExtractionJob, { grants, lifetimes }: ConnectorArtifacts): void {
    const file = this.fileOf(job);
    mkdirSync(dirname(file), { recursive: true });
    // Through a rename, so a plan running at the same time never reads half an entry.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ format: ENTRY_FORMAT, grants, lifetimes })}\n`);
    renameSync(temporary, file);
  }

  /** Removes entries written more than 30 days ago: any code change leaves the old ones unreachable. */
  prune(now = Date.now()): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = join(this.dir, name);
      if (now - statSync(file).mtimeMs > UNUSED_ENTRY_DAYS * 86_400_000) rmSync(file, { force: true });
    }
  }

  private fileOf(job: ExtractionJob): string {
    return join(this.dir, `${this.addressOf(job)}.json`);
  }
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

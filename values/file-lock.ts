import { closeSync, constants, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { ExternalError } from "./errors";

/** Another run holds the lock past the wait. */
export class StateLockedError extends ExternalError {
  constructor(
    readonly lockFile: string,
    holder: string,
    waitedMs: number,
  ) {
    super(
      `${lockFile} is held by ${holder} (still there after ${waitedMs / 1000} s): another run is writing the same ` +
        `state; wait for it, or delete ${lockFile} if no insights-connectors run is active`,
    );
  }
}

export interface FileLockOptions {
  /** How long to wait for another holder. @default 10 s */
  readonly waitMs?: number;
  /** A lock older than this is a crashed run's, whatever its holder. @default 10 min */
  readonly staleMs?: number;
}

const POLL_MS = 25;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** What the lock file says of its holder: `pid host startedMs`. */
interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly at: number;
}

function readHolder(lockFile: string): Holder | undefined {
  let text: string;
  try {
    // O_NOFOLLOW: a symlink at the lock's name is not a lock of ours, and is not read through.
    const fd = openSync(lockFile, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      text = readFileSync(fd, "utf8");
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const [pid, host, at] = text.trim().split(" ");
  return { pid: Number(pid), host: host ?? "", at: Number(at) };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, another user's
  }
}

/** A lock left by a run that ended without releasing it (killed, crashed, power cut). */
function isStale(holder: Holder | undefined, staleMs: number): boolean {
  if (!holder || !Number.isFinite(holder.at)) return false; // being written this instant: wait
  if (Date.now() - holder.at > staleMs) return true;
  return holder.host === hostname() && Number.isInteger(holder.pid) && !isRunning(holder.pid);
}

function tryAcquire(lockFile: string): boolean {
  let fd: number;
  try {
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
    fd = openSync(lockFile, flags, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeFileSync(fd, `${process.pid} ${hostname()} ${Date.now()}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Runs `update` while holding `<path>.lock`, so two runs that read, change and write the same
 * state file one after the other never lose each other's change. The lock is a file created
 * exclusively (`O_EXCL`, mode 0600) beside `path`, naming its holder; one whose holder died on
 * this host, or older than `staleMs`, is taken over. Synchronous like the writes it guards.
 *
 * Not proper-lockfile: it makes its lock a folder with `mkdir` and no mode, so under `umask 000`
 * the lock is world-writable (moxystudio/node-proper-lockfile lib/lockfile.js @678ea410,
 * `options.fs.mkdir(getLockFile(file, options), …)`), and its synchronous API refuses retries,
 * so it cannot wait for another run (lib/adapter.js @62ba9b04, "Cannot use retries with the sync api").
 */
export function withFileLock<T>(path: string, update: () => T, options: FileLockOptions = {}): T {
  const lockFile = `${path}.lock`;
  const waitMs = options.waitMs ?? 10_000;
  const staleMs = options.staleMs ?? 10 * 60_000;
  const started = Date.now();
  while (!tryAcquire(lockFile)) {
    const holder = readHolder(lockFile);
    if (isStale(holder, staleMs)) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() - started >= waitMs) {
      const who = holder ? `process ${holder.pid} on ${holder.host}` : "another process";
      throw new StateLockedError(lockFile, who, waitMs);
    }
    Atomics.wait(sleeper, 0, 0, POLL_MS); // a synchronous sleep: the callers are synchronous
  }
  try {
    return update();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

// Imports node: modules only: scripts/build.js loads this file before dist/ exists (see loadDurableWrite there).
import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";

export interface DurableWriteOptions {
  /** The file's exact mode, whatever the umask: 0o600 for state, 0o644 for compiled code. */
  readonly mode: number;
  /** Refuse (EEXIST) rather than replace a file already at `path`. @default false */
  readonly exclusive?: boolean;
}

/** Never follows a symlink planted at the temporary name (0 where the platform has no such flag). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * The name a write goes through before it takes `path`'s place: hidden, beside it (a rename
 * never crosses file systems), 128 random bits so another user cannot plant it in advance.
 */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(16).toString("hex")}.tmp`);
}

/**
 * Writes `data` to `path` so that a reader sees the old file or the new one, never half of
 * one, and a crash after the return keeps the new one: a temporary file opened exclusively
 * (`O_EXCL | O_NOFOLLOW`, so neither a planted file nor a symlink at its name is written
 * through) with the exact mode, fsync'ed, renamed over `path` (linked, when `exclusive`),
 * then the folder fsync'ed so the rename itself is on disk (rename(2) is atomic, but not
 * durable until its directory is synced: Linux fsync(2), "Calling fsync() does not
 * necessarily ensure that the entry in the directory containing the file has also reached
 * disk").
 */
export function writeFileDurably(path: string, data: string | Uint8Array, options: DurableWriteOptions): void {
  const temporary = temporaryNameFor(path);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;
  const fd = openSync(temporary, flags, options.mode);
  try {
    try {
      fchmodSync(fd, options.mode); // open's mode is filtered by the umask; this is not
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.exclusive) linkSync(temporary, path);
    else renameSync(temporary, path);
  } finally {
    // After a rename there is nothing left; after a link or a failure, the temporary name goes.
    rmSync(temporary, { force: true });
  }
  syncFolder(dirname(path));
}

/** Makes a folder's entries (a rename, a new file) durable. */
export function syncFolder(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
  } catch (error) {
    // Platforms that cannot open a folder (Windows) have no folder to sync.
    if (["EISDIR", "EPERM", "EACCES"].includes((error as NodeJS.ErrnoException).code ?? "")) return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    // Some file systems do not sync folders (EINVAL); the file itself is synced already.
    if ((error as NodeJS.ErrnoException).code !== "EINVAL") throw error;
  } finally {
    closeSync(fd);
  }
}

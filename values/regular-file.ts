import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  statfsSync,
  type Stats,
} from "node:fs";
import { InvalidConfigError } from "./errors";

/** Kernel interfaces, not files: `/proc/self/environ` alone holds every secret of the process. */
const PSEUDO_ROOTS = ["/proc", "/sys", "/dev"];
/** The same file systems mounted elsewhere, by statfs magic (linux/magic.h). */
const PSEUDO_FILE_SYSTEMS = new Map([
  [0x9fa0, "proc"],
  [0x62656572, "sysfs"],
  [0x64626720, "debugfs"],
  [0x74726163, "tracefs"],
  [0x1cd1, "devpts"],
]);

/** A file that was refused; the reason names the path and never the content. */
export class FileRefusedError extends InvalidConfigError {
  constructor(
    readonly reason: string,
    /** The errno code when the file could not be reached at all (ENOENT, EACCES). */
    readonly code?: string,
  ) {
    super(reason);
  }

  get missing(): boolean {
    return this.code === "ENOENT";
  }
}

/**
 * Checks that `path` is, after resolving symlinks, a regular file of at most
 * `maxBytes` outside the kernel's pseudo file systems, without opening it (a FIFO
 * would block the open). Returns its stats; throws {@link FileRefusedError}.
 */
export function inspectRegularFile(path: string, maxBytes: number): Stats {
  const real = realPath(path);
  const root = PSEUDO_ROOTS.find((r) => real === r || real.startsWith(`${r}/`));
  if (root) throw new FileRefusedError(`${path} is under ${root} (resolved: ${real}); only regular files are read`);
  const fsType = PSEUDO_FILE_SYSTEMS.get(Number(statfsSync(real).type));
  if (fsType) throw new FileRefusedError(`${path} is on a ${fsType} file system; only regular files are read`);
  return checkStats(path, statSync(real), maxBytes);
}

/**
 * Reads a file {@link inspectRegularFile} accepts. It opens without blocking and
 * without following a symlink swapped in since the check, checks the open file
 * again, and never reads more than `maxBytes`.
 */
export function readRegularFile(path: string, maxBytes: number): { bytes: Buffer; stats: Stats } {
  inspectRegularFile(path, maxBytes);
  let fd: number;
  try {
    fd = openSync(realPath(path), constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new FileRefusedError(`cannot open ${path} (${code})`, code);
  }
  try {
    const stats = checkStats(path, fstatSync(fd), maxBytes);
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length <= maxBytes; length += read) {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > maxBytes) throw new FileRefusedError(`${path} grew past ${maxBytes} bytes while being read`);
    return { bytes: buffer.subarray(0, length), stats };
  } finally {
    closeSync(fd);
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new FileRefusedError(`cannot read ${path} (${code})`, code);
  }
}

function checkStats(path: string, stats: Stats, maxBytes: number): Stats {
  if (!stats.isFile()) throw new FileRefusedError(`${path} is ${fileType(stats)}, not a regular file`);
  if (stats.size > maxBytes) throw new FileRefusedError(`${path} is ${stats.size} bytes; at most ${maxBytes} are read`);
  return stats;
}

function fileType(stats: Stats): string {
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isSocket()) return "a socket";
  if (stats.isDirectory()) return "a directory";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

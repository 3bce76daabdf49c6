import { chmodSync, lstatSync, mkdirSync, statSync, type Stats } from "node:fs";
import { UsageError } from "./errors";

/**
 * A folder the toolkit would keep state or a cache in, but another local user could
 * read or change: what is written there could be replaced, read or redirected.
 */
export class UnsafeFolderError extends UsageError {
  constructor(
    /** The folder, as the caller named it. */
    readonly folder: string,
    /** What is wrong and how to fix it. */
    readonly reason: string,
  ) {
    super(`refusing to use ${folder}: ${reason}`);
  }
}

export interface PrivateFolderOptions {
  /**
   * Take group and other read access away from an existing folder of ours: right for the
   * toolkit's own state folders, wrong for a folder the user named (`--cache-dir ~`).
   * @default false
   */
  readonly tighten?: boolean;
}

/** Group and others may write (create, delete, rename entries). */
const WRITABLE_BY_OTHERS = 0o022;

/** This process's effective user, or undefined where the platform has none (Windows). */
function currentUid(): number | undefined {
  return process.geteuid?.();
}

function ownerProblem(folder: string, stats: Stats, uid: number, what: string): string | undefined {
  if (stats.uid === uid) return undefined;
  return (
    `${what} is owned by user id ${stats.uid}, not by you (${uid}), so that user decides what is in it; ` +
    `use a folder of your own (remove ${folder} and let the toolkit create it, or choose another path)`
  );
}

/** Why an existing folder is not private to this user, or undefined when it is. */
function folderProblem(folder: string, uid: number): string | undefined {
  const link = lstatSync(folder);
  if (link.isSymbolicLink()) {
    // Whoever owns the link decides where it points.
    const linkOwner = ownerProblem(folder, link, uid, "the symlink");
    if (linkOwner) return linkOwner;
  }
  const stats = link.isSymbolicLink() ? statSync(folder, { throwIfNoEntry: false }) : link;
  if (!stats?.isDirectory()) return "it is not a folder";
  const owner = ownerProblem(folder, stats, uid, "it");
  if (owner) return owner;
  if (stats.mode & WRITABLE_BY_OTHERS) {
    const mode = (stats.mode & 0o7777).toString(8).padStart(4, "0");
    return `it is writable by ${stats.mode & 0o002 ? "every user" : "its group"} (mode ${mode}); run \`chmod 700 ${folder}\``;
  }
  return undefined;
}

/**
 * Makes `folder` (and every missing folder above it) with mode 0700, or checks the one
 * there: it must be a folder owned by this user that neither its group nor others may write
 * (a symlink to one counts when the link is this user's too). Throws {@link UnsafeFolderError}
 * naming the folder and the fix otherwise. Returns `folder`.
 */
export function ensurePrivateFolder(folder: string, options: PrivateFolderOptions = {}): string {
  try {
    // mkdir's mode is filtered by the umask, which can only take bits away from 0700.
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    // Something else is at that name (a file, a dangling symlink): the check below says what.
    if (!["EEXIST", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
  }
  const uid = currentUid();
  if (uid === undefined) return folder;
  const problem = folderProblem(folder, uid);
  if (problem) throw new UnsafeFolderError(folder, problem);
  if (options.tighten && statSync(folder).mode & 0o077) chmodSync(folder, 0o700);
  return folder;
}

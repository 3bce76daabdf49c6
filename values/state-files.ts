import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { writeFileDurably } from "./durable-write";
import { withFileLock, type FileLockOptions } from "./file-lock";
import { ensurePrivateFolder, type PrivateFolderOptions } from "./private-folder";

export { StateLockedError, withFileLock } from "./file-lock";
export { ensurePrivateFolder, UnsafeFolderError } from "./private-folder";

/**
 * The one way the toolkit writes state (`.state/`, the plan cache, the credential record,
 * GitHub App credentials): the folder is this user's and writable by no one else (made 0700
 * when missing), the file is 0600 whatever the umask, written through an exclusive temporary
 * file with a random name (never through a planted file or symlink), fsync'ed and renamed
 * into place (values/durable-write.ts).
 */
export function writePrivateFile(
  path: string,
  data: string | Uint8Array,
  options: PrivateFolderOptions & { readonly exclusive?: boolean } = {},
): void {
  ensurePrivateFolder(dirname(path), options);
  writeFileDurably(path, data, { mode: 0o600, exclusive: options.exclusive });
}

/**
 * Reads, changes and writes back one state file under its lock (values/file-lock.ts), so two
 * runs updating it at once both keep their change. `change` gets the current text (undefined
 * when there is no file yet) and returns the new text.
 */
export function updatePrivateFile(
  path: string,
  change: (current: string | undefined) => string,
  options: PrivateFolderOptions & FileLockOptions = {},
): void {
  ensurePrivateFolder(dirname(path), options);
  withFileLock(
    path,
    () => {
      let current: string | undefined;
      try {
        current = readFileSync(path, "utf8");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      writeFileDurably(path, change(current), { mode: 0o600 });
    },
    options,
  );
}

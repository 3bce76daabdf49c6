import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs `use` with a new empty folder under the temp folder (mkdtemp: a random name, mode 0700),
 * and removes the folder afterwards, however `use` ends. For synthesizers that must write to disk
 * (aws-cdk-lib's `App` and cdktf's `Testing.app` each make a temp folder of their own when given
 * none, and leave it behind: one per `plan`, for ever).
 */
export function inScratchFolder<T>(prefix: string, use: (folder: string) => T): T {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  try {
    return use(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

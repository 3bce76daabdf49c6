import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs `use` with a new empty folder under the temp folder (mkdtemp: a random name, mode 0700),
 * and removes the folder afterwards, however `use` ends; when `use` returns a promise, once that
 * promise settles. For work that must write to disk for a moment: synthesizers (aws-cdk-lib's
 * `App` and cdktf's `Testing.app` each make a temp folder of their own when given none, and leave
 * it behind) and the engines' previews.
 */
export function inScratchFolder<T>(prefix: string, use: (folder: string) => T): T {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  let result: T;
  try {
    result = use(folder);
  } catch (error) {
    remove();
    throw error;
  }
  if (result instanceof Promise) return result.finally(remove) as T;
  remove();
  return result;
}

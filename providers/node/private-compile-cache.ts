import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { ensurePrivateFolder } from "../../values/private-folder";

/** The folders under the user's cache home where the CLI keeps Node's compile cache, outermost first. */
export const COMPILE_CACHE_FOLDERS = ["insights-connectors", "node-compile-cache"] as const;

interface NodeModuleWithCompileCache {
  /** Node >= 22.1; older Node has no compile cache. */
  enableCompileCache?: (directory?: string) => { directory?: string };
}

/**
 * Turns on Node's compile cache (V8 code cache kept on disk; the engines' libraries are large) in a
 * folder only this user can write, and returns that folder, or undefined when it stays off.
 *
 * Node's default folder, `<tmpdir>/node-compile-cache`, has a name anyone can guess under the shared
 * /tmp. Another user can create it first, and Node 22.23 then reads and writes the code this process
 * runs in a folder they own, without a warning (checked by hand with two uids). So the folder is under
 * the user's cache home (`$XDG_CACHE_HOME`, else `~/.cache`), and each level the toolkit adds must be
 * this user's and writable by nobody else (values/private-folder.ts). `NODE_COMPILE_CACHE` set by the
 * user is their choice; `NODE_DISABLE_COMPILE_CACHE=1` turns the cache off, as Node documents.
 */
export function enablePrivateCompileCache(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { enableCompileCache } = require("node:module") as NodeModuleWithCompileCache;
  if (!enableCompileCache || env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (env.NODE_COMPILE_CACHE) return enableCompileCache(env.NODE_COMPILE_CACHE).directory;
  let folder = cacheHome(env);
  try {
    for (const level of COMPILE_CACHE_FOLDERS) folder = ensurePrivateFolder(join(folder, level));
  } catch {
    // Not private, or no writable home (a CI container with HOME=/): the cache only saves time, so run without it.
    return undefined;
  }
  return enableCompileCache(folder).directory;
}

function cacheHome(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG base-directory specification ignores a relative path.
  return xdg && isAbsolute(xdg) ? xdg : join(homedir(), ".cache");
}

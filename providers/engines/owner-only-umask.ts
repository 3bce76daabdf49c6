import { isMainThread } from "node:worker_threads";

/**
 * Starts a child process (`start` must spawn synchronously) with a umask of at least 077, so
 * what the engine writes (synthesized stacks, `.terraform/`, Pulumi's backend, `cdk.out`) is
 * owner-only even when the user's umask is 000: a child inherits the umask at spawn, and no
 * engine here takes a mode for its files. The process's own umask is restored at once. Worker
 * threads may not change it (ERR_WORKER_UNSUPPORTED_OPERATION); they spawn under the process's.
 */
export function withOwnerOnlyUmask<T>(start: () => T): T {
  if (!isMainThread) return start();
  const saved = process.umask(0o077);
  process.umask(saved | 0o077);
  try {
    return start();
  } finally {
    process.umask(saved);
  }
}

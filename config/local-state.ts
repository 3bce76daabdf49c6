import { closeSync, constants, fchmodSync, openSync } from "node:fs";
import { join } from "node:path";
import { ensurePrivateFolder } from "../values/state-files";

/**
 * The one folder for local state: Terraform and Pulumi state, GitHub App credentials,
 * the emulator's store. It is git-ignored and owner-only, because state holds secrets
 * (docs/security.md, "Local state"). `INSIGHTS_STATE_DIR` moves it (CI scratch space, tests).
 */
export function stateDir(): string {
  return process.env.INSIGHTS_STATE_DIR || ".state";
}

/** A path under {@link stateDir}, e.g. `statePath("github")`. */
export function statePath(...parts: string[]): string {
  return join(stateDir(), ...parts);
}

/**
 * Creates `statePath(...parts)` and every folder down to it with mode 0700, tightening existing
 * ones; a folder on the way that another user owns or may write is refused (values/private-folder.ts).
 */
export function privateStateDir(...parts: string[]): string {
  let dir = stateDir();
  for (const part of ["", ...parts]) {
    dir = part ? join(dir, part) : dir;
    ensurePrivateFolder(dir, { tighten: true });
  }
  return dir;
}

/**
 * Makes `path` an owner-only file, creating it empty when absent. Terraform keeps the
 * mode of a state file it finds but creates a new one 0644 under umask 022 (measured
 * with Terraform 1.11.4), and reads an empty file as "no state yet".
 */
export function privateFile(path: string): void {
  // O_NOFOLLOW: a symlink at the name is refused (ELOOP), never created or chmod'ed through;
  // O_NONBLOCK: a FIFO there fails instead of hanging the run.
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0);
  const fd = openSync(path, flags, 0o600);
  try {
    fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
}

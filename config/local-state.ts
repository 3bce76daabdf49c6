import { chmodSync, closeSync, constants, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";

/**
 * The one folder for local state: Terraform and Pulumi state, GitHub App credentials,
 * the emulator's store. It is git-ignored and owner-only, because state holds secrets
 * (README, "Security"). `INSIGHTS_STATE_DIR` moves it (CI scratch space, tests).
 */
export function stateDir(): string {
  return process.env.INSIGHTS_STATE_DIR || ".state";
}

/** A path under {@link stateDir}, e.g. `statePath("github")`. */
export function statePath(...parts: string[]): string {
  return join(stateDir(), ...parts);
}

/** Creates `statePath(...parts)` and every folder down to it with mode 0700, tightening existing ones. */
export function privateStateDir(...parts: string[]): string {
  let dir = stateDir();
  for (const part of ["", ...parts]) {
    dir = part ? join(dir, part) : dir;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  return dir;
}

/**
 * Makes `path` an owner-only file, creating it empty when absent. Terraform keeps the
 * mode of a state file it finds but creates a new one 0644 under umask 022 (measured
 * with Terraform 1.11.4), and reads an empty file as "no state yet".
 */
export function privateFile(path: string): void {
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  chmodSync(path, 0o600);
}

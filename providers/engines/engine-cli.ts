import { spawnSync } from "node:child_process";

/** An engine's own CLI is needed and is not installed; the message says what to install. */
export class EngineMissingError extends Error {}

/** Throws {@link EngineMissingError} unless `command --version`-style probing succeeds. */
export function requireEngineCli(command: string, probeArgs: string[], install: string): void {
  const probe = spawnSync(command, probeArgs, { encoding: "utf8", timeout: 30_000 });
  if (probe.error || probe.status !== 0) {
    throw new EngineMissingError(`the ${command} CLI is not installed or not on PATH; ${install}. Nothing was changed.`);
  }
}

import { spawnSync } from "node:child_process";
import { ExternalError } from "../../values/errors";

/** An engine's own CLI is needed and is not installed; the message says what to install. */
export class EngineMissingError extends ExternalError {}

/**
 * Throws {@link EngineMissingError} unless `command --version`-style probing succeeds
 * (with `env`'s PATH: a caller running an engine with its own environment probes with it too).
 */
export function requireEngineCli(
  command: string,
  probeArgs: string[],
  install: string,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const probe = spawnSync(command, probeArgs, { encoding: "utf8", timeout: 30_000, env });
  if (probe.error || probe.status !== 0) {
    throw new EngineMissingError(
      `the ${command} CLI is not installed or not on PATH; ${install}. Nothing was changed.`,
    );
  }
}

/** {@link requireEngineCli} as a value: the install message when the CLI is missing, else undefined. */
export function missingEngineCli(
  command: string,
  probeArgs: string[],
  install: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  try {
    requireEngineCli(command, probeArgs, install, env);
    return undefined;
  } catch (error) {
    if (error instanceof EngineMissingError) return error.message;
    throw error;
  }
}

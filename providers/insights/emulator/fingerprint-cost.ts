// The emulator's fingerprint cost, apart from the server so that what only needs the variable's name
// (the test suite's setup, which every test file loads) does not load the whole emulator.
import { UsageError } from "../../../values/errors";
import { FINGERPRINT_COST, isFingerprintCost } from "../contract";

/** The variable that sets the emulator's fingerprint cost when its options do not. */
export const FINGERPRINT_COST_VARIABLE = "INSIGHTS_EMULATOR_FINGERPRINT_COST";

/** The emulator's fingerprint cost: its option, else the environment's, else the contract's default. */
export function emulatorFingerprintCost(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const stated = option ?? (env[FINGERPRINT_COST_VARIABLE] ? Number(env[FINGERPRINT_COST_VARIABLE]) : undefined);
  if (stated === undefined) return FINGERPRINT_COST.default;
  if (!isFingerprintCost(stated)) {
    const from = option === undefined ? FINGERPRINT_COST_VARIABLE : "the emulator's fingerprintCost";
    throw new UsageError(
      `${from} must be a whole number from ${FINGERPRINT_COST.min} to ${FINGERPRINT_COST.max} (scrypt's N as log2), not ${
        option ?? env[FINGERPRINT_COST_VARIABLE]
      }`,
    );
  }
  return stated;
}

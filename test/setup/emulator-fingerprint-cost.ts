// The Insights emulator fingerprints every secret it stores with scrypt at the contract's default
// cost (2^14, about 40 ms of CPU each), and the suite makes thousands: about 50 s of CPU in all.
// The suite runs it at the lowest cost the contract admits, for the emulators the tests start and
// for those the CLI starts under them; the cost is stated in every connector, so the client
// recomputes at it. test/providers/insights/fingerprints.test.ts checks the default cost itself.
import { FINGERPRINT_COST } from "../../providers/insights/contract";
import { FINGERPRINT_COST_VARIABLE } from "../../providers/insights/emulator/server";

process.env[FINGERPRINT_COST_VARIABLE] ??= String(FINGERPRINT_COST.min);

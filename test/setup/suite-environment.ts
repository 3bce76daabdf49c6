// Settings of the whole suite, for its speed, inherited by the CLI and engine processes the tests
// start (a test that builds its own environment drops them). Each is checked at full strength by
// the one test named beside it.
import { join } from "node:path";
import { FINGERPRINT_COST } from "../../providers/insights/contract";
import { FINGERPRINT_COST_VARIABLE } from "../../providers/insights/emulator/fingerprint-cost";
import { ensurePrivateFolder } from "../../values/private-folder";

// The Insights emulator fingerprints every secret it stores with scrypt at the contract's default
// cost (2^14, about 40 ms of CPU each), and the suite makes thousands: about 50 s of CPU in all.
// Here it runs at the lowest cost the contract admits; the cost is stated in every connector, so
// the client recomputes at it. test/providers/insights/fingerprints.test.ts checks the default.
process.env[FINGERPRINT_COST_VARIABLE] ??= String(FINGERPRINT_COST.min);

// aws-cdk-lib runs its built-in CloudFormation validator (WebAssembly) on every synthesis: about a
// second of CPU per process or test file that synthesizes an App. Off here by its documented
// variable; test/stacks/aws/builtin-validation.test.ts synthesizes every AWS stack with it on.
process.env.CDK_VALIDATION ??= "false";

// Node's compile cache for every node process the tests start (the CLI, the engine apps, the
// stand-in engines), in one folder of this checkout's .tmp/ that only this user may write. The CLI
// keeps its own in ~/.cache (providers/node/private-compile-cache.ts), but the tests that give it an
// empty home started it cold on every run, writing tens of megabytes, and the other node processes
// had none. test/e2e/temp-and-cache-folders.test.ts checks the CLI's own folder with this unset.
process.env.NODE_COMPILE_CACHE ??= ensurePrivateFolder(join(__dirname, "..", "..", ".tmp", "node-compile-cache"));

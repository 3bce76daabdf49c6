// Settings of the whole suite, for its speed, inherited by the CLI and engine processes the tests
// start (a test that builds its own environment drops them). Each is checked at full strength by
// the one test named beside it.
import { FINGERPRINT_COST } from "../../providers/insights/contract";
import { FINGERPRINT_COST_VARIABLE } from "../../providers/insights/emulator/fingerprint-cost";

// The Insights emulator fingerprints every secret it stores with scrypt at the contract's default
// cost (2^14, about 40 ms of CPU each), and the suite makes thousands: about 50 s of CPU in all.
// Here it runs at the lowest cost the contract admits; the cost is stated in every connector, so
// the client recomputes at it. test/providers/insights/fingerprints.test.ts checks the default.
process.env[FINGERPRINT_COST_VARIABLE] ??= String(FINGERPRINT_COST.min);

// aws-cdk-lib runs its built-in CloudFormation validator (WebAssembly) on every synthesis: about a
// second of CPU per process or test file that synthesizes an App. Off here by its documented
// variable; test/stacks/aws/builtin-validation.test.ts synthesizes every AWS stack with it on.
process.env.CDK_VALIDATION ??= "false";

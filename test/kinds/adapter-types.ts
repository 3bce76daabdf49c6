// Checked by `npm run typecheck` (tsc), never run: each `@ts-expect-error` line below must be a
// compile error, or tsc fails with "Unused '@ts-expect-error' directive". So this file proves
// that an adapter without any one of its pieces, a registry without a stack kind, an adapter
// for a kind without a stack, a rotation period field that is not a number, a stack factory,
// extractor or reader of another kind's engine, and an access table missing a grant kind do
// not compile.
import type { AdapterOf, AdapterRegistry, StackAdapter } from "../../kinds/adapter";
import { ADAPTERS } from "../../kinds/registry";
import { awsAdapter } from "../../kinds/aws";
import { pingoneAdapter } from "../../kinds/pingone";
import { CLASSIFIERS, type AccessByGrantKind } from "../../review/access/by-kind";

const { stack, extract, reader, rotation, engine } = pingoneAdapter;

// A complete adapter compiles (the baseline the lines below differ from by one piece).
export const complete: StackAdapter<"pingone"> = { stack, extract, reader, rotation, engine };

// @ts-expect-error -- no stack factory
export const withoutStack: StackAdapter<"pingone"> = { extract, reader, rotation, engine };
// @ts-expect-error -- no extractors
export const withoutExtract: StackAdapter<"pingone"> = { stack, reader, rotation, engine };
// @ts-expect-error -- no verify reader
export const withoutReader: StackAdapter<"pingone"> = { stack, extract, rotation, engine };
// @ts-expect-error -- no rotation outputs (nor NOT_ROTATED)
export const withoutRotation: StackAdapter<"pingone"> = { stack, extract, reader, engine };
// @ts-expect-error -- no engine adapter
export const withoutEngine: StackAdapter<"pingone"> = { stack, extract, reader, rotation };

// @ts-expect-error -- the AWS CDK stack factory is not a CDKTF one
export const cdkStackForCdktfKind: StackAdapter<"pingone"> = { ...complete, stack: awsAdapter.stack };
// @ts-expect-error -- a CloudFormation template reader is not a list of Terraform extractors
export const templateReaderForCdktfKind: StackAdapter<"pingone"> = { ...complete, extract: awsAdapter.extract };
// @ts-expect-error -- the AWS reader reads another kind's config
export const otherKindsReader: StackAdapter<"pingone"> = { ...complete, reader: awsAdapter.reader };
export const wrongPeriodField: StackAdapter<"pingone"> = {
  ...complete,
  // @ts-expect-error -- `name` is not a number field of the PingOne config
  rotation: { dueAt: "client_secret_rotation_due", periodDays: "name" },
};

// The registry lists every stack kind (the baseline).
export const registry: AdapterRegistry = { ...ADAPTERS };
const { pingone: _pingone, ...withoutPingOne } = ADAPTERS;
// @ts-expect-error -- a registry without the pingone adapter
export const missingKind: AdapterRegistry = withoutPingOne;
// @ts-expect-error -- a registration-only kind takes no adapter
export const registrationOnly: AdapterRegistry = { ...ADAPTERS, "epm-cloud": awsAdapter };
// A kind without a stack needs nothing: its adapter type is `never`.
export const nothingForEpm: [AdapterOf<"epm-cloud">] extends [never] ? true : false = true;

// Access classifiers are placed per grant kind: a table that leaves one out does not compile.
const { "network-allow": _networkAllow, ...withoutNetworkAllow } = CLASSIFIERS;
export const everyGrantKind: AccessByGrantKind = CLASSIFIERS;
// @ts-expect-error -- the network-allow grant kind is not placed
export const grantKindLeftOut: AccessByGrantKind = withoutNetworkAllow;

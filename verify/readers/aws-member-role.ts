import { IAMClient } from "@aws-sdk/client-iam";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import { awsGrants } from "../../connectors/aws/grants";
import { grantDrift } from "../compare";
import type { Drift, Fact, ReadContext } from "../reading";
import { awsClientSettings, boundedSends } from "./aws-clients";
import { readAwsRole } from "./aws-role";

/** Names the shared-config profile whose credentials are for one member account. */
export const MEMBER_PROFILE_ENV = "INSIGHTS_AWS_MEMBER_PROFILE";

/**
 * The SDK warns when a profile is used while the environment also holds static keys
 * (@aws-sdk/credential-provider-node, dist-cjs/index.js, defaultProvider: "Multiple credential
 * sources detected"). Here that is the design: the keys are the management account's, the profile
 * one member account's. That one warning is dropped; every other is printed as the SDK would.
 */
const PROFILE_BESIDE_KEYS_IS_INTENDED = {
  debug: () => undefined,
  info: () => undefined,
  warn: (...message: unknown[]) => {
    if (!String(message[0]).includes("Multiple credential sources detected")) toStderr(message);
  },
  error: (...message: unknown[]) => toStderr(message),
};

/** Where the SDK's own logger would have written (console.warn and console.error write to stderr). */
function toStderr(message: unknown[]): void {
  process.stderr.write(`${message.map(String).join(" ")}\n`);
}

/**
 * The connector's role in one member account, read as the management account's is, when the
 * environment names a profile of the standard AWS chain for a member account
 * ({@link MEMBER_PROFILE_ENV}; typically `role_arn` of a read-only auditor role there plus
 * `source_profile`, which the SDK assumes itself). Its grants are compared with the catalog's,
 * scoped to that account, so a policy attached there by hand is named even before a drift
 * detection has run. Without the variable nothing is read, and a fact says so.
 */
export async function readMemberRole(
  connector: AwsConnectorConfig,
  members: readonly string[],
  context: ReadContext,
): Promise<{ drift: Drift[]; facts: Fact[] }> {
  const profile = context.env[MEMBER_PROFILE_ENV]?.trim();
  if (!profile) {
    const value = `not read directly (set ${MEMBER_PROFILE_ENV} to a profile for one member account)`;
    return { drift: [], facts: [{ label: "member role", value }] };
  }
  const settings = awsClientSettings(context);
  const iam = boundedSends(
    settings.requestHandler.requestTimeout,
    context.signal,
  )(new IAMClient({ ...settings, profile, logger: PROFILE_BESIDE_KEYS_IS_INTENDED }));
  try {
    const expected = {
      accounts: members,
      otherwise: `not a member account under the root OU: ${MEMBER_PROFILE_ENV} (${profile}) must be for one`,
    };
    const probe = await readAwsRole({ iam }, connector, "member", context, expected);
    const account = probe.account;
    if (!account) {
      const subject = `aws-account:(profile ${profile})`;
      const detail = `IAM role ${connector.roleName} not found with profile ${profile}`;
      return { drift: [{ change: "account without role", subject, detail }], facts: [] };
    }
    // The same read, scoped to the member account, against the catalog scoped the same way.
    const scope = `aws-account:${account}`;
    const reading = {
      ...probe,
      grants: (probe.grants ?? []).map((g) => ({ ...g, scope, artifact: `member account ${account}: ${g.artifact}` })),
    };
    const catalog = awsGrants(connector)
      .filter((g) => g.kind !== "aws-stackset-target")
      .map((g) => ({ ...g, scope }));
    const facts = probe.facts.map((f) => ({ ...f, label: `member ${f.label}` }));
    return { drift: grantDrift(catalog, reading), facts };
  } finally {
    iam.destroy();
  }
}

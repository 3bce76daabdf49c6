import { timingSafeEqual } from "node:crypto";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import type { Drift, Fact, ReadContext } from "../reading";

const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The `sts:ExternalId` values the trust policy requires of the trusted principal. */
function externalIdsInTrust(trust: { Statement?: unknown }, principal: string): string[] {
  return asList(trust.Statement)
    .filter((s: any) => s?.Effect === "Allow" && asList(s.Principal?.AWS).includes(principal))
    .flatMap((s: any) => asList(s.Condition?.StringEquals?.["sts:ExternalId"]))
    .map(String);
}

/**
 * The trust policy's external ID against the config's reference (resolved here, in memory):
 * the condition's shape is compared as a grant; its value only here, and neither value is
 * ever printed. Without the reference's value there is nothing to compare: said as a fact.
 */
export function externalIdDrift(
  connector: AwsConnectorConfig,
  trust: { Statement?: unknown },
  context: ReadContext,
  where: string,
): { drift: Drift[]; facts: Fact[] } {
  const ref = String(connector.externalId);
  let expected: string;
  try {
    expected = connector.externalId.resolve(context.configDir, context.env);
  } catch (error) {
    return { drift: [], facts: [{ label: "external ID value", value: `not compared: ${(error as Error).message}` }] };
  }
  const found = externalIdsInTrust(trust, connector.trustedPrincipal);
  if (found.length === 0) return { drift: [], facts: [] }; // no condition at all: the grant comparison names it
  if (found.every((value) => sameSecret(value, expected))) {
    return { drift: [], facts: [{ label: "external ID value", value: `equals ${ref}` }] };
  }
  return {
    drift: [
      {
        change: "trust condition changed",
        subject: `trust ${connector.trustedPrincipal} @ sts:ExternalId`,
        detail: `the value is not the one in ${ref} (neither value is shown)`,
        where,
      },
    ],
    facts: [],
  };
}

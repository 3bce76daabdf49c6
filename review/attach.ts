import { grantKey, sortGrants } from "../connectors/grant";
import type { Plan } from "../plan/model";
import { compareGrants, formatMismatches, type GrantMismatch } from "./consistency";
import { extractArtifacts, type ExtractedArtifacts, type ExtractOptions } from "./extract";
import { CredentialLifetimeError } from "./extract/credential-lifetime";
import { InternalError } from "../values/errors";

/** The catalog and the artifacts disagree; the message lists every difference. */
export class GrantConsistencyError extends InternalError {}

/** One connector whose artifacts grant other than its catalog says. */
export interface ConnectorDrift {
  readonly tenant: string;
  /** The connector's identity (its stack name). */
  readonly identity: string;
  readonly name: string;
  readonly configPath: string;
  readonly mismatches: readonly GrantMismatch[];
}

/** A plan with what its artifacts say, and every connector whose artifacts disagree with the catalog. */
export interface CheckedPlan {
  readonly plan: Plan;
  readonly drift: readonly ConnectorDrift[];
}

/**
 * Adds each connector's extracted grants, the lifetimes of the credentials its stack creates and
 * who may act as its identities, as the artifacts define them, and lists every connector whose
 * artifacts grant more, less or differently than the catalog says. `diff` reports that drift
 * beside everything else; `plan` fails on it ({@link withExtractedGrants}).
 */
export async function checkedPlan(plan: Plan, options: ExtractOptions): Promise<CheckedPlan> {
  return attachArtifacts(plan, await extractOrExplain(plan, options));
}

/** {@link checkedPlan} for `plan`: a stack that grants other than its catalog is an error naming every difference. */
export async function withExtractedGrants(plan: Plan, options: ExtractOptions): Promise<Plan> {
  return withoutDrift(await checkedPlan(plan, options));
}

/** The plan of a {@link CheckedPlan} without drift; drift is a GrantConsistencyError naming every difference. */
export function withoutDrift(checked: CheckedPlan): Plan {
  if (checked.drift.length)
    throw new GrantConsistencyError(
      `the synthesized stacks do not grant what the catalog says:\n${checked.drift.map(describeDrift).join("\n")}`,
    );
  return checked.plan;
}

/** Every mismatch of one connector, a line each: `acme/AWS: access differs: … [artifact]`. */
export function describeDrift(drift: ConnectorDrift): string {
  return formatMismatches(`${drift.tenant}/${drift.name}`, drift.mismatches);
}

/** What the plan's stacks say, synthesized here; an unreadable lifetime is a GrantConsistencyError. */
export async function extractOrExplain(plan: Plan, options: ExtractOptions): Promise<ExtractedArtifacts> {
  const connectors = plan.tenants.flatMap((tenant) => tenant.connectors);
  return extractArtifacts(connectors, options).catch((error) => {
    // A lifetime the reader cannot read is a stack the plan cannot vouch for: fail as a mismatch does.
    if (!(error instanceof CredentialLifetimeError)) throw error;
    throw new GrantConsistencyError(`the synthesized stacks cannot be read: ${error.message}`);
  });
}

/**
 * Adds what the artifacts say to each connector of the plan and, unless `compareWithCatalog` is
 * false, lists the drift from the catalog. A gate that reads a pull request's artifacts with the
 * base's code does not compare: the base's catalog is not the head's, and the diff judges what
 * the artifacts grant against the base's plan.
 */
export function attachArtifacts(
  plan: Plan,
  extracted: ExtractedArtifacts,
  { compareWithCatalog = true }: { readonly compareWithCatalog?: boolean } = {},
): CheckedPlan {
  const drift: ConnectorDrift[] = [];
  const tenants = plan.tenants.map((tenant) => ({
    ...tenant,
    connectors: tenant.connectors.map((connector) => {
      const found = extracted.grants.get(connector.key);
      if (!found) return connector;
      const mismatches = compareWithCatalog ? compareGrants(connector.grants, found) : [];
      if (mismatches.length) {
        const { identity, name, configPath } = connector;
        drift.push({ tenant: tenant.name, identity, name, configPath, mismatches });
      }
      const unique = new Map(found.map((g) => [grantKey(g), g]));
      const credentials = extracted.lifetimes.get(connector.key) ?? [];
      return {
        ...connector,
        extractedGrants: sortGrants([...unique.values()]),
        ...(credentials.length ? { credentialLifetimes: credentials } : {}),
        trust: extracted.trust.get(connector.key) ?? [],
      };
    }),
  }));
  return { plan: { ...plan, tenants }, drift };
}

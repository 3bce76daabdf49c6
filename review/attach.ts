import { grantKey, sortGrants } from "../connectors/grant";
import type { Plan } from "../plan/model";
import { compareGrants, formatMismatches } from "./consistency";
import { extractArtifacts, type ExtractedArtifacts, type ExtractOptions } from "./extract";
import { CredentialLifetimeError } from "./extract/credential-lifetime";
import { InternalError } from "../values/errors";

/** The catalog and the artifacts disagree; the message lists every difference. */
export class GrantConsistencyError extends InternalError {}

/**
 * Adds each connector's extracted grants to the plan, after checking they equal the
 * catalog's: a stack that grants more, less or differently than the catalog says fails.
 * Adds the lifetimes of the credentials the stacks create, as the artifacts define them.
 */
export async function withExtractedGrants(plan: Plan, options: ExtractOptions): Promise<Plan> {
  return attachArtifacts(plan, await extractOrExplain(plan, options), { compareWithCatalog: true });
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
 * Adds what the artifacts say to each connector of the plan. With `compareWithCatalog`, the
 * grants must equal the catalog's (a GrantConsistencyError lists every difference). A gate that
 * reads a pull request's artifacts with the base's code does not compare: the base's catalog is
 * not the head's, and the diff judges what the artifacts grant.
 */
export function attachArtifacts(
  plan: Plan,
  { grants: extracted, lifetimes }: ExtractedArtifacts,
  { compareWithCatalog }: { readonly compareWithCatalog: boolean },
): Plan {
  const problems: string[] = [];
  const tenants = plan.tenants.map((tenant) => ({
    ...tenant,
    connectors: tenant.connectors.map((connector) => {
      const found = extracted.get(connector.key);
      if (!found) return connector;
      const mismatches = compareWithCatalog ? compareGrants(connector.grants, found) : [];
      if (mismatches.length) problems.push(formatMismatches(`${tenant.name}/${connector.name}`, mismatches));
      const unique = new Map(found.map((g) => [grantKey(g), g]));
      const credentials = lifetimes.get(connector.key) ?? [];
      return {
        ...connector,
        extractedGrants: sortGrants([...unique.values()]),
        ...(credentials.length ? { credentialLifetimes: credentials } : {}),
      };
    }),
  }));
  if (problems.length)
    throw new GrantConsistencyError(
      `the synthesized stacks do not grant what the catalog says:\n${problems.join("\n")}`,
    );
  return { ...plan, tenants };
}

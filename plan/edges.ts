import type { AccessLevel } from "../connectors/grant";
import { withIdentities } from "./identity";
import type { PlannedTenantRecord, TrustRelation } from "./model";

/**
 * One edge of the picture a reviewer reads: who may act as a connector's identity (`trust`:
 * principal → identity, labelled by its conditions), where a secret goes (`secret`: reference →
 * host), and what the identity may reach (`grant`: identity → scope, labelled by the grant).
 * `connector` is the identity (stack name); tenant-level secrets (the Insights API token) have none.
 */
export type ReviewEdge =
  | {
      readonly type: "trust";
      readonly tenant: string;
      readonly connector: string;
      /** Who may act: an AWS principal ARN, an OIDC issuer, a service account member, an owner. */
      readonly from: string;
      /** What binds it: `external ID`, `subject = repo:acme/x:ref:refs/heads/main`, `owner`; absent: nothing. */
      readonly label?: string;
    }
  | {
      readonly type: "secret";
      readonly tenant: string;
      readonly connector?: string;
      /** The reference (`env:NAME`, a `file:` path relative to the config's folder, `output:NAME`), never the value. */
      readonly from: string;
      /** The host the secret (or a token made with it) is sent to: `app.beyondtrust.io/site/…`, `acme.okta.com`. */
      readonly to: string;
    }
  | {
      readonly type: "grant";
      readonly tenant: string;
      readonly connector: string;
      /** The scope the grant applies at (`aws-organization:r-ab12`). */
      readonly to: string;
      /** The grant as one line (`aws-managed-policy SecurityAudit`). */
      readonly label: string;
      readonly access: AccessLevel;
    };

/** Whether a trust condition is the external-ID one (`StringEquals sts:ExternalId`). */
export function isExternalIdCondition(condition: string): boolean {
  return / sts:ExternalId$/i.test(condition);
}

/** A trust relation's conditions as an edge label; the external ID condition reads `external ID`. */
export function trustLabel(relation: Pick<TrustRelation, "conditions">): string | undefined {
  const parts = relation.conditions.map((c) => (isExternalIdCondition(c) ? "external ID" : c));
  return parts.length ? parts.join("; ") : undefined;
}

/**
 * Every edge of one tenant of a plan, deduplicated, in a stable order: trust (from the artifacts;
 * the catalog's trust grants when they were not read back), owners, secrets, then grants (the
 * extracted ones when there are, else the catalog's).
 */
export function edgesOf(tenant: PlannedTenantRecord): ReviewEdge[] {
  const edges = new Map<string, ReviewEdge>();
  const add = (edge: ReviewEdge) => edges.set(JSON.stringify(edge), edge);
  for (const secret of tenant.secrets ?? [])
    for (const { host } of secret.destinations)
      add({ type: "secret", tenant: tenant.name, from: secret.reference, to: host });
  for (const { identity, connector } of withIdentities(tenant)) {
    const base = { tenant: tenant.name, connector: identity } as const;
    for (const acting of connector.trust ?? []) {
      for (const relation of acting.trustedBy) {
        const label = trustLabel(relation);
        add({ type: "trust", ...base, from: relation.principal, ...(label ? { label } : {}) });
      }
      for (const owner of acting.owners ?? []) add({ type: "trust", ...base, from: owner, label: "owner" });
    }
    const grants = connector.extractedGrants ?? connector.grants;
    if (!connector.trust) {
      for (const g of grants.filter((g) => g.kind === "trust")) {
        const label = trustLabel({ conditions: g.condition ? [g.condition] : [] });
        add({ type: "trust", ...base, from: g.name, ...(label ? { label } : {}) });
      }
    }
    for (const secret of connector.secrets ?? [])
      for (const { host } of secret.destinations) add({ type: "secret", ...base, from: secret.reference, to: host });
    for (const g of grants.filter((g) => g.kind !== "trust"))
      add({ type: "grant", ...base, to: g.scope, label: `${g.kind} ${g.name}`, access: g.access });
  }
  return [...edges.values()];
}

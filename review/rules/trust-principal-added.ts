import type { TrustRelation } from "../../plan/model";
import type { ConnectorRule, Finding } from "./rule";
import { baselineOf, describePrincipal, identitiesOf, trustFieldPath, trustGrantRelations } from "./trust";

/**
 * `trust-principal-added`: a principal may act as an identity that it could not act as in the
 * base: another account, an OIDC issuer, a federated credential, a member of a service account's
 * policy. Judged per identity the artifacts create (a new identity, or a plan without identities,
 * trusts nothing before) and over the trust grants, so neither form of a plan hides one.
 */
export const trustPrincipalAdded: ConnectorRule = ({ base, head }) => {
  const finding = (relation: TrustRelation): Finding => ({
    rule: "trust-principal-added",
    message: `trusts a new principal ${describePrincipal(relation)} ${
      relation.conditions.length ? `on ${relation.conditions.join(", ")}` : "without any condition"
    }`,
    basePath: trustFieldPath(base, "principal"),
    headPath: trustFieldPath(head, "principal"),
  });
  const fromIdentities = [...identitiesOf(head).values()].flatMap((identity) => {
    const trusted = new Set(baselineOf(base, identity.identity)?.trustedBy.map((r) => r.principal) ?? []);
    return identity.trustedBy.filter((r) => !trusted.has(r.principal));
  });
  const grantedBefore = new Set(trustGrantRelations(base).map((r) => r.principal));
  const fromGrants = trustGrantRelations(head).filter((r) => !grantedBefore.has(r.principal));
  return [...fromIdentities, ...fromGrants].map(finding);
};

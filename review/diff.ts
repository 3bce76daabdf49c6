import { grantKey } from "../connectors/grant";
import type { ExtractedGrant } from "../plan/extracted-grant";
import { connectorKey } from "../plan/connector-key";
import type { CredentialLifetime, PlanRecord, PlannedConnectorRecord } from "../plan/model";
import { stricterAccess } from "./access/by-kind";
import type { EdgeChange, Escalation } from "./escalation";

/** A grant as plans compare it: what it is and where, not where it was found or why. */
type ComparableGrant = Omit<ExtractedGrant, "artifact">;

export interface GrantChange {
  readonly change: "added" | "removed" | "changed";
  readonly grant: ComparableGrant;
  /** For `changed`: the grant before. */
  readonly before?: ComparableGrant;
}

export interface ConnectorDiff {
  readonly tenant: string;
  readonly kind: string;
  readonly name: string;
  readonly grants: GrantChange[];
  /** Scopes that appear or disappear, e.g. `aws-account:1111 → aws-organization:r-ab12`. */
  readonly scopes: { added: string[]; removed: string[]; grantsMoved: number };
  /** Credentials whose lifetime (rotation, validity, grace of the replaced one) differs. */
  readonly credentialLifetimes?: LifetimeChange[];
  /** Why this change needs a reviewer's explicit approval. */
  readonly escalations: Escalation[];
}

/** One credential's lifetime before and after; a side is absent when the credential is. */
export interface LifetimeChange {
  readonly credential: string;
  readonly before?: CredentialLifetime;
  readonly after?: CredentialLifetime;
}

/** A side that could not be planned: the report still prints, saying why (the exit code is the error's). */
export interface DiffFailure {
  /** Which side failed: `head` (the pull request's config) or `base`. */
  readonly side: "base" | "head";
  /** One printable line per problem, never a secret value. */
  readonly problems: readonly string[];
}

/**
 * Every difference a reviewer must see between two plans: per-connector grant lines, every
 * escalation (review/escalation.ts; their `message`s are today's one-line form), and the edges
 * of the picture that appear or disappear. Every format prints all of it, failures included.
 */
export interface PlanDiff {
  readonly connectors: ConnectorDiff[];
  /** Every escalation, tenant-level ones and each connector's, in report order: non-empty means exit 3. */
  readonly escalations: Escalation[];
  /** Trust edges, secret destinations and grants that the head adds or drops. */
  readonly edges: EdgeChange[];
  /** Set when a side could not be planned at all; the diff above is then empty. */
  readonly failure?: DiffFailure;
}

/** Scope types by family and breadth; moving to a broader type of the same family widens access. */
const SCOPE_BREADTH: Record<string, [family: string, breadth: number]> = {
  "aws-account": ["aws", 1],
  "aws-organization": ["aws", 2],
  "gcp-project": ["gcp-projects", 1],
  "gcp-organization-projects": ["gcp-projects", 2],
  "entra-tenant": ["azure", 1],
  "azure-management-group": ["azure", 2],
};
const scopeType = (scope: string): [string, number] => SCOPE_BREADTH[scope.split(":")[0]] ?? [scope.split(":")[0], 1];
const isWrite = (g: ComparableGrant) => g.access !== "read";
const hasExternalId = (g: ComparableGrant) => (g.condition ?? "").includes("sts:ExternalId");

function grantsOf(connector: PlannedConnectorRecord | undefined): ComparableGrant[] {
  if (!connector) return [];
  return (connector.extractedGrants ?? connector.grants).map(({ source, scope, kind, name, access, condition }) => ({
    source,
    scope,
    kind,
    name,
    access: stricterAccess(kind, name, access),
    ...(condition ? { condition } : {}),
  }));
}

export function describeGrant(g: ComparableGrant): string {
  return `${g.kind} ${g.name}${g.condition ? ` (${g.condition})` : ""} @ ${g.scope}`;
}

/** Credentials whose rotation, validity or replaced-secret grace differ between two plans. */
function lifetimeChanges(
  base: PlannedConnectorRecord | undefined,
  head: PlannedConnectorRecord | undefined,
): LifetimeChange[] {
  const byCredential = (c: PlannedConnectorRecord | undefined) =>
    new Map((c?.credentialLifetimes ?? []).map((l) => [l.credential, l]));
  const before = byCredential(base);
  const after = byCredential(head);
  const same = (a?: CredentialLifetime, b?: CredentialLifetime) =>
    a?.rotationDays === b?.rotationDays &&
    a?.validDays === b?.validDays &&
    a?.previousValidDays === b?.previousValidDays &&
    a?.previousUntilRegistered === b?.previousUntilRegistered;
  return [...new Set([...before.keys(), ...after.keys()])]
    .sort()
    .filter((credential) => !same(before.get(credential), after.get(credential)))
    .map((credential) => ({ credential, before: before.get(credential), after: after.get(credential) }));
}

function diffConnector(
  tenant: string,
  base: PlannedConnectorRecord | undefined,
  head: PlannedConnectorRecord | undefined,
): ConnectorDiff {
  const before = new Map(grantsOf(base).map((g) => [grantKey(g), g]));
  const after = new Map(grantsOf(head).map((g) => [grantKey(g), g]));
  const grants: GrantChange[] = [];
  for (const [key, g] of after) {
    const old = before.get(key);
    if (!old) grants.push({ change: "added", grant: g });
    else if (old.access !== g.access || (old.condition ?? "") !== (g.condition ?? ""))
      grants.push({ change: "changed", grant: g, before: old });
  }
  for (const [key, g] of before) if (!after.has(key)) grants.push({ change: "removed", grant: g });

  // A grant that only moved to another scope is told once, on the Scope line, not as - and +.
  const sameExceptScope = (a: ComparableGrant, b: ComparableGrant) =>
    a.kind === b.kind && a.name === b.name && a.access === b.access && (a.condition ?? "") === (b.condition ?? "");
  let moved = 0;
  for (const added of grants.filter((g) => g.change === "added")) {
    const twin = grants.find(
      (g) => g.change === "removed" && g.grant.scope !== added.grant.scope && sameExceptScope(g.grant, added.grant),
    );
    if (!twin) continue;
    grants.splice(grants.indexOf(twin), 1);
    grants.splice(grants.indexOf(added), 1);
    moved += 1;
  }

  const scopesBefore = new Set([...before.values()].map((g) => g.scope));
  const scopesAfter = new Set([...after.values()].map((g) => g.scope));
  const scopes = {
    added: [...scopesAfter].filter((s) => !scopesBefore.has(s)).sort(),
    removed: [...scopesBefore].filter((s) => !scopesAfter.has(s)).sort(),
    grantsMoved: moved,
  };

  const escalations: Escalation[] = [];
  const label = `${tenant}/${head?.name ?? base?.name}`;
  const escalate = (rule: string, text: string) => escalations.push({ rule, message: `${label}: ${text}`, tenant });
  for (const { change, grant, before: old } of grants) {
    if (change === "removed") {
      if (
        grant.kind === "trust" &&
        hasExternalId(grant) &&
        ![...after.values()].some((g) => g.kind === "trust" && hasExternalId(g))
      ) {
        escalate("trust-external-id-removed", `removes the external ID condition from the trust of ${grant.name}`);
      }
      continue;
    }
    if (isWrite(grant) && (change === "added" || !old || !isWrite(old)))
      escalate("grant-access-widened", `grants ${grant.access} ${describeGrant(grant)}`);
    if (grant.name.includes("*") || /Resource .*\*/.test(grant.condition ?? ""))
      escalate("grant-wildcard", `wildcard in ${describeGrant(grant)}`);
    if (change === "changed" && grant.kind === "trust" && old && hasExternalId(old) && !hasExternalId(grant)) {
      escalate("trust-external-id-removed", `removes the external ID condition from the trust of ${grant.name}`);
    }
    if (change === "added" && grant.kind === "trust" && !hasExternalId(grant))
      escalate("trust-without-external-id", `trusts ${grant.name} without an external ID condition`);
  }
  const widestBefore = (family: string) =>
    Math.max(
      0,
      ...[...scopesBefore]
        .map(scopeType)
        .filter(([f]) => f === family)
        .map(([, b]) => b),
    );
  for (const scope of scopes.added) {
    const [family, reach] = scopeType(scope);
    if (base && reach > 1 && reach > widestBefore(family)) escalate("scope-widened", `widens scope to ${scope}`);
  }
  const lifetimes = lifetimeChanges(base, head);
  return {
    tenant,
    kind: (head ?? base)!.kind,
    name: (head ?? base)!.name,
    grants: grants.sort((a, b) => (grantKey(a.grant) < grantKey(b.grant) ? -1 : 1)),
    scopes,
    ...(lifetimes.length ? { credentialLifetimes: lifetimes } : {}),
    escalations,
  };
}

/** Every permission difference between two plans, per tenant and connector, with the escalations among them. */
export function diffPlans(base: PlanRecord, head: PlanRecord): PlanDiff {
  const connectors: ConnectorDiff[] = [];
  const tenants = new Set([...base.tenants, ...head.tenants].map((t) => t.name));
  for (const tenant of [...tenants].sort()) {
    const b = base.tenants.find((t) => t.name === tenant)?.connectors ?? [];
    const h = head.tenants.find((t) => t.name === tenant)?.connectors ?? [];
    const keyOf = (c: PlannedConnectorRecord) => connectorKey(tenant, c.kind, c.name);
    const keys = new Set([...b, ...h].map(keyOf));
    for (const key of [...keys].sort()) {
      const find = (list: readonly PlannedConnectorRecord[]) => list.find((c) => keyOf(c) === key);
      const diff = diffConnector(tenant, find(b), find(h));
      const changed = diff.grants.length || diff.scopes.added.length || diff.scopes.removed.length;
      if (changed || diff.credentialLifetimes) connectors.push(diff);
    }
  }
  return { connectors, escalations: connectors.flatMap((c) => c.escalations), edges: [] };
}

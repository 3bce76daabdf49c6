import type { CredentialLifetime, PlanRecord, PlannedConnectorRecord, PlannedTenantRecord } from "../plan/model";
import { edgesOf, type ReviewEdge } from "../plan/edges";
import type { Grant } from "../connectors/grant";
import { stricterAccess } from "./access/by-kind";
import { printable } from "../providers/text/printable";
import { withIdentities } from "../plan/identity";
import type { ConnectorDrift } from "./attach";
import type { ConfigLocation, EdgeChange, Escalation } from "./escalation";
import { diffGrants, type GrantChange } from "./grant-changes";
import { CONNECTOR_RULES, TENANT_RULES, type Finding } from "./rules";
import { identitySettings, type SettingChange } from "./settings";

export { describeGrant, type ComparableGrant, type GrantChange } from "./grant-changes";

export interface ConnectorDiff {
  readonly tenant: string;
  readonly kind: string;
  /** The head's display name (the base's for a removed connector). */
  readonly name: string;
  /** The connector's identity, its stack name: two plans' connectors with one identity are one connector. */
  readonly identity: string;
  /** The base's display name, when the head renamed the connector and kept its identity. */
  readonly renamedFrom?: string;
  readonly grants: GrantChange[];
  /** Scopes that appear or disappear, e.g. `aws-account:1111 → aws-organization:r-ab12`. */
  readonly scopes: { added: string[]; removed: string[]; grantsMoved: number };
  /** Credentials whose lifetime (rotation, validity, grace of the replaced one) differs. */
  readonly credentialLifetimes?: LifetimeChange[];
  /** Boundaries, session lengths and owners of the stack's identities that differ. */
  readonly settings?: SettingChange[];
  /** Trust and secret edges (who may act, where secrets go) that appear or disappear. */
  readonly edges?: EdgeChange[];
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
  /** Which side failed: `head` (the pull request's config) or `base`; absent when the command itself failed. */
  readonly side?: "base" | "head";
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

/** Where one side of the diff came from: its config file (lines found by field path), or a plan file. */
export interface DiffSide {
  /** The config file as given (`<ref>:<file>` for a git ref's), or the plan file when the side is one. */
  readonly file: string;
  /** The line of a field path in the config; absent for a plan file. */
  readonly lineOf?: (path: string) => number;
}

export interface DiffOptions {
  readonly base?: DiffSide;
  readonly head?: DiffSide;
  /** Connectors whose artifacts grant other than the catalog says, found while planning each side. */
  readonly drift?: { readonly base?: readonly ConnectorDrift[]; readonly head?: readonly ConnectorDrift[] };
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

/** Turns rule findings into escalations: one line each (duplicates told once), located in both configs. */
function escalate(
  label: string,
  tenant: string,
  connector: string | undefined,
  findings: Finding[],
  options: DiffOptions,
) {
  const seen = new Set<string>();
  const escalations: Escalation[] = [];
  for (const finding of findings) {
    // One line, no control characters: names and values come from a config a pull request wrote.
    const message = printable(`${label}: ${finding.message}`);
    if (seen.has(`${finding.rule}\n${message}`)) continue;
    seen.add(`${finding.rule}\n${message}`);
    const base = locate(options.base, finding.basePath);
    const head = locate(options.head, finding.headPath);
    escalations.push({
      rule: finding.rule,
      message,
      tenant,
      ...(connector ? { connector } : {}),
      ...(base ? { base } : {}),
      ...(head ? { head } : {}),
    });
  }
  return escalations;
}

function locate(side: DiffSide | undefined, path: string | undefined): ConfigLocation | undefined {
  if (!side || !path) return undefined;
  const line = side.lineOf?.(path);
  return { file: side.file, ...(line ? { line } : {}), path };
}

function diffConnector(
  tenant: string,
  identity: string,
  base: PlannedConnectorRecord | undefined,
  head: PlannedConnectorRecord | undefined,
  edges: EdgeChange[],
  options: DiffOptions,
): ConnectorDiff {
  const grants = diffGrants(base, head);
  const pair = { tenant, identity, base, head, grants };
  const findings = CONNECTOR_RULES.flatMap((rule) => rule(pair));
  const escalations = escalate(`${tenant}/${(head ?? base)!.name}`, tenant, identity, findings, options);
  const lifetimes = lifetimeChanges(base, head);
  const settings = identitySettings(base, head);
  const renamed = base && head && base.name !== head.name;
  return {
    tenant,
    kind: (head ?? base)!.kind,
    name: (head ?? base)!.name,
    identity,
    ...(renamed ? { renamedFrom: base.name } : {}),
    grants: grants.grants,
    scopes: grants.scopes,
    ...(lifetimes.length ? { credentialLifetimes: lifetimes } : {}),
    ...(settings.length ? { settings } : {}),
    ...(edges.length ? { edges } : {}),
    escalations,
  };
}

/**
 * The tenant as today's classifier reads it: each grant's access the stricter of the recorded one
 * and what the classifier makes of its name, as the grant rules judge it (grant-changes.ts
 * grantsOf), so an older plan that called a write permission read draws it as write too.
 */
function believed(tenant: PlannedTenantRecord): PlannedTenantRecord {
  const strict = <G extends Pick<Grant, "kind" | "name" | "access">>(grants: readonly G[]): G[] =>
    grants.map((g) => ({ ...g, access: stricterAccess(g.kind, g.name, g.access) }));
  return {
    ...tenant,
    connectors: tenant.connectors.map((c) => ({
      ...c,
      grants: strict(c.grants),
      ...(c.extractedGrants ? { extractedGrants: strict(c.extractedGrants) } : {}),
    })),
  };
}

/** The edges one side's picture has and the other's lacks. */
function edgeChanges(base: PlannedTenantRecord | undefined, head: PlannedTenantRecord | undefined): EdgeChange[] {
  const keyed = (tenant: PlannedTenantRecord | undefined) =>
    new Map((tenant ? edgesOf(believed(tenant)) : []).map((edge) => [JSON.stringify(edge), edge]));
  const before = keyed(base);
  const after = keyed(head);
  const changes = (from: Map<string, ReviewEdge>, to: Map<string, ReviewEdge>, change: EdgeChange["change"]) =>
    [...from].filter(([key]) => !to.has(key)).map(([, edge]) => ({ change, edge }));
  return [...changes(after, before, "added"), ...changes(before, after, "removed")];
}

/** Drift found while planning a side, as escalations naming the catalog, the artifact and the connector's entry. */
function driftEscalations(drift: DiffOptions["drift"], options: DiffOptions): Escalation[] {
  const sides = [
    ["head", drift?.head ?? []],
    ["base", drift?.base ?? []],
  ] as const;
  return sides.flatMap(([side, list]) =>
    list.flatMap((connector) =>
      escalate(
        `${side === "base" ? "base " : ""}${connector.tenant}/${connector.name}`,
        connector.tenant,
        connector.identity,
        connector.mismatches.map((m) => ({
          rule: "artifact-drift",
          message: `${m.problem}: ${m.grant}${m.detail ? ` (${m.detail})` : ""}${m.artifact ? ` — ${m.artifact}` : ""}`,
          ...(side === "head" ? { headPath: connector.configPath } : { basePath: connector.configPath }),
        })),
        options,
      ),
    ),
  );
}

/**
 * Every difference between two plans that a reviewer must approve or see, per tenant and
 * connector: connectors are matched by identity (their stack name), so a rename that keeps the
 * stack is judged as the same connector, and a new one is judged against nothing.
 */
export function diffPlans(base: PlanRecord, head: PlanRecord, options: DiffOptions = {}): PlanDiff {
  const connectors: ConnectorDiff[] = [];
  const escalations: Escalation[] = driftEscalations(options.drift, options);
  const edges: EdgeChange[] = [];
  const tenants = new Set([...base.tenants, ...head.tenants].map((t) => t.name));
  for (const tenant of [...tenants].sort()) {
    const b = base.tenants.find((t) => t.name === tenant);
    const h = head.tenants.find((t) => t.name === tenant);
    if (h)
      escalations.push(
        ...escalate(
          tenant,
          tenant,
          undefined,
          TENANT_RULES.flatMap((rule) => rule(b, h)),
          options,
        ),
      );
    const tenantEdges = edgeChanges(b, h);
    edges.push(...tenantEdges);
    const before = new Map(b ? withIdentities(b).map(({ identity, connector }) => [identity, connector]) : []);
    const after = new Map(h ? withIdentities(h).map(({ identity, connector }) => [identity, connector]) : []);
    for (const identity of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const own = tenantEdges.filter((e) => e.edge.connector === identity && e.edge.type !== "grant");
      const diff = diffConnector(tenant, identity, before.get(identity), after.get(identity), own, options);
      const changed =
        diff.grants.length ||
        diff.scopes.added.length ||
        diff.scopes.removed.length ||
        diff.credentialLifetimes ||
        diff.settings ||
        diff.edges ||
        diff.renamedFrom ||
        diff.escalations.length;
      if (changed) connectors.push(diff);
      escalations.push(...diff.escalations);
    }
  }
  return { connectors, escalations, edges };
}

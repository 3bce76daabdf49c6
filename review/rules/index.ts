import { grantAccessWidened } from "./grant-access-widened";
import { grantWildcard } from "./grant-wildcard";
import { headNotExtracted } from "./head-not-extracted";
import { ownerAdded } from "./owner-added";
import { permissionsBoundary } from "./permissions-boundary";
import { fieldPath, type ConnectorRule, type Finding, type TenantRule } from "./rule";
import { scopeWidened } from "./scope-widened";
import { secretDestinationHost } from "./secret-destination-host";
import { secretFileOutsideConfig } from "./secret-file-outside-config";
import { secretReferenceChanged } from "./secret-reference-changed";
import type { SecretRule } from "./secrets";
import { sessionLonger } from "./session-longer";
import { trustConditionRemoved } from "./trust-condition-removed";
import { trustPrincipalAdded } from "./trust-principal-added";

/** The secret rules, for a connector's secrets and for a tenant's own. */
const SECRET_RULES: readonly SecretRule[] = [secretDestinationHost, secretReferenceChanged, secretFileOutsideConfig];

/**
 * Every rule `diff` judges a connector by, each an allow-list in a file of its own (the rule id
 * is its file's name, but for the secret rules, which judge tenants too). README "Reviewing a
 * change" lists them; test/review/mutation-rules.test.ts trips each one.
 */
export const CONNECTOR_RULES: readonly ConnectorRule[] = [
  headNotExtracted,
  grantAccessWidened,
  grantWildcard,
  scopeWidened,
  trustPrincipalAdded,
  trustConditionRemoved,
  permissionsBoundary,
  sessionLonger,
  ownerAdded,
  ...SECRET_RULES.map(
    (rule): ConnectorRule =>
      ({ base, head }) =>
        rule({ base: base?.secrets, head: head?.secrets, basePath: fieldPath(base), headPath: fieldPath(head) }),
  ),
];

/** The rules over a tenant's own secrets (the Insights API token). */
export const TENANT_RULES: readonly TenantRule[] = SECRET_RULES.map(
  (rule): TenantRule =>
    (base, head) =>
      rule({ base: base?.secrets, head: head.secrets, basePath: base?.configPath, headPath: head.configPath }),
);

/** The rule ids `diff` can report, with the drift it reports from the plan's own check. */
export const RULE_IDS = [
  "head-not-extracted",
  "artifact-drift",
  "grant-access-widened",
  "grant-wildcard",
  "scope-widened",
  "trust-principal-added",
  "trust-condition-removed",
  "boundary-removed-or-changed",
  "session-longer",
  "owner-added",
  "secret-destination-host",
  "secret-reference-changed",
  "secret-file-outside-config",
] as const;

export type { Finding };

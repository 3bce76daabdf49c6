import { RULE_IDS } from "../rules";
/** What a rule is, in words, for the rules table of a SARIF driver. */
export interface RuleText {
  readonly short: string;
  readonly full: string;
  readonly help: string;
}

type RuleId = (typeof RULE_IDS)[number];

const APPROVE =
  "If the change is intended, a reviewer approves it explicitly (the allow-escalation label in " +
  "examples/ci/permission-diff.yml); otherwise change the config or code back.";

const text = (short: string, full: string, fix: string): RuleText => ({ short, full, help: `${fix} ${APPROVE}` });

/**
 * Each rule of `diff` (review/rules/) in words, for code scanning's rules list: what it
 * catches, why a reviewer must see it, and what to do. A rule id without an entry here fails
 * to compile; an id from another version of the toolkit falls back on a generic text.
 */
export const RULE_TEXT = {
  "head-not-extracted": text(
    "A stack's artifacts were not read back",
    "The head plan holds a stack whose synthesized artifacts were not read (a plan made with --no-extract " +
      "or by an older version), so its grants and trust cannot be judged and are not waved through.",
    "Plan the head with extraction (no --no-extract), or judge its artifacts with diff --head-artifacts.",
  ),
  "artifact-drift": text(
    "A stack grants other than its catalog says",
    "The synthesized artifacts grant more, less or differently than the catalog for this config, for " +
      "example write where the catalog says read: what would be deployed is not what was reviewed.",
    "Make the stack and the catalog agree; the report lists every difference and the artifact it is in.",
  ),
  "grant-access-widened": text(
    "A grant above read is added",
    "A write or admin grant the base did not hold at that level: a new one, or a read grant that became " +
      "write. A new connector's grants are all new.",
    "Check that the source really requires this level for Insights to read it.",
  ),
  "grant-wildcard": text(
    "A grant holds a wildcard",
    "An added or changed grant whose permission name or resource holds `*`, which reaches whatever the " +
      "wildcard matches today and later.",
    "Name the permissions and resources instead.",
  ),
  "scope-widened": text(
    "A scope widens",
    "Grants move to a broader scope of the same family: one account to the organization, a project to all " +
      "projects, a tenant to the root management group.",
    "Check that Insights should read everything under the new scope.",
  ),
  "trust-principal-added": text(
    "A new principal may act as an identity",
    "A principal may act as a connector's identity that could not in the base: another AWS account, an OIDC " +
      "issuer, a federated credential, a member of a service account's IAM policy.",
    "Check that the principal is Insights' own (its connection panel shows it).",
  ),
  "trust-condition-removed": text(
    "A trust condition is removed",
    "A principal trusted on both sides lost a condition that bound it, such as the external ID or an OIDC " +
      "subject, so more callers of that principal may act as the identity.",
    "Keep the condition (sts:ExternalId for the AWS role).",
  ),
  "boundary-removed-or-changed": text(
    "A permissions boundary is removed or replaced",
    "An identity that had a permissions boundary lost it or got another one, whose policy the diff cannot " +
      "read: it may allow anything.",
    "Keep the boundary, or review the new boundary policy itself.",
  ),
  "session-longer": text(
    "Sessions may last longer",
    "An identity's sessions may last longer than the base allowed, so a stolen session stays useful longer.",
    "Keep the session length, or agree the longer one with the source's owners.",
  ),
  "owner-added": text(
    "An identity gets a new owner",
    "Someone becomes an owner of an identity; an owner may add credentials to it and so act as it.",
    "Check that the owner should be able to act as Insights' identity.",
  ),
  "secret-destination-host": text(
    "A secret is sent to a new host",
    "A secret, or a token made with it, goes to a host the base did not send it to: the Insights URL or " +
      "site moved, another Okta domain, GitHub API URL, PingOne region or environment.",
    "Check that the new host is the vendor's and yours.",
  ),
  "secret-reference-changed": text(
    "A secret is read from another reference",
    "A field reads its secret from another environment variable or file than the base did, for example " +
      "a client secret from ../../root/.aws/credentials: whatever that holds is posted as the secret.",
    "Check that the new reference holds this connector's secret and nothing else.",
  ),
  "secret-file-outside-config": text(
    "A secret file lies outside the config's folder",
    "A file: secret leads outside the config's folder (by .., an absolute path or a symlink); any owner-only " +
      "file the runner can read (up to 64 KiB) would be posted as the secret.",
    "Keep secret files beside the config, or use an env: reference.",
  ),
} as const satisfies Record<RuleId, RuleText>;

/** The words for a rule id; one this version does not know gets a text that names it. */
export function ruleText(rule: string): RuleText {
  if (Object.hasOwn(RULE_TEXT, rule)) return RULE_TEXT[rule as RuleId];
  return text(
    `Permission escalation: ${rule}`,
    `insights-connectors diff judged this change by its rule "${rule}" and asks for a reviewer's approval.`,
    "Read the permission gate's report on the pull request: it names the change in both configs.",
  );
}

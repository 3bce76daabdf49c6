/**
 * The credential resources of every stack shape an earlier main could have deployed, as each
 * synthesized them (cdk.tf.json, cdktf's `//` metadata left out). Read from git history: every
 * first-parent main commit that changed stacks/, synthesized with examples/all-sources.yaml
 * (findings of issue 26, section 4), and checked against the stack sources at the commits named.
 * Upgrade tests apply each one, then the stack as synthesized now.
 */
export interface EarlierShape {
  /** `gcp: keepers (main 82895e9–ddec3ca)`. */
  readonly label: string;
  /** The credential resource's type and name, and the address it holds after the upgrade's `moved` block. */
  readonly credential: { readonly type: string; readonly name: string; readonly after: string };
  /** Every resource of the shape that matters to the credential: the credential and its `time_rotating`. */
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly variable?: Record<string, unknown>;
  readonly moved?: readonly { readonly from: string; readonly to: string }[];
  /** TF_VAR_ values the shape's apply needs. */
  readonly variables?: Readonly<Record<string, string>>;
}

const GCP_KEY = {
  service_account_id: "${google_service_account.connector_service_account.name}",
  key_algorithm: "KEY_ALG_RSA_2048",
  private_key_type: "TYPE_GOOGLE_CREDENTIALS_FILE",
};
const GCP_CREDENTIAL = {
  type: "google_service_account_key",
  name: "connector_service_account_key",
  after: 'google_service_account_key.connector_service_account_key["1"]',
};

/** GCP service account key: stacks/gcp/connector-service-account.ts at each commit. */
export const GCP_SHAPES: readonly EarlierShape[] = [
  {
    // Also ff3f49e, which changed only where the state lives (.state/terraform; see the state-location test).
    label: "gcp: one key, no rotation (main 0a6b1ad–ff3f49e)",
    credential: GCP_CREDENTIAL,
    resource: { google_service_account_key: { connector_service_account_key: GCP_KEY } },
  },
  {
    // 730a318 (merged in 82895e9): CredentialRotation "service_account_key_rotation", keepers = its id.
    label: "gcp: keepers from a time_rotating (main 82895e9–ddec3ca)",
    credential: GCP_CREDENTIAL,
    resource: {
      time_rotating: { service_account_key_rotation: { rotation_days: 90 } },
      google_service_account_key: {
        connector_service_account_key: {
          ...GCP_KEY,
          keepers: { rotation: "${time_rotating.service_account_key_rotation.id}" },
          lifecycle: { create_before_destroy: true },
        },
      },
    },
  },
  {
    label: "gcp: key slots without ignore_changes (main 2f5279e–1635526)",
    credential: GCP_CREDENTIAL,
    resource: {
      google_service_account_key: {
        connector_service_account_key: {
          ...GCP_KEY,
          for_each: "${toset([for g in var.service_account_key_generations : tostring(g)])}",
        },
      },
    },
    variable: { service_account_key_generations: { type: "list(number)", nullable: false } },
    moved: [{ from: "google_service_account_key.connector_service_account_key", to: GCP_CREDENTIAL.after }],
    variables: { service_account_key_generations: "[1]" },
  },
];

/** Entra client secret: stacks/azure/rotating-client-secret.ts, the same synthesis from 0a6b1ad to 1635526. */
export const ENTRA_SHAPES: readonly EarlierShape[] = [
  {
    label: "azure: one secret replaced by a time_rotating (main 0a6b1ad–1635526)",
    credential: {
      type: "azuread_application_password",
      name: "client_secret",
      after: 'azuread_application_password.client_secret["1"]',
    },
    resource: {
      time_rotating: { client_secret_rotation: { rotation_days: 90 } },
      azuread_application_password: {
        client_secret: {
          application_id: "${azuread_application.connector_application.id}",
          display_name: "BeyondTrust Identity Security Insights",
          end_date: '${timeadd(time_rotating.client_secret_rotation.rotation_rfc3339, "720h")}',
          rotate_when_changed: { rotation: "${time_rotating.client_secret_rotation.id}" },
          lifecycle: { create_before_destroy: true },
        },
      },
    },
  },
];

const PINGONE_CREDENTIAL = {
  type: "pingone_application_secret",
  name: "connector_application_secret",
  after: "pingone_application_secret.connector_application_secret",
};
const PINGONE_SECRET = {
  environment_id: "3f1a2b4c-0000-4000-8000-000000000002",
  application_id: "${pingone_application.connector_application.id}",
};
const PINGONE_ROTATION = { time_rotating: { client_secret_rotation: { rotation_days: 90 } } };

/** PingOne client secret: stacks/pingone/pingone-connector-stack.ts at each commit. */
export const PINGONE_SHAPES: readonly EarlierShape[] = [
  {
    label: "pingone: one secret, no rotation (main 478175c–da93100)",
    credential: PINGONE_CREDENTIAL,
    resource: { pingone_application_secret: { connector_application_secret: PINGONE_SECRET } },
  },
  {
    label: "pingone: regenerated by a time_rotating, no previous (main bbe62d0–47bacaf)",
    credential: PINGONE_CREDENTIAL,
    resource: {
      ...PINGONE_ROTATION,
      pingone_application_secret: {
        connector_application_secret: {
          ...PINGONE_SECRET,
          regenerate_trigger_values: { rotation_rfc3339: "${time_rotating.client_secret_rotation.rotation_rfc3339}" },
        },
      },
    },
  },
  {
    label: "pingone: previous kept 7 days, ignored as drift (main 48c0d67–1635526)",
    credential: PINGONE_CREDENTIAL,
    resource: {
      ...PINGONE_ROTATION,
      pingone_application_secret: {
        connector_application_secret: {
          ...PINGONE_SECRET,
          regenerate_trigger_values: { rotation_rfc3339: "${time_rotating.client_secret_rotation.rotation_rfc3339}" },
          previous: { expires_at: '${timeadd(time_rotating.client_secret_rotation.rfc3339, "168h")}' },
          lifecycle: { ignore_changes: ["previous"] },
        },
      },
    },
  },
];

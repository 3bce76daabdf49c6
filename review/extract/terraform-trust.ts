import type { ActingIdentity, TrustRelation } from "../../plan/model";
import type { TerraformJson } from "./terraform-json";

const resources = (json: TerraformJson, type: string) => Object.entries(json.resource?.[type] ?? {});

/** `${azuread_application.connector_application.id}` → `connector_application`. */
function referenced(value: unknown, type: string): string | undefined {
  const match = new RegExp(`^\\$\\{${type}\\.(\\w+)\\.[\\w]+\\}$`).exec(String(value));
  return match?.[1];
}

const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/**
 * Who may act as each identity a CDKTF stack creates, read from its `cdk.tf.json`: Entra
 * applications and service principals (their owners may add credentials; federated identity
 * credentials let an outside issuer's subject sign in) and GCP service accounts (the members of
 * their IAM policy). PingOne worker apps have no trust of their own: holding the secret is all.
 */
export function terraformTrust(json: TerraformJson, artifact: string): ActingIdentity[] {
  return [...entraTrust(json, artifact), ...gcpServiceAccountTrust(json, artifact)];
}

function entraTrust(json: TerraformJson, artifact: string): ActingIdentity[] {
  const federated = new Map<string, TrustRelation[]>();
  for (const [, credential] of resources(json, "azuread_application_federated_identity_credential")) {
    const app = referenced(credential.application_id, "azuread_application") ?? text(credential.application_id);
    const relation: TrustRelation = {
      type: "federated-credential",
      principal: text(credential.issuer),
      conditions: [
        `subject = ${text(credential.subject)}`,
        `audiences = ${[credential.audiences ?? []].flat().join(", ")}`,
      ],
    };
    federated.set(app, [...(federated.get(app) ?? []), relation]);
  }
  const identity = (what: string, address: string, resource: any): ActingIdentity => ({
    identity: `${what} ${address}`,
    trustedBy: what === "Entra application" ? (federated.get(address) ?? []) : [],
    owners: [resource.owners ?? []].flat().map(text).sort(),
    artifact: `${artifact} ${what === "Entra application" ? "azuread_application" : "azuread_service_principal"}.${address}`,
  });
  const apps = resources(json, "azuread_application").map(([address, app]) =>
    identity("Entra application", address, app),
  );
  // A federated credential on an application this stack does not create still lets someone in: kept under its reference.
  const orphans = [...federated]
    .filter(([app]) => !apps.some((a) => a.identity === `Entra application ${app}`))
    .map(([app, trustedBy]) => ({ identity: `Entra application ${app}`, trustedBy, artifact }));
  const principals = resources(json, "azuread_service_principal").map(([address, sp]) =>
    identity("Entra service principal", address, sp),
  );
  return [...apps, ...orphans, ...principals];
}

const SERVICE_ACCOUNT_IAM = [
  "google_service_account_iam_member",
  "google_service_account_iam_binding",
  "google_service_account_iam_policy",
];

/** Every member of a service account's IAM policy may act as it, whatever the role: each is shown. */
function gcpServiceAccountTrust(json: TerraformJson, artifact: string): ActingIdentity[] {
  const members = new Map<string, TrustRelation[]>();
  for (const type of SERVICE_ACCOUNT_IAM) {
    for (const [, binding] of resources(json, type)) {
      const account =
        referenced(binding.service_account_id, "google_service_account") ?? text(binding.service_account_id);
      const relations = bindingMembers(binding).map(({ member, role }): TrustRelation => ({
        type: "impersonation",
        principal: member,
        conditions: [`role ${role}`],
      }));
      members.set(account, [...(members.get(account) ?? []), ...relations]);
    }
  }
  const accounts = resources(json, "google_service_account").map(([address, account]) => ({
    identity: `GCP service account ${text(account.account_id)}`,
    trustedBy: members.get(address) ?? [],
    artifact: `${artifact} google_service_account.${address}`,
  }));
  const known = new Set(resources(json, "google_service_account").map(([address]) => address));
  const orphans = [...members]
    .filter(([account]) => !known.has(account))
    .map(([account, trustedBy]) => ({ identity: `GCP service account ${account}`, trustedBy, artifact }));
  return [...accounts, ...orphans];
}

/** The members and roles of a `_member`, `_binding` or `_policy` resource (a policy's JSON is read when literal). */
function bindingMembers(binding: any): { member: string; role: string }[] {
  if (binding.member !== undefined) return [{ member: text(binding.member), role: text(binding.role) }];
  if (binding.members !== undefined)
    return [binding.members].flat().map((member: unknown) => ({ member: text(member), role: text(binding.role) }));
  try {
    const policy = JSON.parse(String(binding.policy_data));
    return [policy.bindings ?? []]
      .flat()
      .flatMap((b: any) =>
        [b.members ?? []].flat().map((member: unknown) => ({ member: text(member), role: text(b.role) })),
      );
  } catch {
    // A policy computed at apply time cannot be read: it is shown as an unknown member, never dropped.
    return [{ member: text(binding.policy_data), role: "(policy document)" }];
  }
}

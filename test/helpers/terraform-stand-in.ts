import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The arguments whose change makes the provider replace a credential rather than update it, from
 * each provider's source:
 * - google_service_account_key: every argument ForceNew (hashicorp/terraform-provider-google
 *   160dc8274a1e94b77c7514fd748b45333ad27d7c, google/services/resourcemanager/resource_google_service_account_key.go);
 * - azuread_application_password: every argument ForceNew, no Update (hashicorp/terraform-provider-azuread
 *   v3.7.0 72ee4ffe4628e1a21e275734c8d3354faf8fb2f3, internal/services/applications/application_password_resource.go);
 * - pingone_application_secret: its Update calls UpdateApplicationSecret, which regenerates the secret like
 *   its Create, so any planned change is a new secret (pingidentity/terraform-provider-pingone
 *   20855b3149274e5861c04e401bee8c474a5532a4, internal/service/sso/resource_application_secret.go).
 */
export const REPLACING_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  google_service_account_key: [
    "service_account_id",
    "key_algorithm",
    "private_key_type",
    "public_key_type",
    "public_key_data",
    "keepers",
  ],
  azuread_application_password: [
    "application_id",
    "display_name",
    "start_date",
    "end_date",
    "end_date_relative",
    "rotate_when_changed",
  ],
  pingone_application_secret: ["environment_id", "application_id", "previous", "regenerate_trigger_values"],
};

/** Meta-arguments: Terraform's, not the provider's. */
const META = new Set(["for_each", "count", "lifecycle", "depends_on", "provider"]);

/** A stack's credential resource and what surrounds it, as its cdk.tf.json has them. */
export interface CredentialShape {
  readonly resource: Record<string, Record<string, Record<string, unknown>>>;
  readonly variable?: Record<string, unknown>;
  readonly moved?: readonly { readonly from: string; readonly to: string }[];
}

/**
 * The shape with the credential swapped for a built-in `terraform_data` (no provider download): its
 * replacing arguments become `triggers_replace`, which replaces it when they change, and the others
 * `input`, which updates it in place. An argument the new configuration lists in `ignore_changes`
 * keeps its prior value on an existing resource (Terraform's rule), so it goes to `input`: its change
 * replaces nothing. `terraform_data` cannot ignore one key of `triggers_replace`, so the partition by
 * the new configuration's list is applied to both shapes. Each `time_rotating` becomes a
 * `terraform_data` whose output is a fixed time; references to other resources become their text.
 */
export function standIn(shape: CredentialShape, credentialType: string, ignored: readonly string[]): object {
  const replacing = (REPLACING_ARGUMENTS[credentialType] ?? []).filter((a) => !ignored.includes(a));
  const rewrite = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value ?? null)
        .replace(/time_rotating\.(\w+)\.id/g, "terraform_data.$1.id")
        .replace(/time_rotating\.(\w+)\.(?:rotation_rfc3339|rfc3339)/g, "terraform_data.$1.output")
        .replaceAll(`${credentialType}.`, "terraform_data.")
        // A whole-string reference to a resource with no stand-in: its text, equal in both shapes.
        .replace(/"\$\{((?!terraform_data\.|var\.|each\.)[a-z_]+\.[a-z_]+\.[a-z_]+)\}"/g, '"$1"'),
    );
  const standIns: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(shape.resource.time_rotating ?? {}))
    standIns[name] = { input: "2026-01-01T00:00:00Z" };
  for (const [name, body] of Object.entries(shape.resource[credentialType] ?? {})) {
    const args = Object.entries(body).filter(([key]) => !META.has(key));
    const lifecycle = body.lifecycle as { create_before_destroy?: boolean } | undefined;
    standIns[name] = {
      ...(body.for_each ? { for_each: rewrite(body.for_each) } : {}),
      input: rewrite(Object.fromEntries(args.filter(([key]) => !replacing.includes(key)))),
      triggers_replace: rewrite(Object.fromEntries(replacing.map((key) => [key, body[key] ?? null]))),
      ...(lifecycle?.create_before_destroy ? { lifecycle: { create_before_destroy: true } } : {}),
    };
  }
  return {
    resource: { terraform_data: standIns },
    ...(shape.variable ? { variable: shape.variable } : {}),
    ...(shape.moved ? { moved: rewrite(shape.moved) } : {}),
  };
}

/** Terraform in `dir`, offline and non-interactive, with TF_VAR_ values. */
export function terraformIn(dir: string) {
  const run = (args: string[], variables: Readonly<Record<string, string>> = {}) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TF_IN_AUTOMATION: "1",
      CHECKPOINT_DISABLE: "1",
      ...Object.fromEntries(Object.entries(variables).map(([name, value]) => [`TF_VAR_${name}`, value])),
    };
    return spawnSync("terraform", [...args, "-no-color"], { cwd: dir, env, encoding: "utf8", timeout: 120_000 });
  };
  return {
    run,
    write(config: object): void {
      writeFileSync(join(dir, "main.tf.json"), JSON.stringify(config, null, 1));
    },
    apply(variables: Readonly<Record<string, string>> = {}): void {
      const applied = run(["apply", "-input=false", "-auto-approve"], variables);
      if (applied.status !== 0) throw new Error(applied.stderr || applied.stdout);
    },
    /** The id of each resource instance in the state, by address. */
    ids(): Record<string, string> {
      const shown = JSON.parse(run(["show", "-json"]).stdout) as {
        values?: { root_module?: { resources?: { address: string; values: { id: string } }[] } };
      };
      return Object.fromEntries((shown.values?.root_module?.resources ?? []).map((r) => [r.address, r.values.id]));
    },
  };
}

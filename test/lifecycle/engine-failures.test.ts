// Issue 26, item 8: provider failures with a known cause are said in the user's terms, with the config
// field to change and its FILE:LINE. The matched words are the providers' own (cited in connectors/<kind>/).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../config/load";
import { ConfigError } from "../../config/problems";
import { explainEngineFailure, explainedLine } from "../../lifecycle/engine-failures";
import { buildPlan } from "../../plan/build";
import { configWith, lineOf } from "../helpers/config-text";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "engine-failures-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The one connector of a config file written from `connector`, as up and down see it. */
function plannedFrom(connector: string) {
  const text = configWith([connector]);
  const file = join(dir, "tenants.yaml");
  writeFileSync(file, text);
  const config = loadConfig(file);
  return { config, planned: buildPlan(config).tenants[0].connectors[0], text, file };
}

/** `LINE:COL` of the first occurrence of `needle` in `text` (1-based), where the config's locator points. */
const at = (text: string, needle: string) =>
  `${lineOf(text, needle)}:${text.split("\n")[lineOf(text, needle) - 1].indexOf(needle) + 1}`;

/** Terraform's boxed diagnostic as runEngine flattens it into one line (providers/engines/run-engine.ts). */
const terraformSaid = (summary: string, address: string) =>
  `terraform destroy (acme-gcp) exited 1: Error: ${summary} with ${address}, on cdk.tf.json line 1`;

const GCP_CREATED =
  'kind: gcp\nname: GCP\norganizationId: "123456789012"\nproject:\n  id: acme-insights\n  create: true';

describe("GCP: the provider's PREVENT refusal is the project the config keeps", () => {
  // google provider resourceGoogleProjectDelete @ 00b984c6987304290117e54f87cdfd38f2be0685, word for word.
  const PREVENT = "Cannot destroy project as deletion_policy is set to PREVENT.";

  test("with deletionPolicy PREVENT (the default) it is expected: left by design, located at the project", () => {
    const { config, planned, text, file } = plannedFrom(GCP_CREATED);
    const explained = explainEngineFailure(config, planned, terraformSaid(PREVENT, "google_project.connector_project"));
    expect(explained).toEqual({
      message:
        "the GCP project acme-insights was kept: its deletion_policy in Terraform's state is PREVENT, as " +
        "project.deletionPolicy asks; the rest of the stack was destroyed before it. To delete the project too, set " +
        "project.deletionPolicy: DELETE, run up (the apply records it), then down",
      // deletionPolicy is not written: the nearest node that is, `project`'s map.
      location: `${file}:${at(text, "id: acme-insights")}  tenants[0].connectors[0].project.deletionPolicy`,
      expected: true,
    });
  });

  test("with deletionPolicy DELETE not yet applied it is a failure saying to run up first, at the field's line", () => {
    const { config, planned, text, file } = plannedFrom(`${GCP_CREATED}\n  deletionPolicy: DELETE`);
    const explained = explainEngineFailure(
      config,
      planned,
      terraformSaid(PREVENT, "google_project.connector_project"),
    )!;
    expect(explained.expected).toBe(false);
    expect(explainedLine(explained)).toBe(
      `${file}:${at(text, "DELETE")}  tenants[0].connectors[0].project.deletionPolicy: ` +
        "the GCP project acme-insights was kept: its deletion_policy in Terraform's state is PREVENT, while " +
        "project.deletionPolicy says DELETE: the provider reads the policy from state, so run up once (the apply " +
        "records it), then down again",
    );
  });

  test("any other failure keeps the engine's own words", () => {
    const { config, planned } = plannedFrom(GCP_CREATED);
    expect(explainEngineFailure(config, planned, terraformSaid("googleapi: Error 403", "google_project"))).toBe(
      undefined,
    );
  });

  test("deletionPolicy is refused on a project the stack does not create, where it would be ignored", () => {
    const text = configWith([
      'kind: gcp\nname: GCP\norganizationId: "123456789012"\nproject: { id: acme-insights, deletionPolicy: DELETE }',
    ]);
    writeFileSync(join(dir, "tenants.yaml"), text);
    let error: ConfigError | undefined;
    try {
      loadConfig(join(dir, "tenants.yaml"));
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((p) => [p.path, p.message])).toEqual([
      ["tenants[0].connectors[0].project.deletionPolicy", "only applies with create: true"],
    ]);
  });
});

describe("Azure: an app management policy and a missing root management group, in the user's terms", () => {
  const AZURE = "kind: azure\nname: Entra\ntenantId: 0f5b7c1e-0000-4000-8000-000000000001\nsecretRotationDays: 180";
  // azuread application_password_resource.go: "Adding password for application with object ID %q", then Graph's error.
  const adding = (code: string, text: string) =>
    `terraform apply (acme-azure) exited 1: Error: Adding password for application with object ID ` +
    `"7d1c5b2e-0000-4000-8000-00000000000a": unexpected status 400 with OData error: ${code}: ${text}`;

  test("CredentialInvalidLifetimeAsPerAppPolicy names secretRotationDays at its line, with the lifetime asked", () => {
    const { config, planned, text, file } = plannedFrom(AZURE);
    const explained = explainEngineFailure(
      config,
      planned,
      adding(
        "CredentialInvalidLifetimeAsPerAppPolicy",
        "Credential lifetime exceeds the max value allowed as per assigned policy",
      ),
    )!;
    expect(explained.location).toBe(`${file}:${at(text, "180")}  tenants[0].connectors[0].secretRotationDays`);
    expect(explained.message).toBe(
      "Entra refused the client secret (CredentialInvalidLifetimeAsPerAppPolicy): a tenant app management policy " +
        "limits password lifetimes below the 210 days this connector asks for (secretRotationDays 180 + 30 days of " +
        "overlap). Lower secretRotationDays so that it plus 30 fits the policy's maxLifetime " +
        "(GET /policies/defaultAppManagementPolicy shows it), or have an admin exempt the app",
    );
    expect(explained.expected).toBe(false);
  });

  test("CredentialTypeNotAllowedAsPerAppPolicy says an admin must exempt the app (no field fixes it)", () => {
    const { config, planned } = plannedFrom(AZURE);
    const explained = explainEngineFailure(
      config,
      planned,
      adding("CredentialTypeNotAllowedAsPerAppPolicy", "Password credential is not allowed"),
    )!;
    expect(explained.location).toBeUndefined();
    expect(explained.message).toMatch(/^Entra refused the client secret \(CredentialTypeNotAllowedAsPerAppPolicy\)/);
  });

  test("a root management group that is not found gets Microsoft's first-setup quote and the azureResources field", () => {
    const { config, planned, text, file } = plannedFrom(AZURE);
    // ARM's answer for a management group that does not exist (JulianHayward/Azure-MG-Sub-Governance-Reporting #109).
    const armSaid =
      "terraform apply (acme-azure) exited 1: Error: listing role definitions: unexpected status 404 (404 Not Found) " +
      "with error: NotFound: '/providers/Microsoft.Management/managementGroups/0f5b7c1e-0000-4000-8000-000000000001' " +
      "not found";
    const explained = explainEngineFailure(config, planned, armSaid)!;
    expect(explained.message).toBe(
      "Reader could not be assigned at the tenant root management group " +
        "(managementgroups/0f5b7c1e-0000-4000-8000-000000000001): it does not exist yet. A tenant that never used " +
        'management groups gets its root group on first use, which Microsoft says "The first management group ' +
        'created in the directory could take up to 15 minutes to complete." ' +
        "(https://learn.microsoft.com/en-us/azure/governance/management-groups/create-management-group-rest-api): " +
        "open Management groups in the Azure portal once, wait for it, make sure 'Access management for Azure " +
        "resources' is on for the deploying Global Administrator, then run up again; or set azureResources: false " +
        "to leave Azure resources out",
    );
    // azureResources is left to its default: the location is the connector's entry.
    expect(explained.location).toBe(`${file}:${at(text, "kind: azure")}  tenants[0].connectors[0].azureResources`);
  });

  test("a 403 at that scope says both causes; a 404 elsewhere is not this", () => {
    const { config, planned } = plannedFrom(AZURE);
    const forbidden =
      "Error: listing role definitions: AuthorizationFailed: The client 'x' does not have authorization to perform " +
      "action 'Microsoft.Authorization/roleDefinitions/read' over scope " +
      "'/providers/Microsoft.Management/managementGroups/0f5b7c1e-0000-4000-8000-000000000001' or the scope is invalid";
    expect(explainEngineFailure(config, planned, forbidden)?.message).toMatch(
      /: the deploying identity may not assign roles there, or the group does not exist yet\. /,
    );
    expect(explainEngineFailure(config, planned, "Error: NotFound: '/subscriptions/x' not found")).toBeUndefined();
  });
});

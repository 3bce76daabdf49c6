import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GcpConnectorConfig } from "../../../connectors/gcp/config";
import { gcpGrants } from "../../../connectors/gcp/grants";
import { InsightsGcpConnectorStack, gcpStackProps } from "../../../stacks/gcp/gcp-connector-stack";
import { VALID } from "../../helpers/config-text";
import { requireTool } from "../../helpers/require-tool";
import { terraformConsole } from "../../helpers/terraform";
import { connectorFrom, resourcesOf, synthJson, type TerraformJson } from "../cdktf/helpers";

const ORG = "123456789012";

function synthGcp(entry: string): TerraformJson {
  const connector = connectorFrom<GcpConnectorConfig>(entry);
  return synthJson((app) => new InsightsGcpConnectorStack(app, "acme-gcp", gcpStackProps(connector)));
}

const CREATE = `kind: gcp
name: GCP
organizationId: "${ORG}"
project: { id: bt-insights-connector, create: true, billingAccount: 012345-6789AB-CDEF01 }`;

/** `project/service` pairs of the statically addressed project services. */
function staticServices(json: TerraformJson): string[] {
  return Object.values(resourcesOf(json, "google_project_service"))
    .filter((s) => !s.for_each)
    .map((s) => `${s.project}/${s.service}`)
    .sort();
}

describe("GCP stack: connector project", () => {
  test("creates the project under the organization, with billing and deletion prevented, and no provider side effect", () => {
    const json = synthGcp(CREATE);
    expect(resourcesOf(json, "google_project")).toEqual({
      connector_project: {
        project_id: "bt-insights-connector",
        name: "bt-insights-connector",
        org_id: ORG,
        billing_account: "012345-6789AB-CDEF01",
        auto_create_network: true,
        deletion_policy: "PREVENT",
        labels: { "managed-by": "insights-connectors" },
      },
    });
  });

  test("a folder parent replaces the organization parent", () => {
    const json = synthGcp(
      CREATE.replace("create: true,", 'create: true, folderId: "345678901234", displayName: Insights,'),
    );
    const project = resourcesOf(json, "google_project").connector_project;
    expect(project.folder_id).toBe("345678901234");
    expect(project.org_id).toBeUndefined();
    expect(project.name).toBe("Insights");
  });

  test("an existing project is looked up, never created", () => {
    const json = synthGcp(VALID.gcp);
    expect(json.resource.google_project).toBeUndefined();
    expect(json.data.google_project.connector_project).toEqual({ project_id: "bt-insights-connector" });
    expect(resourcesOf(json, "google_service_account").connector_service_account.project).toBe(
      "${data.google_project.connector_project.project_id}",
    );
  });
});

/** The guide's three APIs ("Enable Required Services"), written out: not the constants the stack is built from. */
const GUIDE_APIS = ["cloudasset.googleapis.com", "cloudresourcemanager.googleapis.com", "logging.googleapis.com"];
/** The connector project's APIs: those three and IAM ("Create service accounts" starts with enabling it). */
const CONNECTOR_PROJECT_APIS = [...GUIDE_APIS, "iam.googleapis.com"];

describe("GCP stack: required APIs", () => {
  test("every enabled API stays enabled on destroy and never disables dependants", () => {
    for (const entry of [CREATE, `${VALID.gcp}\nenableApisOn: [other-project-1, other-project-2]`]) {
      for (const service of Object.values(resourcesOf(synthGcp(entry), "google_project_service"))) {
        expect(service.disable_on_destroy).toBe(false);
        expect(service.disable_dependent_services).toBe(false);
      }
    }
  });

  test("connector-project: the guide's three APIs plus IAM, on the connector project only", () => {
    const json = synthGcp(`${VALID.gcp}\nenableApisOn: connector-project`);
    const ref = "${data.google_project.connector_project.project_id}";
    expect(staticServices(json)).toEqual([
      `${ref}/cloudasset.googleapis.com`,
      `${ref}/cloudresourcemanager.googleapis.com`,
      `${ref}/iam.googleapis.com`,
      `${ref}/logging.googleapis.com`,
    ]);
    expect(Object.values(resourcesOf(json, "google_project_service")).every((s) => !s.for_each)).toBe(true);
  });

  test("a project list: the guide's three APIs on each listed project, the connector project not doubled", () => {
    const json = synthGcp(`${VALID.gcp}\nenableApisOn: [other-project-1, bt-insights-connector, other-project-2]`);
    const listed = ["other-project-1", "other-project-2"].flatMap((p) => GUIDE_APIS.map((api) => `${p}/${api}`));
    const connector = CONNECTOR_PROJECT_APIS.map(
      (api) => `\${data.google_project.connector_project.project_id}/${api}`,
    );
    expect(staticServices(json)).toEqual([...listed, ...connector].sort());
  });

  test("all-projects: one for_each service per API over the organization's projects, found through their ancestry", () => {
    const json = synthGcp(CREATE);
    expect(json.data.google_projects.active_projects).toEqual({ filter: "lifecycleState:ACTIVE" });
    expect(json.data.google_project_ancestry.project_ancestry.project).toBe("${each.value.project_id}");
    const orgWide = Object.values(resourcesOf(json, "google_project_service")).filter((s) => s.for_each);
    expect(orgWide.map((s) => s.service).sort()).toEqual(GUIDE_APIS);
    for (const service of orgWide) {
      expect(service.for_each).toBe("${toset(local.organization_project_ids)}");
      expect(service.project).toBe("${each.value}");
    }
  });

  const terraform = requireTool("terraform", "evaluating the organization-project filter");
  terraform.test(
    `all-projects filter keeps projects under the organization (folders included) and drops others and the connector project${terraform.note}`,
    () => {
      const json = synthGcp(CREATE);
      const expression = String(json.locals?.organization_project_ids).replace(
        "data.google_project_ancestry.project_ancestry",
        "local.ancestry",
      );
      expect(expression).toContain("local.ancestry");
      const dir = mkdtempSync(join(tmpdir(), "gcp-filter-"));
      try {
        const ancestry = {
          "in-org-root": { project: "in-org-root", org_id: ORG, parent_type: "organization" },
          "in-nested-folder": { project: "in-nested-folder", org_id: ORG, parent_type: "folder" },
          "other-org": { project: "other-org", org_id: "999999999999", parent_type: "organization" },
          "no-org": { project: "no-org", org_id: "", parent_type: "" },
          "bt-insights-connector": { project: "bt-insights-connector", org_id: ORG, parent_type: "organization" },
        };
        writeFileSync(
          join(dir, "main.tf.json"),
          JSON.stringify({ locals: { ancestry, organization_project_ids: expression } }),
        );
        const run = terraformConsole(dir, "jsonencode(sort(local.organization_project_ids))");
        expect({ status: run.status, stderr: run.stderr.includes("Error") ? run.stderr : "" }).toEqual({
          status: 0,
          stderr: "",
        });
        expect(JSON.parse(JSON.parse(run.stdout.trim()))).toEqual(["in-nested-folder", "in-org-root"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe("GCP stack: service account, roles and key", () => {
  test("the service account waits for the connector project's APIs", () => {
    const json = synthGcp(CREATE);
    const account = resourcesOf(json, "google_service_account").connector_service_account;
    expect(account.account_id).toBe("bt-insights-connector");
    expect(account.project).toBe("${google_project.connector_project.project_id}");
    expect(account.depends_on.sort()).toEqual([
      "google_project_service.connector_project_cloudasset",
      "google_project_service.connector_project_cloudresourcemanager",
      "google_project_service.connector_project_iam",
      "google_project_service.connector_project_logging",
    ]);
  });

  test("grants exactly the guide's organization roles to the service account, as the catalog lists them", () => {
    const json = synthGcp(CREATE);
    const members = Object.values(resourcesOf(json, "google_organization_iam_member"));
    // The guide's "Assign Service Account Roles": Cloud Asset Viewer and Security Reviewer.
    const guideRoles = ["roles/cloudasset.viewer", "roles/iam.securityReviewer"];
    expect(members.map((m) => m.role).sort()).toEqual(guideRoles);
    const catalogRoles = gcpGrants(connectorFrom<GcpConnectorConfig>(CREATE)).filter((g) => g.kind === "gcp-iam-role");
    expect(catalogRoles.map((g) => g.name).sort()).toEqual(guideRoles);
    for (const member of members) {
      expect(member.org_id).toBe(ORG);
      expect(member.member).toBe("${google_service_account.connector_service_account.member}");
    }
  });

  test("creates a rotating JSON key and outputs it decoded, marked sensitive", () => {
    const json = synthGcp(CREATE);
    // The rotation (a key per generation, for_each) is covered in gcp-key-rotation.test.ts.
    expect(resourcesOf(json, "google_service_account_key").connector_service_account_key).toMatchObject({
      service_account_id: "${google_service_account.connector_service_account.name}",
      key_algorithm: "KEY_ALG_RSA_2048",
      private_key_type: "TYPE_GOOGLE_CREDENTIALS_FILE",
    });
    expect(json.output.service_account_key).toMatchObject({
      sensitive: true,
      value:
        "${base64decode(google_service_account_key.connector_service_account_key[tostring(" +
        "var.service_account_key_generations[length(var.service_account_key_generations) - 1])].private_key)}",
    });
    expect(json.output.organization_id.value).toBe(ORG);
    expect(json.output.service_account_email.sensitive).toBeUndefined();
  });
});

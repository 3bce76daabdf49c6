import { parseConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import type { PlannedConnector } from "../../plan/model";
import { renderJson } from "../../plan/render-json";
import { renderMarkdown } from "../../plan/render-markdown";
import { renderTable } from "../../plan/render-table";
import { configWith, VALID } from "../helpers/config-text";

/** The plan of one connector given as config text; nothing is read or contacted. */
function planOf(connector: string): { connector: PlannedConnector; table: string; markdown: string; json: string } {
  const plan = buildPlan(parseConfig(configWith([connector]), "tenants.yaml", "/nonexistent"));
  return {
    connector: plan.tenants[0].connectors[0],
    table: renderTable(plan, 400),
    markdown: renderMarkdown(plan),
    json: renderJson(plan),
  };
}

describe("Azure: Reader at the root management group is the default, and plan says what it costs", () => {
  test("by default the plan grants Reader at the root management group and states the elevation", () => {
    const { connector, table, markdown } = planOf(VALID.azure);
    const reader = connector.grants.filter((g) => g.kind === "azure-rbac-role");
    expect(reader.map((g) => [g.name, g.scope])).toEqual([
      ["Reader", "azure-management-group:0f5b7c1e-0000-4000-8000-000000000001"],
    ]);
    expect(connector.notices?.map((n) => n.kind)).toEqual(["step", "step", "elevation", "step"]);
    expect(table).toContain(
      "elevation: the deploying Global Administrator turns on 'Access management for Azure resources' " +
        "(Entra ID > Properties) before the apply that creates Reader at the root management group, " +
        "and turns it off again straight after",
    );
    expect(markdown).toContain("- step: azurerm needs an existing subscription even for management-group work");
  });

  test("with a subscriptionId only the elevation remains", () => {
    const { connector } = planOf(`${VALID.azure}\nsubscriptionId: 5a1b2c3d-0000-4000-8000-000000000009`);
    expect(connector.notices?.map((n) => n.kind)).toEqual(["step", "step", "elevation"]);
  });

  test("an explicit opt-out drops the grant and is shown as reduced coverage", () => {
    const { connector, table } = planOf(`${VALID.azure}\nazureResources: false`);
    expect(connector.grants.some((g) => g.kind === "azure-rbac-role")).toBe(false);
    expect(connector.notices?.slice(1)).toEqual([
      {
        kind: "reduced-coverage",
        text:
          "azureResources: false leaves out Reader at the tenant root management group: " +
          "Insights sees no Azure subscriptions or resources, only Entra ID",
        origin:
          "https://docs.beyondtrust.com/insights/docs/azure " +
          "(Required roles and permissions: Management groups: Reader)",
      },
    ]);
    expect(table).toContain("reduced coverage: azureResources: false leaves out Reader");
  });
});

describe("Okta: the resource set's ORN is marked unconfirmed until Okta documents it", () => {
  test("the default entry carries the reason, and every renderer shows it", () => {
    const { connector, table, markdown, json } = planOf(VALID.okta);
    const [entry] = connector.grants.filter((g) => g.kind === "okta-resource-set");
    expect(entry.name).toBe("All Identity and Access Management resources");
    expect(entry.unconfirmed).toMatch(/^Okta's Supported resources table lists no `iam` service;/);
    expect(table).toContain("All Identity and Access Management resources [UNCONFIRMED]");
    expect(table).toContain(
      "UNCONFIRMED All Identity and Access Management resources: Okta's Supported resources table",
    );
    expect(markdown).toContain("All Identity and Access Management resources [UNCONFIRMED]");
    expect(markdown).toContain("unconfirmed: Okta's Supported resources table lists no `iam` service");
    const planned = JSON.parse(json).tenants[0].connectors[0].grants;
    expect(planned.find((g: any) => g.kind === "okta-resource-set").unconfirmed).toBe(entry.unconfirmed);
  });

  test("resourceSetResources overrides the value, and what the user states is not marked", () => {
    const orn = "orn:okta:directory:00o1:users";
    const { connector, table } = planOf(`${VALID.okta}\nresourceSetResources: ["${orn}"]`);
    const entries = connector.grants.filter((g) => g.kind === "okta-resource-set");
    expect(entries.map((g) => [g.name, g.unconfirmed])).toEqual([[orn, undefined]]);
    expect(table).not.toContain("UNCONFIRMED");
  });
});

describe("Active Directory: certificate services (guide § Information Collection)", () => {
  const SECTION =
    "Identity Security Insights Connectors Guide 24.04 § " +
    "Connect Identity Security Insights to Microsoft Active Directory § Information Collection";

  test("the service account reads events and registry ACLs on every enrollment server", () => {
    const { connector } = planOf("kind: active-directory\nname: corp AD\ndomain: corp.example");
    const adcs = connector.grants.filter((g) => g.origin === SECTION);
    expect(adcs.map((g) => [g.kind, g.name, g.access])).toEqual([
      ["directory-membership", "Event Log Readers on each certificate enrollment server", "read"],
      ["directory-membership", "Read: registry of each certificate enrollment server", "read"],
    ]);
    expect(adcs[0].note).toContain("Security events 4886, 4887, 5145");
    expect(adcs[1].note).toBe("service account reads the CA's agent security ACLs and enrollment agent restrictions");
  });

  test("the plan's checklist has the CA auditing step and the two OS audit subcategories the events depend on", () => {
    const { connector, markdown } = planOf("kind: active-directory\nname: corp AD");
    expect((connector.notices ?? []).map((n: { text: string }) => n.text)).toEqual([
      "on each certification authority: Certification Authority snap-in > CA Properties > Auditing, " +
        "enable 'Issue and manage certificate requests' (else events 4886 and 4887 are not logged)",
      "on each certificate enrollment server: Advanced Audit Policy Configuration > Object Access > " +
        "Audit Certification Services, Success and Failure (the OS subcategory that writes 4886 and 4887 " +
        "to the Security log; the CA's Auditing tab alone does not)",
      "on each certificate enrollment server: Advanced Audit Policy Configuration > Object Access > " +
        "Audit Detailed File Share, Success and Failure (event 5145; Microsoft warns the volume is high on " +
        "file servers and domain controllers, where it recommends Failure only)",
    ]);
    // Each subcategory cites Microsoft's page for it, with the events that page lists under it
    // (windows-itpro-docs audit-certification-services.md @ a2b25563: "4886: Certificate Services
    // received a certificate request", "4887: … issued a certificate"; audit-detailed-file-share.md
    // @ 7ecfa5c8: "5145(S, F)").
    expect((connector.notices ?? []).map((n: { origin: string }) => n.origin)).toEqual([
      SECTION,
      expect.stringMatching(/^Microsoft, Audit Certification Services \(.*audit-certification-services\): 4886, 4887$/),
      expect.stringMatching(/^Microsoft, Audit Detailed File Share \(.*audit-detailed-file-share\): 5145$/),
    ]);
    expect(markdown).toContain("enable 'Issue and manage certificate requests'");
    expect(markdown).toContain("Audit Certification Services, Success and Failure");
    expect(markdown).toContain("Audit Detailed File Share, Success and Failure");
  });
});

// Issue 26, item 8: three provider facts a first deploy or an offboarding meets, each said in the plan.
describe("GCP: a created project's deletion_policy is stated, PREVENT by default (google provider >= 6.0.0)", () => {
  const created = (extra = "") =>
    `kind: gcp\nname: GCP\norganizationId: "123456789012"\n` +
    `project: { id: bt-insights-connector, create: true, billingAccount: 012345-6789AB-CDEF01${extra} }`;

  test("by default the project is PREVENT: the plan says down leaves it, and how to have it deleted", () => {
    const { connector, table } = planOf(created());
    expect(connector.notices?.[0]).toEqual({
      kind: "step",
      text:
        "the project bt-insights-connector is created with deletion_policy = PREVENT: down destroys the rest of the " +
        "stack and leaves the project (Terraform refuses to delete it); for down to delete it, set " +
        "project.deletionPolicy: DELETE and run up before down",
      origin:
        "hashicorp/terraform-provider-google google/services/resourcemanager/resource_google_project.go " +
        "(deletion_policy: PREVENT, the default since 6.0.0, makes Delete fail; ABANDON drops it from state)",
    });
    expect(table).toContain("the project bt-insights-connector is created with deletion_policy = PREVENT");
  });

  test("project.deletionPolicy: DELETE or ABANDON is stated as such; an existing project has no such notice", () => {
    expect(planOf(created(", deletionPolicy: DELETE")).connector.notices?.[0].text).toBe(
      "the project bt-insights-connector is created with deletion_policy = DELETE: down deletes it, with all it holds",
    );
    expect(planOf(created(", deletionPolicy: ABANDON")).connector.notices?.[0].text).toMatch(
      /deletion_policy = ABANDON: down leaves the project in place and drops it from Terraform's state$/,
    );
    expect(planOf(VALID.gcp).connector.notices?.map((n) => n.text)).not.toContainEqual(
      expect.stringContaining("deletion_policy"),
    );
  });
});

describe("Azure: the root management group's first-time setup and a tenant app management policy", () => {
  test("the plan quotes Microsoft on the first management group of a directory", () => {
    const notice = planOf(VALID.azure).connector.notices!.find((n) => n.text.includes("root management group ("));
    expect(notice).toEqual({
      kind: "step",
      text:
        "Reader is assigned at the tenant root management group " +
        "(managementGroups/0f5b7c1e-0000-4000-8000-000000000001); a tenant that never used management groups gets " +
        'it on first use, and Microsoft says "The first management group created in the directory could take up ' +
        'to 15 minutes to complete.": open Management groups in the Azure portal once and wait before the first apply',
      origin: "https://learn.microsoft.com/en-us/azure/governance/management-groups/create-management-group-rest-api",
    });
  });

  test("the plan states how long each secret lives, and that a shorter passwordLifetime policy refuses it", () => {
    const [notice] = planOf(`${VALID.azure}\nsecretRotationDays: 180`).connector.notices!;
    expect(notice.text).toBe(
      "each client secret is created to live 210 days (secretRotationDays 180 + 30 days of overlap): a tenant app " +
        "management policy with a shorter passwordLifetime makes Entra refuse it " +
        "(CredentialInvalidLifetimeAsPerAppPolicy); check GET /policies/defaultAppManagementPolicy before the first " +
        "apply, and lower secretRotationDays or exempt the app",
    );
    expect(notice.origin).toBe("https://learn.microsoft.com/en-us/graph/api/resources/passwordcredentialconfiguration");
  });
});

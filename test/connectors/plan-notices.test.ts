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
    expect(connector.notices?.map((n) => n.kind)).toEqual(["elevation", "step"]);
    expect(table).toContain(
      "elevation: the deploying Global Administrator turns on 'Access management for Azure resources' " +
        "(Entra ID > Properties) before the apply that creates Reader at the root management group, " +
        "and turns it off again straight after",
    );
    expect(markdown).toContain("- step: azurerm needs an existing subscription even for management-group work");
  });

  test("with a subscriptionId only the elevation remains", () => {
    const { connector } = planOf(`${VALID.azure}\nsubscriptionId: 5a1b2c3d-0000-4000-8000-000000000009`);
    expect(connector.notices?.map((n) => n.kind)).toEqual(["elevation"]);
  });

  test("an explicit opt-out drops the grant and is shown as reduced coverage", () => {
    const { connector, table } = planOf(`${VALID.azure}\nazureResources: false`);
    expect(connector.grants.some((g) => g.kind === "azure-rbac-role")).toBe(false);
    expect(connector.notices).toEqual([
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

import { existsSync } from "node:fs";
import { join } from "node:path";
import { INSIGHTS_CONNECTOR_KINDS, KIND_NAMES, kindOf } from "../../connectors/catalog";
import { INSIGHTS_EGRESS_IPS } from "../../connectors/common/insights-egress";
import { grantKey, grantSchema, type Grant } from "../../connectors/grant";
import { loadConfig } from "../../config/load";
import { REPO } from "../helpers/cli";

const config = loadConfig(join(REPO, "examples", "all-sources.yaml"));
const connectors = config.tenants[0].connectors;
const grantsOf = (kind: string): Grant[] => {
  const c = connectors.find((x) => x.kind === kind)!;
  return kindOf(c).grants(c);
};
const names = (grants: Grant[], kind: Grant["kind"]) =>
  grants
    .filter((g) => g.kind === kind)
    .map((g) => g.name)
    .sort();

describe("connector catalog", () => {
  test("lists exactly the kinds of the guide, each with its own folder", () => {
    expect([...KIND_NAMES].sort()).toEqual(
      [
        "active-directory",
        "aws",
        "azure",
        "epm-cloud",
        "gcp",
        "github",
        "okta",
        "password-safe-cloud",
        "password-safe-onprem",
        "pingone",
        "pra-cloud",
        "pra-privileged-identity",
        "remote-support-cloud",
      ].sort(),
    );
    for (const kind of KIND_NAMES) expect(existsSync(join(REPO, "connectors", kind, "index.ts"))).toBe(true);
  });

  test("the all-sources example holds one connector of every Insights connector kind", () => {
    expect(connectors.map((c) => c.kind).sort()).toEqual(INSIGHTS_CONNECTOR_KINDS.map((k) => k.kind).sort());
  });

  // The PRA ↔ PI integration is not an Insights connector; test/integrations covers it.
  describe.each(INSIGHTS_CONNECTOR_KINDS.map((k) => [k.kind, k] as const))("%s", (kindName, kind) => {
    const connector = connectors.find((c) => c.kind === kindName)!;

    test("has a provisioning mode, a console title and a guide section", () => {
      expect(["stack", "registration-only", "collector-install"]).toContain(kind.provisioning.mode);
      // The folder that builds it exists: stacks/<kind>, or the GitHub manifest flow (a flow, not a stack).
      if (kind.provisioning.mode === "stack") expect(existsSync(join(REPO, kind.provisioning.stack))).toBe(true);
      expect(kind.title.length).toBeGreaterThan(2);
      expect(kind.guideSection.length).toBeGreaterThan(5);
    });

    test("has a registration form whose first field is the connector name", () => {
      expect(kind.registration.fields[0].key).toBe("name");
      const keys = kind.registration.fields.map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(Object.keys(kind.registration.schema.shape).sort()).toEqual([...keys].sort());
    });

    test("the form schema accepts a complete body and refuses unknown fields", () => {
      const body = Object.fromEntries(kind.registration.fields.map((f) => [f.key, sampleValue(kindName, f.key)]));
      expect(kind.registration.schema.safeParse(body).success).toBe(true);
      expect(kind.registration.schema.safeParse({ ...body, extra: "x" }).success).toBe(false);
      const required = kind.registration.fields.find((f) => !f.optional && f.key !== "name");
      if (required) {
        const { [required.key]: _dropped, ...rest } = body;
        expect(kind.registration.schema.safeParse(rest).success).toBe(false);
      }
    });

    test("plans a value for every required form field", () => {
      const planned = kind.plannedRegistration(connector as never);
      for (const field of kind.registration.fields.filter((f) => !f.optional)) {
        expect(planned[field.key]).toBeDefined();
      }
      for (const field of kind.registration.fields.filter((f) => f.secret)) {
        expect(["secret", "output", undefined]).toContain(planned[field.key]?.from);
      }
    });

    test("every grant is well-formed, unique and carries its origin", () => {
      const grants = kind.grants(connector as never);
      expect(grants.length).toBeGreaterThan(0);
      for (const grant of grants) {
        expect(grantSchema.safeParse(grant).success).toBe(true);
        expect(grant.source).toBe(kindName);
        expect(grant.origin).toMatch(/Connectors Guide 24\.04 § |https:\/\//);
      }
      const keys = grants.map(grantKey);
      expect(new Set(keys).size).toBe(keys.length);
    });

    test("is read-only except where a note says why the guide demands more", () => {
      for (const grant of kind.grants(connector as never)) {
        if (grant.access !== "read") expect(grant.note).toMatch(/guide demands/);
      }
    });
  });
});

describe("catalog contents match the guide and BeyondTrust's current pages", () => {
  test("AWS: SecurityAudit plus the two identity-store reads it lacks, no wildcard", () => {
    const grants = grantsOf("aws");
    expect(names(grants, "aws-managed-policy")).toEqual(["arn:aws:iam::aws:policy/SecurityAudit"]);
    expect(names(grants, "aws-action")).toEqual(["identitystore:DescribeGroup", "identitystore:DescribeUser"]);
    expect(grants.find((g) => g.kind === "trust")).toMatchObject({
      name: "arn:aws:iam::222222222222:root",
      condition: "StringEquals sts:ExternalId",
    });
    expect(grants.find((g) => g.kind === "aws-stackset-target")?.name).toBe("r-ab12");
    expect(new Set(grants.map((g) => g.scope))).toEqual(new Set(["aws-organization:r-ab12"]));
  });

  test("Okta: the guide's eight scopes, BeyondTrust's two newer ones, the IAM read role and Read-only Administrator", () => {
    const grants = grantsOf("okta");
    expect(names(grants, "okta-scope")).toEqual(
      [
        "okta.apiTokens.read",
        "okta.apps.read",
        "okta.groups.read",
        "okta.idps.read",
        "okta.logs.read",
        "okta.networkZones.read",
        "okta.orgs.read",
        "okta.policies.read",
        "okta.roles.read",
        "okta.users.read",
      ].sort(),
    );
    expect(
      grants
        .filter((g) => g.name === "okta.orgs.read" || g.name === "okta.networkZones.read")
        .every((g) => g.origin.startsWith("https://docs.beyondtrust.com/insights/docs/okta")),
    ).toBe(true);
    expect(names(grants, "okta-role-permission")).toEqual(["okta.iam.read"]);
    expect(names(grants, "okta-admin-role")).toEqual(["READ_ONLY_ADMIN"]);
    expect(names(grants, "okta-resource-set")).toEqual(["All Identity and Access Management resources"]);
  });

  test("GitHub: eleven read permissions mapped from the guide's labels", () => {
    expect(names(grantsOf("github"), "github-app-permission")).toEqual(
      [
        "administration",
        "codespaces_lifecycle_admin",
        "metadata",
        "repository_hooks",
        "organization_administration",
        "organization_user_blocking",
        "organization_custom_org_roles",
        "organization_custom_roles",
        "organization_events",
        "members",
        "organization_hooks",
      ].sort(),
    );
    const blocking = grantsOf("github").find((g) => g.name === "organization_user_blocking")!;
    expect(blocking.origin).toContain('"Organization permissions: Blocking users"');
  });

  test("Entra: twenty Graph permissions, ActivityFeed.Read and Reader at the root management group", () => {
    const grants = grantsOf("azure");
    expect(names(grants, "graph-app-role")).toHaveLength(20);
    expect(names(grants, "graph-app-role")).toContain("IdentityRiskyServicePrincipal.Read.All");
    expect(names(grants, "office365-app-role")).toEqual(["ActivityFeed.Read"]);
    const reader = grants.find((g) => g.kind === "azure-rbac-role")!;
    expect(reader).toMatchObject({
      name: "Reader",
      scope: "azure-management-group:0f5b7c1e-0000-4000-8000-000000000001",
    });
    for (const g of grants.filter((x) => x.kind !== "azure-rbac-role")) expect(g.group).toBeDefined();
  });

  test("GCP: two organization roles, three APIs on every project, and IAM on the connector project only", () => {
    const grants = grantsOf("gcp");
    expect(names(grants, "gcp-iam-role")).toEqual(["roles/cloudasset.viewer", "roles/iam.securityReviewer"]);
    const orgWide = grants.filter((g) => g.kind === "gcp-api" && g.scope === "gcp-organization-projects:123456789012");
    expect(orgWide.map((g) => g.name).sort()).toEqual([
      "cloudasset.googleapis.com",
      "cloudresourcemanager.googleapis.com",
      "logging.googleapis.com",
    ]);
    const connectorProject = grants.filter(
      (g) => g.kind === "gcp-api" && g.scope === "gcp-project:bt-insights-connector",
    );
    expect(connectorProject.map((g) => g.name).sort()).toEqual([
      "cloudasset.googleapis.com",
      "cloudresourcemanager.googleapis.com",
      "iam.googleapis.com",
      "logging.googleapis.com",
    ]);
    expect(connectorProject.find((g) => g.name === "iam.googleapis.com")!.origin).toBe(
      "https://cloud.google.com/iam/docs/service-accounts-create",
    );
  });

  test("PingOne: only the built-in Read Only roles", () => {
    expect(names(grantsOf("pingone"), "pingone-role")).toEqual(["Configuration Read Only", "Identity Data Read Only"]);
  });

  test("PRA and Remote Support: the API account permissions; PRA also restricts to the Insights addresses", () => {
    const shared = [
      "Command API: Read only",
      "Configuration API: Allow Access",
      "Configuration API: Manage Vault Accounts",
      "Enable XML API",
      "Reporting API: Allow Access to Syslog Reports",
    ];
    expect(names(grantsOf("pra-cloud"), "product-permission")).toEqual(
      [...shared, "Reporting API: Allow Access to Access Session Reports and Recordings"].sort(),
    );
    expect(names(grantsOf("pra-cloud"), "network-allow")).toEqual(INSIGHTS_EGRESS_IPS.map((ip) => `${ip}/32`).sort());
  });

  test("Remote Support: its API account names its own support-session reporting permission", () => {
    const grants = grantsOf("remote-support-cloud");
    expect(names(grants, "product-permission")).toEqual(
      [
        "Command API: Read only",
        "Configuration API: Allow Access",
        "Configuration API: Manage Vault Accounts",
        "Enable XML API",
        "Reporting API: Allow Access to Support Session Reports and Recordings",
        "Reporting API: Allow Access to Syslog Reports",
      ].sort(),
    );
    const sessionReports = grants.find((g) => g.name.includes("Support Session Reports"))!;
    expect(sessionReports.origin).toBe(
      "https://www.beyondtrust.com/docs/remote-support/how-to/integrations/api/reporting/supportsession.htm" +
        " (Download reports with SupportSession)",
    );
  });

  test("Password Safe: read-only features, User Audits full control, All Assets + Auditor, Insights addresses", () => {
    const grants = grantsOf("password-safe-cloud");
    const perms = names(grants, "product-permission");
    expect(perms.filter((p) => p.endsWith("(Read Only)") && p.startsWith("Feature:"))).toHaveLength(7);
    expect(perms).toContain("Feature: User Audits (Full Control)");
    expect(perms).toContain("Smart Group: All Assets (Read Only)");
    expect(perms).toContain("Smart Group: All Assets, Password Safe Role: Auditor");
    expect(names(grants, "network-allow")).toEqual(["50.16.236.14/32", "54.163.153.193/32", "54.225.135.48/32"]);
    expect(INSIGHTS_EGRESS_IPS).toEqual(["50.16.236.14", "54.163.153.193", "54.225.135.48"]);
  });
});

function sampleValue(kind: string, key: string): string {
  if (key === "domain" && kind === "okta") return "acme.okta.com";
  if (key === "domain" && kind === "remote-support-cloud") return "acme.beyondtrustcloud.com";
  const samples: Record<string, string> = {
    roleArn: "arn:aws:iam::111111111111:role/BeyondTrustInsightsReadOnly",
    tenantId: "0f5b7c1e-0000-4000-8000-000000000001",
    clientId: "0f5b7c1e-0000-4000-8000-000000000003",
    environmentId: "3f1a2b4c-0000-4000-8000-000000000002",
    organizationId: "123456789012",
    domain: "https://acme.pm.beyondtrustcloud.com",
    subdomain: "acme.beyondtrustcloud.com",
    url: "https://ps.corp.example/",
    appId: "12345",
    installedAppUrl: "https://github.com/organizations/acme/settings/installations/123",
  };
  return samples[key] ?? "sample";
}

import {
  enabledApiGrants,
  keyDrift,
  organizationRoleGrants,
  serviceAccountEmail,
} from "../../verify/readers/gcp-grants";
import { grantDrift } from "../../verify/compare";

const config = { serviceAccountId: "bt-insights", project: { id: "acme-insights" }, keyRotationDays: 30 } as const;
const email = "bt-insights@acme-insights.iam.gserviceaccount.com";
const NOW = new Date("2026-11-23T12:00:00Z");

describe("GCP verify mapping", () => {
  test("the service account's email is <id>@<project>.iam.gserviceaccount.com", () => {
    expect(serviceAccountEmail(config as any)).toBe(email);
  });

  test("only bindings naming the service account become grants, each classified", () => {
    const grants = organizationRoleGrants(
      {
        bindings: [
          { role: "roles/iam.securityReviewer", members: [`serviceAccount:${email}`] },
          { role: "roles/owner", members: [`serviceAccount:${email.toUpperCase()}`] },
          { role: "roles/storage.objectCreator", members: [`serviceAccount:${email}`] },
          { role: "roles/viewer", members: ["serviceAccount:other@acme-insights.iam.gserviceaccount.com"] },
          { role: "roles/browser", members: [`deleted:serviceAccount:${email}?uid=1`] },
        ],
      },
      email,
      "42",
    );
    expect(grants.map((g) => [g.name, g.access, g.scope])).toEqual([
      ["roles/iam.securityReviewer", "read", "gcp-organization:42"],
      ["roles/owner", "admin", "gcp-organization:42"],
      ["roles/storage.objectCreator", "write", "gcp-organization:42"],
    ]);
    expect(organizationRoleGrants({}, email, "42")).toEqual([]);
  });

  test("a conditional binding carries its expression", () => {
    const [grant] = organizationRoleGrants(
      { bindings: [{ role: "roles/viewer", members: [`serviceAccount:${email}`], condition: { expression: "x" } }] },
      email,
      "42",
    );
    expect(grant.condition).toBe("x");
  });

  test("the catalog's services become grants by config.name or the last segment of name; others are only counted", () => {
    const found = enabledApiGrants(
      [
        { name: "projects/9/services/logging.googleapis.com", config: { name: "logging.googleapis.com" } },
        { name: "projects/9/services/cloudasset.googleapis.com" },
        { name: "projects/9/services/compute.googleapis.com" },
        { name: "projects/9/services/bigquery.googleapis.com", state: "ENABLED" },
        { name: "projects/9/services/iam.googleapis.com", state: "DISABLED" },
      ],
      "p1",
      ["cloudasset.googleapis.com", "logging.googleapis.com", "iam.googleapis.com"],
    );
    expect(found.grants.map((g) => [g.name, g.access, g.scope])).toEqual([
      ["logging.googleapis.com", "read", "gcp-project:p1"],
      ["cloudasset.googleapis.com", "read", "gcp-project:p1"],
    ]);
    expect(found.others).toEqual(["bigquery.googleapis.com", "compute.googleapis.com"]);
  });

  test("a key is too old past the rotation plus two days; disabled keys do not count", () => {
    const at = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
    const key = (id: string, days: number, disabled = false) => ({
      name: `k/${id}`,
      validAfterTime: at(days),
      disabled,
    });
    expect(keyDrift([key("a", 32)], config as any, NOW)).toEqual([]);
    expect(keyDrift([key("a", 33), key("b", 200, true)], config as any, NOW)).toEqual([
      {
        change: "credential too old",
        subject: `service account key a of ${email}`,
        detail: "33 days old, rotation every 30 days (+2 grace)",
        where: "GET …/serviceAccounts/{sa}/keys?keyTypes=USER_MANAGED",
      },
    ]);
    expect(keyDrift([key("b", 1, true)], config as any, NOW).map((d) => d.change)).toEqual(["missing"]);
    expect(keyDrift([{ name: "k/c" }], config as any, NOW)[0].detail).toBe("no valid creation time");
  });

  test("catalog grants outside the scopes a reader read are not reported missing", () => {
    const catalog = ["gcp-project:p1", "gcp-organization-projects:42"].map((scope) => ({
      source: "gcp",
      scope,
      kind: "gcp-api" as const,
      name: "logging.googleapis.com",
      access: "read" as const,
      origin: "guide",
    }));
    expect(grantDrift(catalog, { grants: [], facts: [], scopes: ["gcp-project:p1"] }).map((d) => d.subject)).toEqual([
      "gcp-api logging.googleapis.com @ gcp-project:p1",
    ]);
    expect(grantDrift(catalog, { grants: [], facts: [] })).toHaveLength(2);
  });
});

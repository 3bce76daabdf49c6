import { rbacScope } from "../../verify/readers/azure-rbac";
import { secretLifetimeDays } from "../../connectors/azure/secret-lifetime";
import {
  grantedRoles,
  requestedNotGranted,
  roleName,
  secretDrift,
  type ResourcePrincipal,
} from "../../verify/readers/entra-grants";

const SCOPE = "entra-tenant:t1";
const graph: ResourcePrincipal = {
  id: "sp-graph",
  appId: "00000003-0000-0000-c000-000000000000",
  displayName: "Microsoft Graph",
  appRoles: [
    { id: "r1", value: "User.Read.All" },
    { id: "r2", value: "Mail.Send" },
    { id: "r3", value: "Sites.FullControl.All" },
  ],
};
const office: ResourcePrincipal = {
  id: "sp-o365",
  appId: "c5393580-f805-4401-95e8-94b7a6ef2fc2",
  displayName: "Office 365 Management APIs",
  appRoles: [{ id: "a1", value: "ActivityFeed.Read" }],
};
const exchange: ResourcePrincipal = { id: "sp-exo", appId: "exo-app", displayName: "Exchange", appRoles: [] };

describe("Entra app roles in the catalog's vocabulary", () => {
  test("Graph and Office 365 roles become grants, classified by the shared classifier", () => {
    const roles = [
      { resource: graph, appRoleId: "r1" },
      { resource: graph, appRoleId: "r2" },
      { resource: graph, appRoleId: "r3" },
      { resource: office, appRoleId: "a1" },
    ];
    expect(grantedRoles(roles, SCOPE, "sp").grants).toEqual([
      { source: "azure", scope: SCOPE, kind: "graph-app-role", name: "User.Read.All", access: "read", artifact: "sp" },
      { source: "azure", scope: SCOPE, kind: "graph-app-role", name: "Mail.Send", access: "write", artifact: "sp" },
      {
        source: "azure",
        scope: SCOPE,
        kind: "graph-app-role",
        name: "Sites.FullControl.All",
        access: "admin",
        artifact: "sp",
      },
      {
        source: "azure",
        scope: SCOPE,
        kind: "office365-app-role",
        name: "ActivityFeed.Read",
        access: "read",
        artifact: "sp",
      },
    ]);
  });

  test("a role of another API, or one the API does not publish, is extra drift and never read", () => {
    const found = grantedRoles([{ resource: exchange, appRoleId: "x9" }], SCOPE, "sp");
    expect(found.grants).toEqual([]);
    expect(found.drift).toEqual([
      {
        change: "extra",
        subject: `app role (unpublished role x9) of Exchange (exo-app) @ ${SCOPE}`,
        access: "write",
        where: "sp",
      },
    ]);
    expect(roleName({ resource: graph, appRoleId: "nope" })).toBe("(unpublished role nope)");
  });

  test("requested without consent is a pending update; requested and granted is not", () => {
    const granted = [{ resource: graph, appRoleId: "r1" }];
    const requested = [...granted, { resource: office, appRoleId: "a1" }];
    expect(requestedNotGranted(requested, granted, SCOPE, "app")).toEqual([
      {
        change: "pending update",
        subject: `office365-app-role ActivityFeed.Read @ ${SCOPE}`,
        detail: "requested, admin consent not granted",
        where: "app",
      },
    ]);
  });
});

describe("client secrets against the catalog's lifetime", () => {
  const now = new Date("2026-11-23T00:00:00Z");
  const secret = (start: string, end: string | null) => ({ displayName: "s", startDateTime: start, endDateTime: end });

  test("the lifetime is rotation plus a 30-day grace, capped at Entra's 730 days", () => {
    expect(secretLifetimeDays(90)).toBe(120);
    expect(secretLifetimeDays(720)).toBe(730);
    expect(secretLifetimeDays(730)).toBe(730);
  });

  test("within the lifetime: nothing; longer, older, or never expiring: credential too old", () => {
    expect(secretDrift([secret("2026-11-01T00:00:00Z", "2027-03-01T00:00:00Z")], 120, now, "w")).toEqual([]);
    expect(secretDrift([secret("2026-11-01T00:00:00Z", "2028-11-01T00:00:00Z")], 120, now, "w")).toEqual([
      {
        change: "credential too old",
        subject: "client secret s",
        detail: "valid 731 days until 2028-11-01T00:00:00Z, catalog allows 120",
        where: "w",
      },
    ]);
    expect(secretDrift([secret("2025-01-01T00:00:00Z", "2025-05-01T00:00:00Z")], 120, now, "w")).toEqual([
      {
        change: "credential too old",
        subject: "client secret s",
        detail: "created 691 days ago, catalog allows 120",
        where: "w",
      },
    ]);
    expect(secretDrift([secret("2026-11-01T00:00:00Z", null)], 120, now, "w")).toEqual([
      { change: "credential too old", subject: "client secret s", detail: "never expires", where: "w" },
    ]);
  });
});

describe("Azure role assignment scopes in the catalog's vocabulary", () => {
  test("the tenant root management group is the catalog's scope; anything else keeps ARM's spelling", () => {
    expect(rbacScope("/providers/Microsoft.Management/managementGroups/T1", "t1")).toBe("azure-management-group:t1");
    expect(rbacScope("/providers/Microsoft.Management/managementGroups/child", "t1")).toBe(
      "azure-management-group:child",
    );
    expect(rbacScope("/subscriptions/s1", "t1")).toBe("azure-scope:/subscriptions/s1");
    expect(rbacScope("/", "t1")).toBe("azure-scope:/");
  });
});

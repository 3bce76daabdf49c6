import { oktaConnectorConfig } from "../../connectors/okta/config";
import { OKTA_IAM_RESOURCES_LABEL } from "../../connectors/okta/grants";
import { adminRoleGrant, permissionGrants, resourceName, scopeGrants } from "../../verify/readers/okta-grants";
import { oktaOrgUrl } from "../../verify/readers/okta-read";

const connector = oktaConnectorConfig.parse({ kind: "okta", name: "Okta", domain: "Acme.okta.com" });
const where = "GET /api/v1/apps/0oa1/grants";

describe("Okta reader: what the management API returns, in the catalog's words", () => {
  test("active scope grants with the classifier's access; revoked ones give nothing; another issuer is named", () => {
    const grants = scopeGrants(
      connector,
      [
        { scopeId: "okta.users.read", issuer: "https://acme.okta.com", status: "ACTIVE" },
        { scopeId: "okta.users.manage", issuer: "https://acme.okta.com/", status: "ACTIVE" },
        { scopeId: "okta.groups.manage", issuer: "https://acme.okta.com", status: "REVOKED" },
        { scopeId: "okta.logs.read", issuer: "https://acme.okta.com/oauth2/aus1", status: "ACTIVE" },
      ],
      where,
    );
    expect(grants).toEqual([
      {
        source: "okta",
        scope: "okta-org:acme.okta.com",
        kind: "okta-scope",
        name: "okta.users.read",
        access: "read",
        artifact: where,
      },
      {
        source: "okta",
        scope: "okta-org:acme.okta.com",
        kind: "okta-scope",
        name: "okta.users.manage",
        access: "write",
        artifact: where,
      },
      {
        source: "okta",
        scope: "okta-org:acme.okta.com",
        kind: "okta-scope",
        name: "okta.logs.read",
        access: "read",
        artifact: `${where}, issuer https://acme.okta.com/oauth2/aus1`,
      },
    ]);
  });

  test("standard roles and custom permissions are classified by review/access", () => {
    expect(adminRoleGrant(connector, "READ_ONLY_ADMIN", "w").access).toBe("read");
    expect(adminRoleGrant(connector, "ORG_ADMIN", "w").access).toBe("admin");
    expect(permissionGrants(connector, ["okta.iam.read", "okta.users.manage"], "w").map((g) => g.access)).toEqual([
      "read",
      "write",
    ]);
  });

  test("server text is stripped of control characters", () => {
    expect(adminRoleGrant(connector, "SUPER_ADMIN\u001b[2J", "w").name).toBe("SUPER_ADMIN");
  });

  test("the org's IAM container is the guide's label only with the default resources and the org's partition", () => {
    expect(resourceName(connector, { orn: "orn:okta:iam:00o1abc:contained_resources" })).toBe(OKTA_IAM_RESOURCES_LABEL);
    expect(resourceName(connector, { orn: "orn:oktapreview:iam:00o1abc:contained_resources" })).toBe(
      "orn:oktapreview:iam:00o1abc:contained_resources",
    );
    expect(resourceName(connector, { orn: "orn:okta:directory:00o1abc:groups" })).toBe(
      "orn:okta:directory:00o1abc:groups",
    );
    const listed = oktaConnectorConfig.parse({
      kind: "okta",
      name: "Okta",
      domain: "acme.okta.com",
      resourceSetResources: ["https://acme.okta.com/api/v1/groups", "orn:okta:iam:00o1abc:contained_resources"],
    });
    const groups = { orn: "orn:okta:directory:00o1abc:groups", href: "https://acme.okta.com/api/v1/groups" };
    expect(resourceName(listed, groups)).toBe("https://acme.okta.com/api/v1/groups");
    expect(resourceName(listed, { orn: "orn:okta:iam:00o1abc:contained_resources" })).toBe(
      "orn:okta:iam:00o1abc:contained_resources",
    );
  });
});

describe("Okta reader: where it asks", () => {
  test("the connector's org by default, OKTA_CLIENT_ORGURL when set, never cleartext beyond loopback", () => {
    expect(oktaOrgUrl(connector, {})).toBe("https://acme.okta.com");
    expect(oktaOrgUrl(connector, { OKTA_CLIENT_ORGURL: "http://127.0.0.1:8080" })).toBe("http://127.0.0.1:8080");
    expect(() => oktaOrgUrl(connector, { OKTA_CLIENT_ORGURL: "http://proxy.example.com" })).toThrow(
      "OKTA_CLIENT_ORGURL: http://proxy.example.com is plain http off this machine; use https",
    );
    expect(() => oktaOrgUrl(connector, { OKTA_CLIENT_ORGURL: "acme" })).toThrow("OKTA_CLIENT_ORGURL: not a URL");
  });
});

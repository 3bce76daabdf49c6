import { pingoneEndpoints } from "../../verify/readers/pingone-api";
import { assignmentGrant } from "../../verify/readers/pingone";
import { UnreadableSourceError } from "../../verify/reading";

const ENV = "3F1A2B4C-0000-4000-8000-000000000002";
const WHERE = "application BT Insights - Connector, role assignments";
const CATALOG = ["Identity Data Read Only", "Configuration Read Only"];

describe("assignmentGrant: a PingOne role assignment in the catalog's vocabulary", () => {
  test("a built-in Read Only role on the environment: read, scoped like the catalog (lower case)", () => {
    const found = assignmentGrant(
      "Configuration Read Only",
      { role: { id: "r1" }, scope: { id: ENV, type: "ENVIRONMENT" } },
      ENV,
      WHERE,
      CATALOG,
    );
    expect(found).toEqual({
      grant: {
        source: "pingone",
        scope: "pingone-environment:3f1a2b4c-0000-4000-8000-000000000002",
        kind: "pingone-role",
        name: "Configuration Read Only",
        access: "read",
        artifact: WHERE,
      },
    });
  });

  test("Environment Admin and a custom lookalike are admin (review/access/pingone-role.ts)", () => {
    const scope = { id: ENV, type: "ENVIRONMENT" };
    expect(assignmentGrant("Environment Admin", { scope }, ENV, WHERE, CATALOG).grant.access).toBe("admin");
    const lookalike = assignmentGrant("custom role Configuration Read Only", { scope }, ENV, WHERE, CATALOG);
    expect(lookalike.grant.access).toBe("admin");
  });

  test("a catalog role on the whole organization: the catalog's grant plus a wider-scope line at its level", () => {
    const found = assignmentGrant(
      "Identity Data Read Only",
      { scope: { id: "ORG-1", type: "ORGANIZATION" } },
      ENV,
      WHERE,
      CATALOG,
    );
    expect(found.grant.scope).toBe("pingone-environment:3f1a2b4c-0000-4000-8000-000000000002");
    expect(found.drift).toEqual({
      change: "wider scope",
      subject: "pingone-role Identity Data Read Only @ pingone-organization:org-1",
      access: "read",
      detail: "catalog: pingone-environment:3f1a2b4c-0000-4000-8000-000000000002",
      where: WHERE,
    });
  });

  test("another role on the whole organization is extra there, never filed under the environment", () => {
    const found = assignmentGrant(
      "Organization Admin",
      { scope: { id: "ORG-1", type: "ORGANIZATION" } },
      ENV,
      WHERE,
      CATALOG,
    );
    expect(found.grant).toMatchObject({ scope: "pingone-organization:org-1", access: "admin" });
    expect(found.drift).toBeUndefined();
  });

  test("on a population: a scope of its own (so it is extra), no wider-scope line", () => {
    const population = { scope: { id: "P1", type: "POPULATION" } };
    const found = assignmentGrant("Identity Data Read Only", population, ENV, WHERE, CATALOG);
    expect(found.grant.scope).toBe("pingone-population:p1");
    expect(found.drift).toBeUndefined();
  });
});

describe("pingoneEndpoints: the region's hosts, or the documented overrides", () => {
  test("each region's top-level domain", () => {
    expect(pingoneEndpoints("EU", {})).toEqual({
      apiUrl: "https://api.pingone.eu",
      authUrl: "https://auth.pingone.eu",
    });
    expect(pingoneEndpoints("NA", {}).apiUrl).toBe("https://api.pingone.com");
    expect(pingoneEndpoints("AP", {}).authUrl).toBe("https://auth.pingone.asia");
  });

  test("overrides: https anywhere, plain http on the loopback only", () => {
    const env = { PINGONE_API_URL: "http://127.0.0.1:8080/api/", PINGONE_AUTH_URL: "https://auth.example.test" };
    expect(pingoneEndpoints("CA", env)).toEqual({
      apiUrl: "http://127.0.0.1:8080/api",
      authUrl: "https://auth.example.test",
    });
    expect(() => pingoneEndpoints("CA", { PINGONE_API_URL: "http://api.example.test" })).toThrow(UnreadableSourceError);
    expect(() => pingoneEndpoints("CA", { PINGONE_AUTH_URL: "not a url" })).toThrow("PINGONE_AUTH_URL: not a URL");
  });
});

import { INSIGHTS_CONNECTOR_KINDS as CATALOG } from "../../../connectors/catalog";
import { insightsOpenApi } from "../../../providers/insights/openapi";
import { createOperationId, matchRoute, routePath, ROUTES } from "../../../providers/insights/routes";

type Paths = Record<string, Record<string, { operationId: string }>>;

describe("one route table for the client, the OpenAPI document and the emulator", () => {
  const paths = insightsOpenApi(CATALOG).paths as Paths;

  test("the document's operations are exactly the table's, kind creates expanded", () => {
    const inDocument = Object.entries(paths).flatMap(([template, item]) =>
      Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${template} ${op.operationId}`),
    );
    const fromTable = Object.values(ROUTES).flatMap((route) =>
      route === ROUTES.createConnector
        ? CATALOG.map((k) => `POST /sites/{siteId}/connectors/kinds/${k.kind} ${createOperationId(k.kind)}`)
        : [`${route.method} ${route.template} ${route.operationId}`],
    );
    expect(inDocument.sort()).toEqual(fromTable.sort());
    expect(paths["/sites/{siteId}/connectors/{connectorId}/turn-off"].post.operationId).toBe("turnOffConnector");
    expect(createOperationId("password-safe-onprem")).toBe("createPasswordSafeOnpremConnector");
  });

  test("paths are filled with each value URL-encoded, and read back decoded", () => {
    const path = routePath(ROUTES.turnOff, { siteId: "a b", connectorId: "x/y?z" });
    expect(path).toBe("/sites/a%20b/connectors/x%2Fy%3Fz/turn-off");
    expect(matchRoute("POST", path)).toEqual({ name: "turnOff", params: { siteId: "a b", connectorId: "x/y?z" } });
    expect(() => routePath(ROUTES.turnOff, { siteId: "s" })).toThrow("turnOffConnector: no value for {connectorId}");
  });

  test("a method the route does not take, or a path the API lacks, matches nothing", () => {
    expect(matchRoute("POST", "/sites/s/connectors/kinds/okta")).toEqual({
      name: "createConnector",
      params: { siteId: "s", kind: "okta" },
    });
    expect(matchRoute("GET", "/sites/s/connectors/c")).toEqual({
      name: "getConnector",
      params: { siteId: "s", connectorId: "c" },
    });
    expect(matchRoute("DELETE", "/sites/s/connectors")).toBeUndefined();
    expect(matchRoute("GET", "/sites/s/connectors/c/turn-off")).toBeUndefined();
    expect(matchRoute("GET", "/sites/s/connectors/c/extra/deep")).toBeUndefined();
  });
});

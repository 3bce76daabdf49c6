import type { ApiConnectorKind } from "./api-kind";
import { createOperationId, ROUTES, type Route } from "./routes";

/** The `paths` of the Insights OpenAPI document, built from the route table. */
type Json = Record<string, unknown>;

/** A reference to one of the document's component schemas. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ "application/json": { schema } });
const ok = (description: string, schema: Json) => ({ description, content: json(schema) });
const problem = (description: string) => ({ description, content: json(ref("Problem")) });
const ERRORS = {
  "400": problem("Malformed request"),
  "401": problem("Missing or invalid bearer token"),
  "404": problem("No such site or connector"),
  "413": problem("Request body larger than the server reads (the emulator: 8 MiB, the client's cap on answers)"),
  "429": {
    description: "Rate limited; retry after the Retry-After header",
    headers: { "Retry-After": { schema: { type: "integer", minimum: 0 }, description: "Seconds to wait" } },
    content: json(ref("Problem")),
  },
  "500": problem("Server error; safe to retry"),
  "503": problem("Unavailable; safe to retry"),
};

/**
 * The `paths` of the document: each route of the table once, each kind's create beside them. Every
 * operation has a `summary` in the console's words (connectors guide, "Manage Existing Connectors",
 * "Connection Options"): Redocly's recommended ruleset requires one (`operation-summary`).
 */
export function insightsPaths(kinds: readonly ApiConnectorKind[]): Json {
  const idParams = [
    { $ref: "#/components/parameters/siteId" },
    { $ref: "#/components/parameters/connectorId" },
    { $ref: "#/components/parameters/apiVersion" },
  ];
  const siteParams = [{ $ref: "#/components/parameters/siteId" }, { $ref: "#/components/parameters/apiVersion" }];
  const paths: Record<string, Json> = {};
  const add = (route: Route, operation: Json, template = route.template, operationId = route.operationId) => {
    (paths[template] ??= {})[route.method.toLowerCase()] = { operationId, ...operation };
  };
  add(ROUTES.listConnectors, {
    summary: "Configured connectors (Menu > Connectors > Configured)",
    parameters: siteParams,
    responses: { "200": ok("All connectors of the site", ref("ConnectorList")), ...ERRORS },
  });
  add(ROUTES.getConnector, {
    summary: "View Connector (the Configured tab's menu beside a connector)",
    parameters: idParams,
    responses: { "200": ok("The connector", ref("Connector")), ...ERRORS },
  });
  add(ROUTES.updateConnector, {
    summary: "Change some fields of the connector's form (its Settings page)",
    parameters: idParams,
    requestBody: { required: true, content: json(ref("ConnectorUpdate")) },
    responses: {
      "200": ok("The updated connector", ref("Connector")),
      "422": problem("A field fails the kind's validation"),
      ...ERRORS,
    },
  });
  add(ROUTES.deleteConnector, {
    summary: "Delete Connector (the same menu); it must be created again to come back",
    parameters: idParams,
    responses: { "204": { description: "Deleted" }, ...ERRORS },
  });
  add(ROUTES.turnOff, {
    summary: "Connector Settings > Turn Off Connector",
    parameters: idParams,
    responses: {
      "200": ok("Turned off", ref("Connector")),
      "409": problem("This kind cannot be turned off (Active Directory)"),
      ...ERRORS,
    },
  });
  add(ROUTES.turnOn, {
    summary: "Turn a connector that was turned off on again (the same menu)",
    parameters: idParams,
    responses: { "200": ok("Turned on", ref("Connector")), ...ERRORS },
  });
  add(ROUTES.connectivity, {
    summary: "The connector's Connectivity, as the Configured tab shows it",
    parameters: idParams,
    responses: { "200": ok("Current connectivity", ref("Connectivity")), ...ERRORS },
  });
  add(ROUTES.activity, {
    summary: "Connector Settings > Activity History",
    parameters: idParams,
    responses: { "200": ok("Newest first", ref("ActivityList")), ...ERRORS },
  });
  add(ROUTES.awsExternalId, {
    summary: "The external ID the AWS connection panel shows, for the role's trust policy",
    "x-assumption": "The console generates one per AWS connector; the API is assumed to hand out the site's value.",
    parameters: siteParams,
    responses: { "200": ok("The external ID", ref("AwsExternalId")), ...ERRORS },
  });
  for (const kind of kinds) {
    const template = ROUTES.createConnector.template.replace("{kind}", kind.kind);
    add(
      ROUTES.createConnector,
      {
        summary: `Create Connector beside ${kind.title}`,
        parameters: [...siteParams, { $ref: "#/components/parameters/idempotencyKey" }],
        requestBody: { required: true, content: json(ref(`Registration.${kind.kind}`)) },
        responses: {
          "201": ok("Created", ref("Connector")),
          "200": ok(
            "The same request was already applied (same Idempotency-Key): the connector it created",
            ref("Connector"),
          ),
          "409": problem("A connector of this kind with this name exists"),
          "422": problem("A field fails the kind's validation"),
          ...ERRORS,
        },
      },
      template,
      createOperationId(kind.kind),
    );
  }
  return paths;
}

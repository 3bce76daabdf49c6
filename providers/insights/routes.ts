/**
 * Every operation of the Insights connector API, written once: the client builds its
 * requests from it, the OpenAPI writer its `paths`, the emulator its router. Templates are
 * relative to `API_BASE_PATH`, in OpenAPI's `{param}` syntax.
 */
export interface Route {
  readonly operationId: string;
  readonly method: "GET" | "POST" | "PATCH" | "DELETE";
  readonly template: string;
}

const SITE = "/sites/{siteId}";
const CONNECTOR = `${SITE}/connectors/{connectorId}`;

export const ROUTES = {
  listConnectors: { operationId: "listConnectors", method: "GET", template: `${SITE}/connectors` },
  /** `operationId` per kind: see `createOperationId`. */
  createConnector: { operationId: "createConnector", method: "POST", template: `${SITE}/connectors/kinds/{kind}` },
  getConnector: { operationId: "getConnector", method: "GET", template: CONNECTOR },
  updateConnector: { operationId: "updateConnector", method: "PATCH", template: CONNECTOR },
  deleteConnector: { operationId: "deleteConnector", method: "DELETE", template: CONNECTOR },
  turnOff: { operationId: "turnOffConnector", method: "POST", template: `${CONNECTOR}/turn-off` },
  turnOn: { operationId: "turnOnConnector", method: "POST", template: `${CONNECTOR}/turn-on` },
  connectivity: { operationId: "getConnectivity", method: "GET", template: `${CONNECTOR}/connectivity` },
  activity: { operationId: "getActivity", method: "GET", template: `${CONNECTOR}/activity` },
  awsExternalId: { operationId: "requestAwsExternalId", method: "POST", template: `${SITE}/aws-external-id` },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

/** The OpenAPI operation id of one kind's create: `create<PascalKind>Connector`. */
export function createOperationId(kind: string): string {
  return `create${kind.replace(/(^|-)(\w)/g, (_m: string, _d: string, c: string) => c.toUpperCase())}Connector`;
}

/** A route's path with its parameters filled in, each URL-encoded. */
export function routePath(route: Route, params: Record<string, string>): string {
  return route.template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.operationId}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

const matchers = Object.entries(ROUTES).map(([name, route]) => {
  const names: string[] = [];
  const source = route.template.replace(/\{(\w+)\}/g, (_match, param: string) => {
    names.push(param);
    return "([^/]+)";
  });
  return { name: name as RouteName, method: route.method, pattern: new RegExp(`^${source}$`), names };
});

/** The route a request is for, with its decoded parameters; undefined when the API has none. */
export function matchRoute(
  method: string,
  path: string,
): { name: RouteName; params: Record<string, string> } | undefined {
  for (const matcher of matchers) {
    const match = matcher.method === method ? matcher.pattern.exec(path) : null;
    if (!match) continue;
    const params = Object.fromEntries(matcher.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    return { name: matcher.name, params };
  }
  return undefined;
}

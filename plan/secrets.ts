import { realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import type { ConnectorConfig } from "../connectors/catalog";
import type { ConnectorKind } from "../connectors/kind";
import { hostOf, type SecretHost } from "../connectors/secret-hosts";
import type { InsightsTarget } from "../config/types";
import { SecretRef } from "../values/secret-ref";
import type { PlannedField, PlannedSecret, SecretDestination } from "./model";

/** Where `register` sends a tenant's secrets: its Insights API (the site named in the path), or a sheet. */
export function insightsDestinations(insights: InsightsTarget, tenantPath: string): SecretDestination[] {
  if (insights.adapter === "sheet") return [{ host: "registration sheet", by: "sheet" }];
  const configPath = `${tenantPath}.insights.url`;
  if (!insights.url) return [{ host: "emulator (--emulator-url)", by: "register" }];
  const site = insights.siteId ? `/site/${insights.siteId.toLowerCase()}` : "";
  return [{ host: `${hostOf(insights.url)}${site}`, by: "register", configPath }];
}

/** The tenant's own secrets: the Insights API token, sent with every call to its API. */
export function tenantSecrets(insights: InsightsTarget, tenantPath: string, configDir: string): PlannedSecret[] {
  if (!insights.token) return [];
  const configPath = `${tenantPath}.insights.token`;
  return [
    {
      field: "insights.token",
      ...reference(insights.token, configDir),
      configPath,
      destinations: insightsDestinations(insights, tenantPath),
    },
  ];
}

/** What buildPlan knows of one connector when it plans its secrets. */
export interface SecretsInput {
  readonly kind: ConnectorKind<any>;
  readonly config: ConnectorConfig;
  readonly registration: readonly PlannedField[];
  /** `tenants[0].connectors[2]`. */
  readonly connectorPath: string;
  readonly insights: readonly SecretDestination[];
  readonly configDir: string;
}

/**
 * Every secret of a connector and where it goes: each secret reference of its config (form
 * fields and others, such as the AWS external ID), each secret the stack outputs for the form,
 * and the operator's credentials that reach a host the config names. References only, never values.
 */
export function connectorSecrets(input: SecretsInput): PlannedSecret[] {
  const { kind, config, registration, connectorPath } = input;
  const hosts = kind.secretHosts(config);
  const at = (list: readonly SecretHost[]) => list.map((h) => destination(h, connectorPath));
  const registered = kind.provisioning.mode !== "integration";
  const formDestinations = (field: PlannedField) => [
    ...(registered && field.enteredIn !== "installer" ? input.insights : []),
    ...at(hosts.source),
  ];
  const secrets: PlannedSecret[] = [];
  for (const [path, ref] of secretRefsOf(config)) {
    const key = path.join(".");
    const field =
      registration.find((f) => f.key === path[path.length - 1] && isRef(f, ref)) ??
      registration.find((f) => isRef(f, ref));
    const declared = hosts.byField?.[key];
    secrets.push({
      field: field?.key ?? key,
      ...reference(ref, input.configDir),
      configPath: `${connectorPath}.${key}`,
      destinations: sorted(field ? formDestinations(field) : declared ? at(declared) : at(hosts.source)),
    });
  }
  for (const field of registration) {
    if (field.value.from !== "output" || !field.secret) continue;
    secrets.push({
      field: field.key,
      reference: `output:${field.value.output}`,
      destinations: sorted(formDestinations(field)),
    });
  }
  for (const operator of hosts.operator ?? []) {
    secrets.push({
      field: operator.credential,
      reference: `env:${operator.env}`,
      destinations: sorted(at(operator.hosts)),
    });
  }
  return secrets.sort((a, b) => compare(a.field, b.field) || compare(a.reference, b.reference));
}

const isRef = (field: PlannedField, ref: SecretRef) =>
  field.value.from === "secret" && field.value.ref === ref.toString();

function destination(host: SecretHost, connectorPath: string): SecretDestination {
  return { host: host.host, by: host.by, ...(host.field ? { configPath: `${connectorPath}.${host.field}` } : {}) };
}

function sorted(destinations: SecretDestination[]): SecretDestination[] {
  return destinations.sort((a, b) => compare(a.host, b.host) || compare(a.by, b.by));
}

/** Every secret reference of a config object, with its field path, in field order. */
export function secretRefsOf(value: unknown, path: string[] = []): [string[], SecretRef][] {
  if (value instanceof SecretRef) return [[path, value]];
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => secretRefsOf(child, [...path, key]));
}

/**
 * A reference as a plan records it. `env:NAME` as written; `file:PATH` normalised against the
 * config's folder (relative, `/`-separated; `../` or an absolute path only when the file lies
 * outside it), and marked when it leads outside the folder, lexically or through a symlink.
 */
export function reference(ref: SecretRef, configDir: string): Pick<PlannedSecret, "reference" | "outsideConfigFolder"> {
  if (ref.scheme === "env") return { reference: ref.toString() };
  const folder = resolve(configDir);
  const path = ref.filePath(folder);
  const inside = (from: string, to: string) => {
    const rel = relative(from, to);
    return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
  };
  const lexical = relative(folder, path).split(sep).join(posix.sep);
  const shown = isAbsolute(ref.target) && !inside(folder, path) ? path.split(sep).join(posix.sep) : lexical;
  const outside = !inside(folder, path) || !inside(realOrSelf(folder), realOrSelf(path));
  return { reference: `file:${shown}`, ...(outside ? { outsideConfigFolder: true as const } : {}) };
}

/**
 * The path with every symlink resolved: its nearest existing ancestor resolved, the rest as
 * written (a plan needs no file, yet a symlinked folder on the way still leads elsewhere).
 */
function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realOrSelf(parent), basename(path));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

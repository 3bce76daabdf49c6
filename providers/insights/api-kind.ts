import type { z } from "zod";

/**
 * What the Insights API contract needs to know of one connector kind: its "Create Connector"
 * form and the rules the console applies to it. Declared here so that `providers/` imports
 * nothing above it; the catalog's `ConnectorKind` satisfies it and callers pass the catalog in.
 */
export interface ApiFormField {
  /** Key in the registration request body. */
  readonly key: string;
  /** The field's label in the console. */
  readonly label: string;
  readonly secret: boolean;
  /** Collector kinds: typed into the Insights Collector installer, not the console. */
  readonly enteredIn?: "installer";
  /** A check beyond the schema: what is wrong (never quoting the value), or undefined. */
  readonly check?: (value: string) => string | undefined;
  /** The field the dashboard shows as the connector's "Connection Point". */
  readonly connectionPoint?: boolean;
}

export interface ApiConnectorKind {
  /** The kind's name in paths and in `Connector.kind`. */
  readonly kind: string;
  /** The label beside "Create Connector" in the console. */
  readonly title: string;
  readonly registration: {
    readonly fields: readonly ApiFormField[];
    /** What the API takes: every field not typed into the Insights Collector installer. */
    readonly apiSchema: z.ZodObject;
  };
  /** `collector-install`: registration hands out an Insights Collector installation key. */
  readonly provisioning: { readonly mode: string };
  /** Set when the console offers no Turn Off for this kind: why not. */
  readonly cannotTurnOff?: { readonly reason: string };
}

/** Kinds whose registration returns an Insights Collector installation key instead of connecting. */
export function isCollectorKind(kind: ApiConnectorKind): boolean {
  return kind.provisioning.mode === "collector-install";
}

import type { GrantDiff } from "../grant-changes";
import type { PlannedConnectorRecord, PlannedTenantRecord } from "../../plan/model";

/**
 * What a rule found: which rule, one printable line (without the `tenant/connector:` prefix the
 * diff adds), and the field paths in each side's config (the diff turns them into file and line).
 */
export interface Finding {
  readonly rule: string;
  readonly message: string;
  readonly basePath?: string;
  readonly headPath?: string;
}

/** One connector as two plans have it, matched by identity; a side is absent when that plan lacks it. */
export interface ConnectorPair {
  readonly tenant: string;
  readonly identity: string;
  readonly base?: PlannedConnectorRecord;
  readonly head?: PlannedConnectorRecord;
  /** The grant changes between the sides (review/grant-changes.ts). */
  readonly grants: GrantDiff;
}

/**
 * A rule judges one connector as an allow-list: what stays the same or narrows passes, anything
 * else is a finding. An absent base is nothing (a new connector is judged against nothing).
 */
export type ConnectorRule = (pair: ConnectorPair) => Finding[];

/** A rule over a tenant's own settings (its Insights API token and where it goes). */
export type TenantRule = (base: PlannedTenantRecord | undefined, head: PlannedTenantRecord) => Finding[];

/** The config path of a connector field, or of the connector's entry when the plan has no path for it. */
export function fieldPath(connector: PlannedConnectorRecord | undefined, field?: string): string | undefined {
  if (!connector?.configPath) return undefined;
  return field ? `${connector.configPath}.${field}` : connector.configPath;
}

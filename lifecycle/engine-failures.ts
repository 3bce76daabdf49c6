import { connectorFieldLocation } from "../config/field-location";
import type { ToolkitConfig } from "../config/types";
import { kindOf } from "../connectors/catalog";
import type { PlannedConnector } from "../plan/model";

/** An engine failure in the user's terms, with the config field to change and where it is. */
export interface ExplainedFailure {
  readonly message: string;
  /** `FILE:LINE:COL  path`: the field to change, when there is one. */
  readonly location?: string;
  /** What the config asked for (a project `deletionPolicy: PREVENT` keeps): left by design, not failed. */
  readonly expected: boolean;
}

/**
 * The connector's kind's explanation of an engine's failure message (connectors/<kind>/, each
 * rule citing the provider or vendor words it matches), located in the config file; undefined
 * when no rule of the kind recognises it, so the engine's own words stand.
 */
export function explainEngineFailure(
  config: Pick<ToolkitConfig, "file" | "tenants">,
  planned: PlannedConnector,
  message: string,
): ExplainedFailure | undefined {
  const rules = kindOf(planned.config).engineFailures ?? [];
  const rule = rules.find((candidate) => candidate.matches(message, planned.config));
  if (!rule) return undefined;
  const explained = rule.explain(planned.config, message);
  const location = explained.field && connectorFieldLocation(config, planned.tenant, planned.position, explained.field);
  return {
    message: explained.message,
    ...(location ? { location } : {}),
    expected: explained.expected ?? false,
  };
}

/** The explanation as one line: the location first, as config errors are reported. */
export function explainedLine(failure: ExplainedFailure): string {
  return failure.location ? `${failure.location}: ${failure.message}` : failure.message;
}

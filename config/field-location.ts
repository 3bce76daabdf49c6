import { readFileSync } from "node:fs";
import { fieldPositions } from "./field-lines";
import { formatPath } from "./problems";
import type { ToolkitConfig } from "./types";

/**
 * Where a connector's field sits in its config file, as `FILE:LINE:COL  path` (the form config
 * errors take): `field` is a path inside
 * the connector's entry (`["project", "deletionPolicy"]`); a field the file leaves to its default
 * points at the nearest key that is written. Undefined when the file cannot be read again.
 */
export function connectorFieldLocation(
  config: Pick<ToolkitConfig, "file" | "tenants">,
  tenant: string,
  position: number,
  field: readonly (string | number)[],
): string | undefined {
  const t = config.tenants.findIndex((candidate) => candidate.name === tenant);
  if (t < 0) return undefined;
  let text: string;
  try {
    text = readFileSync(config.file, "utf8");
  } catch {
    return undefined;
  }
  const path = ["tenants", t, "connectors", position, ...field];
  const { line, col } = fieldPositions(text)(path);
  return `${config.file}:${line}:${col}  ${formatPath(path)}`;
}

import type { ToolkitConfig } from "../config/types";
import { UsageError } from "./io";

/** Rejects `--tenant` names the config does not have, listing the ones it has. */
export function checkTenantNames(config: ToolkitConfig, requested: readonly string[] | undefined, file: string): void {
  const known = config.tenants.map((t) => t.name);
  const unknown = (requested ?? []).filter((t) => !known.includes(t));
  if (unknown.length > 0) throw new UsageError(`unknown tenant ${unknown.join(", ")} in ${file}; it has: ${known.join(", ")}`);
}

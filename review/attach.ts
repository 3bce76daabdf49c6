import { kindOf } from "../connectors/catalog";
import { grantKey, sortGrants } from "../connectors/grant";
import type { ToolkitConfig } from "../config/types";
import type { Plan } from "../plan/model";
import { compareGrants, formatMismatches } from "./consistency";
import { connectorKey, extractGrants, type ExtractOptions } from "./extract";

/** The catalog and the artifacts disagree; the message lists every difference. */
export class GrantConsistencyError extends Error {}

/**
 * Adds each connector's extracted grants to the plan, after checking they equal the
 * catalog's: a stack that grants more, less or differently than the catalog says fails.
 */
export async function withExtractedGrants(plan: Plan, config: ToolkitConfig, options: ExtractOptions = {}): Promise<Plan> {
  const extracted = await extractGrants(config, plan.tenants.map((t) => t.name), options);
  const problems: string[] = [];
  const tenants = plan.tenants.map((tenant) => ({
    ...tenant,
    connectors: tenant.connectors.map((connector) => {
      const found = extracted.get(connectorKey(tenant.name, connector.kind, connector.name));
      if (!found) return connector;
      const source = config.tenants.find((t) => t.name === tenant.name)!.connectors.find((c) => c.kind === connector.kind && c.name === connector.name)!;
      const mismatches = compareGrants(kindOf(source).grants(source), found);
      if (mismatches.length) problems.push(formatMismatches(`${tenant.name}/${connector.name}`, mismatches));
      const unique = new Map(found.map((g) => [grantKey(g), g]));
      return { ...connector, extractedGrants: sortGrants([...unique.values()]) };
    }),
  }));
  if (problems.length) throw new GrantConsistencyError(`the synthesized stacks do not grant what the catalog says:\n${problems.join("\n")}`);
  return { ...plan, tenants };
}

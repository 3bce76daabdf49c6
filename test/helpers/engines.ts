import type { ToolkitConfig } from "../../config/types";
import type { ConnectorConfig } from "../../connectors/catalog";
import { engineFor } from "../../kinds/engines";
import { ADAPTERS } from "../../kinds/registry";
import type { ConnectorEngine, EngineOptions } from "../../lifecycle/engines";
import { buildPlan } from "../../plan/build";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { cdktfStackGrants } from "../../review/extract/cdktf-stacks";
import type { TerraformJson } from "../../review/extract/terraform-json";

/**
 * The engine of one connector of a loaded config, built as `up` builds it: from the connector's
 * plan entry, by its kind's adapter. Undefined for a kind without a stack.
 */
export function engineOf(
  config: ToolkitConfig,
  connector: ConnectorConfig,
  options: EngineOptions,
): ConnectorEngine | undefined {
  const tenant = buildPlan(config).tenants.find((t) => t.connectors.some((c) => c.config === connector));
  if (!tenant) throw new Error(`connector ${connector.name} is not in the config`);
  return engineFor(
    tenant.connectors.find((c) => c.config === connector)!,
    tenant,
    config.dir,
    options,
  );
}

/** What plan reads from a synthesized CDKTF stack of `kind`: the grants of every extractor its adapter lists. */
export async function cdktfGrants(
  kind: "azure" | "gcp" | "pingone",
  json: TerraformJson,
  artifact: string,
): Promise<ExtractedGrant[]> {
  return cdktfStackGrants(await ADAPTERS[kind].extract(), json, artifact);
}

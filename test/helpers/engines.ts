import type { ToolkitConfig } from "../../config/types";
import type { ConnectorConfig } from "../../connectors/catalog";
import { engineAdapters, engineWith } from "../../kinds/engines";
import { ADAPTERS } from "../../kinds/registry";
import type { ConnectorEngine, EngineAdapter, EngineOptions } from "../../lifecycle/engines";
import { buildPlan } from "../../plan/build";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { cdktfStackGrants } from "../../review/extract/cdktf-stacks";
import type { TerraformJson } from "../../review/extract/terraform-json";

let adapters: ReadonlyMap<string, EngineAdapter<any>> | undefined;

/** Loads every kind's engine adapter, as `up` does before it starts: a test file's `beforeAll`. */
export async function loadEngines(): Promise<void> {
  adapters = await engineAdapters();
}

/**
 * The engine of one connector of a loaded config, built as `up` builds it: from the connector's
 * plan entry, by its kind's adapter. Undefined for a kind without a stack.
 */
export function engineOf(
  config: ToolkitConfig,
  connector: ConnectorConfig,
  options: EngineOptions,
): ConnectorEngine | undefined {
  if (!adapters) throw new Error("call loadEngines() in beforeAll first");
  const tenant = buildPlan(config).tenants.find((t) => t.connectors.some((c) => c.config === connector));
  if (!tenant) throw new Error(`connector ${connector.name} is not in the config`);
  return engineWith(
    adapters,
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

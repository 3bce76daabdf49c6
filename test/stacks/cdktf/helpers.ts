import { Testing, type TerraformStack } from "cdktf";
import type { ConnectorConfig } from "../../../connectors/catalog";
import { parseConfig } from "../../../config/load";
import { configWith } from "../../helpers/config-text";

/** A synthesized `cdk.tf.json`, without cdktf's `//` metadata. */
export interface TerraformJson {
  resource: Record<string, Record<string, any>>;
  data: Record<string, Record<string, any>>;
  output: Record<string, { value: unknown; sensitive?: boolean; description?: string }>;
  provider: Record<string, any[]>;
  locals?: Record<string, unknown>;
  terraform: { required_providers: Record<string, { source: string; version: string }> };
}

function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "//")
        .map(([key, v]) => [key, withoutMetadata(v)]),
    );
  }
  return value;
}

/** Synthesizes one stack the way `cdktf synth` does and parses the result. */
export function synthJson(build: (app: ReturnType<typeof Testing.app>) => TerraformStack): TerraformJson {
  const app = Testing.app();
  const json = JSON.parse(Testing.synth(build(app))) as Record<string, unknown>;
  return { resource: {}, data: {}, output: {}, provider: {}, ...(withoutMetadata(json) as object) } as TerraformJson;
}

/** The connector parsed from one connector entry, with every default applied. */
export function connectorFrom<C extends ConnectorConfig>(entry: string): C {
  return parseConfig(configWith([entry]), "tenants.yaml", "/nonexistent").tenants[0].connectors[0] as C;
}

/** Resources of one type, by address name; fails loudly when there are none. */
export function resourcesOf(json: TerraformJson, type: string): Record<string, any> {
  const found = json.resource[type];
  if (!found) throw new Error(`no ${type} in the stack (types: ${Object.keys(json.resource).join(", ")})`);
  return found;
}

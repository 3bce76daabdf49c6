import type { App } from "cdktf";
import type { AzureConnectorConfig } from "../../connectors/azure/config";
import type { ToolkitConfig } from "../../config/types";
import { connectorsOfKind } from "../../config/connectors-of-kind";
import { InsightsEntraConnectorStack, entraStackProps } from "./entra-connector-stack";

/** Adds one stack per `azure` connector of every tenant, named `<tenant>-azure[-slug]`. */
export function addAzureStacks(app: App, config: ToolkitConfig): InsightsEntraConnectorStack[] {
  return connectorsOfKind<AzureConnectorConfig>(config, "azure").map(
    ({ name, connector }) => new InsightsEntraConnectorStack(app, name, entraStackProps(connector)),
  );
}

import type { App } from "cdktf";
import type { GcpConnectorConfig } from "../../connectors/gcp/config";
import type { ToolkitConfig } from "../../config/types";
import { connectorsOfKind } from "../../config/connectors-of-kind";
import { InsightsGcpConnectorStack, gcpStackProps } from "./gcp-connector-stack";

/** Adds one stack per `gcp` connector of every tenant, named `<tenant>-gcp[-slug]`. */
export function addGcpStacks(app: App, config: ToolkitConfig): InsightsGcpConnectorStack[] {
  return connectorsOfKind<GcpConnectorConfig>(config, "gcp").map(
    ({ name, connector }) => new InsightsGcpConnectorStack(app, name, gcpStackProps(connector)),
  );
}

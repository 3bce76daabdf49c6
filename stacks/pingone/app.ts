import type { App } from "cdktf";
import type { PingOneConnectorConfig } from "../../connectors/pingone/config";
import type { ToolkitConfig } from "../../config/types";
import { connectorsOfKind } from "../../config/connectors-of-kind";
import { InsightsPingOneConnectorStack, pingoneStackProps } from "./pingone-connector-stack";

/** Adds one stack per `pingone` connector of every tenant, named `<tenant>-pingone[-slug]`. */
export function addPingOneStacks(app: App, config: ToolkitConfig): InsightsPingOneConnectorStack[] {
  return connectorsOfKind<PingOneConnectorConfig>(config, "pingone").map(
    ({ name, connector }) => new InsightsPingOneConnectorStack(app, name, pingoneStackProps(connector)),
  );
}

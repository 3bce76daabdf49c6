// The Pulumi program for `pulumi up` run directly (Pulumi.yaml): the stack name picks
// the okta connector, `<tenant>-okta[-slug]`, from the config named by INSIGHTS_CONFIG.
import * as pulumi from "@pulumi/pulumi";
import type { OktaConnectorConfig } from "../connectors/okta/config";
import { connectorsOfKind } from "../config/connectors-of-kind";
import { oktaProgram } from "../stacks/okta/program";
import { engineConfigPath, loadEngineConfig } from "./config-path";

const configPath = engineConfigPath(new pulumi.Config("insights").get("config"));
const stacks = connectorsOfKind<OktaConnectorConfig>(loadEngineConfig(configPath), "okta");
const chosen = stacks.find(({ name }) => name === pulumi.getStack());
if (!chosen) {
  throw new Error(
    `no okta connector in ${configPath} makes a stack named "${pulumi.getStack()}"; its okta stacks are: ${stacks.map((s) => s.name).join(", ") || "none"}`,
  );
}
module.exports = oktaProgram(chosen.connector, chosen.name)();

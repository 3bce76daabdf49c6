// The Pulumi program for `pulumi up` run directly (Pulumi.yaml): the stack name picks
// the okta connector, `<tenant>-okta[-slug]` as the plan names it, from the config named by INSIGHTS_CONFIG.
import * as pulumi from "@pulumi/pulumi";
import { buildPlan } from "../plan/build";
import { hasStack, plannedOfKind } from "../plan/select";
import { oktaProgram } from "../stacks/okta/program";
import { engineConfigPath, loadEngineConfig } from "./config-path";

const configPath = engineConfigPath(new pulumi.Config("insights").get("config"));
const stacks = plannedOfKind(buildPlan(loadEngineConfig(configPath)), "okta").filter(hasStack);
const chosen = stacks.find(({ provisioning }) => provisioning.stackName === pulumi.getStack());
if (!chosen) {
  throw new Error(
    `no okta connector in ${configPath} makes a stack named "${pulumi.getStack()}"; its okta stacks are: ${stacks.map((s) => s.provisioning.stackName).join(", ") || "none"}`,
  );
}
module.exports = oktaProgram(chosen.config, chosen.provisioning.stackName)();

import { join } from "node:path";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import { REPO } from "./cli";

/**
 * The stack names the plan of examples/`file` gives the connectors that `engine` deploys, sorted:
 * what a synth of that example must write, derived from the example instead of listed by hand.
 */
export function plannedStacks(file: string, engine: "aws-cdk" | "cdktf" | "pulumi" | "github-app-manifest"): string[] {
  return buildPlan(loadConfig(join(REPO, "examples", file)))
    .tenants.flatMap((tenant) => tenant.connectors)
    .flatMap(({ provisioning: p }) => (p.mode === "stack" && p.engine === engine && p.stackName ? [p.stackName] : []))
    .sort();
}

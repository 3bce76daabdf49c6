import type { App, Stack } from "aws-cdk-lib";
import type { CdkStackFactory } from "./stack-factory";

/** One connector's CDK stack to build: its name, its config and its kind's factory. */
export interface CdkStackToBuild<C = any> {
  readonly name: string;
  readonly connector: C;
  readonly factory: CdkStackFactory<C>;
}

/**
 * Adds the stacks to a CDK app: the one function that builds them for `cdk` and `up` (the CDK
 * app, bin/cdk-app.ts, with `nag`) and for `plan` (without). `nag` adds the cdk-nag AWS
 * Solutions pack, whose findings fail the synth; plan reads the templates only and leaves it
 * off, so cdk-nag is loaded only when it runs.
 */
export function addCdkStacks(
  app: App,
  stacks: readonly CdkStackToBuild[],
  options: { readonly nag: boolean },
): Stack[] {
  if (options.nag) {
    const { Validations } = require("aws-cdk-lib") as typeof import("aws-cdk-lib");
    const { AwsSolutionsChecks } = require("cdk-nag") as typeof import("cdk-nag");
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  }
  return stacks.map(({ name, connector, factory }) => factory(app, name, connector));
}

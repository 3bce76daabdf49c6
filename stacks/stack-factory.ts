import type { App, Stack } from "aws-cdk-lib";
import type { TerraformStack } from "cdktf";
import type { Construct } from "constructs";

/**
 * Builds one connector's CDK stack, named `name`, in `app`. A kind has exactly one: the CDK
 * app that `cdk` and `up` deploy (bin/cdk-app.ts) and `plan`, which reads the templates,
 * build the stack with it.
 */
export type CdkStackFactory<C> = (app: App, name: string, connector: C) => Stack;

/** The same for a CDKTF stack: the CDKTF app (bin/cdktf-app.ts) and `plan` build it with it. */
export type CdktfStackFactory<C> = (app: Construct, name: string, connector: C) => TerraformStack;

import type { AwsConnectorConfig } from "../../connectors/aws/config";
import { EXTERNAL_ID_PARAMETER } from "./parameters";

/**
 * The `--parameters` arguments of `cdk deploy` for one AWS connector stack: the
 * config's `externalId`, resolved at the moment of the deploy, as the stack's NoEcho
 * `BtConnectorExternalId`. This is the one place the config's external ID is read; the
 * template never holds it (a parameter default would print it in every synth).
 *
 * The arguments hold the resolved value: hand them to the child process and never print
 * or log them. (AWS treats an external ID as a confused-deputy guard, not a password,
 * but the config keeps it a secret reference and so does this.)
 */
export function cdkDeployParameters(
  stackName: string,
  connector: Pick<AwsConnectorConfig, "externalId">,
  configDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const externalId = connector.externalId.resolve(configDir, env);
  return ["--parameters", `${stackName}:${EXTERNAL_ID_PARAMETER}=${externalId}`];
}

// The CDKTF app (`cdktf.json`): one stack per `azure`, `gcp` and `pingone` connector,
// each with its state under .state/terraform/ (or the `stateBackend` context's S3 bucket).
import { App } from "cdktf";
import { addAzureStacks } from "../stacks/azure/app";
import { addGcpStacks } from "../stacks/gcp/app";
import { addPingOneStacks } from "../stacks/pingone/app";
import { addStateBackends, StateBackendSettingError } from "../stacks/terraform/state-backend";
import { engineConfigPath, loadEngineConfig } from "./config-path";

const app = new App();
const config = loadEngineConfig(engineConfigPath(app.node.tryGetContext("config")));
const stacks = [...addAzureStacks(app, config), ...addGcpStacks(app, config), ...addPingOneStacks(app, config)];
try {
  addStateBackends(stacks, app.node.tryGetContext("stateBackend"));
} catch (error) {
  if (!(error instanceof StateBackendSettingError)) throw error;
  process.stderr.write(`${error.message}; nothing was synthesized.\n`);
  process.exit(2);
}
app.synth();

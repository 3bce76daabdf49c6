// The CDKTF app (`cdktf.json`): one stack per `azure`, `gcp` and `pingone` connector.
import { App } from "cdktf";
import { addAzureStacks } from "../stacks/azure/app";
import { addGcpStacks } from "../stacks/gcp/app";
import { addPingOneStacks } from "../stacks/pingone/app";
import { engineConfigPath, loadEngineConfig } from "./config-path";

const app = new App();
const config = loadEngineConfig(engineConfigPath(app.node.tryGetContext("config")));
addAzureStacks(app, config);
addGcpStacks(app, config);
addPingOneStacks(app, config);
app.synth();

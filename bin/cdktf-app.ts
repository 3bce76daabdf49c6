// The CDKTF app (`cdktf.json`): one stack per planned connector whose kind CDKTF applies
// (kinds/ binds each kind's stack), each with its state under .state/terraform/ (or the
// `stateBackend` context's S3 bucket).
import { App } from "cdktf";
import { addPlannedCdktfStacks } from "../kinds/apps";
import { buildPlan } from "../plan/build";
import { PREVIEW_CONTEXT } from "../providers/engines/terraform";
import { addStateBackends } from "../stacks/terraform/state-backend";
import { InvalidConfigError } from "../values/errors";
import { engineConfigPath, loadEngineConfig, runEngineApp } from "./config-path";

runEngineApp(async () => {
  const app = new App();
  const config = loadEngineConfig(engineConfigPath(app.node.tryGetContext("config")));
  const stacks = await addPlannedCdktfStacks(app, buildPlan(config));
  try {
    const readOnly = app.node.tryGetContext(PREVIEW_CONTEXT) === true; // a preview moves and creates no state
    addStateBackends(stacks, app.node.tryGetContext("stateBackend"), { readOnly });
  } catch (error) {
    // A bad stateBackend setting, or state left where cdktf kept it before the state folder (located).
    if (!(error instanceof InvalidConfigError)) throw error;
    process.stderr.write(`${error.message}; nothing was synthesized.\n`);
    process.exit(2);
  }
  app.synth();
});

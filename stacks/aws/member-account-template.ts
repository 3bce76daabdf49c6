import { App, CliCredentialsStackSynthesizer, Stack } from "aws-cdk-lib";
import { externalIdParameter } from "./parameters";
import { connectorRole, type ConnectorRoleSettings } from "./connector-role";
import { inScratchFolder } from "../../values/scratch-folder";

/**
 * The template the StackSet deploys into every member account: the same role, its
 * external ID passed down as a NoEcho parameter. Synthesized by CDK in a separate,
 * throw-away app so both accounts' roles come from the one construct.
 */
export function memberAccountTemplate(settings: ConnectorRoleSettings): Record<string, unknown> {
  // An explicit outdir: under `cdk synth`, a second App would otherwise share CDK_OUTDIR.
  return inScratchFolder("insights-member-", (outdir) => {
    const app = new App({ outdir, analyticsReporting: false });
    const stack = new Stack(app, "InsightsMemberAccount", {
      synthesizer: new CliCredentialsStackSynthesizer(),
      description: "BeyondTrust Identity Security Insights read-only role (member account)",
    });
    connectorRole(stack, settings, externalIdParameter(stack).valueAsString);
    return app.synth().getStackByName(stack.stackName).template as Record<string, unknown>;
  });
}

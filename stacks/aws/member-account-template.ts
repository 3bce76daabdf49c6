import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, CfnParameter, CliCredentialsStackSynthesizer, Duration, Stack } from "aws-cdk-lib";
import type { Grant } from "../../connectors/grant";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import { externalIdParameter } from "./parameters";
import { InsightsReadOnlyRole } from "./insights-read-only-role";

/**
 * The template the StackSet deploys into every member account: the same role, its
 * external ID passed down as a NoEcho parameter. Synthesized by CDK in a separate,
 * throw-away app so both accounts' roles come from the one construct.
 */
export function memberAccountTemplate(config: AwsConnectorConfig, grants: readonly Grant[]): Record<string, unknown> {
  // An explicit outdir: under `cdk synth`, a second App would otherwise share CDK_OUTDIR.
  const outdir = mkdtempSync(join(tmpdir(), "insights-member-"));
  try {
    const app = new App({ outdir, analyticsReporting: false });
    const stack = new Stack(app, "InsightsMemberAccount", {
      synthesizer: new CliCredentialsStackSynthesizer(),
      description: "BeyondTrust Identity Security Insights read-only role (member account)",
    });
    const externalId: CfnParameter = externalIdParameter(stack);
    new InsightsReadOnlyRole(stack, "Insights", {
      trustedPrincipal: config.trustedPrincipal,
      externalId: externalId.valueAsString,
      grants,
      roleName: config.roleName,
      permissionsBoundaryArn: config.permissionsBoundary,
      maxSessionDuration: Duration.seconds(config.maxSessionDurationSeconds),
    });
    return app.synth().getStackByName(stack.stackName).template as Record<string, unknown>;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

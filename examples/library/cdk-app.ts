// A platform team's own AWS CDK app that adds the Insights read-only role to one of its
// stacks: no insights-connectors CLI, no tenant file. Synthesize it with
//   npx cdk synth --app "npx ts-node examples/library/cdk-app.ts"
// and deploy it with `--parameters InsightsExternalId=<the ID from the Insights connection panel>`.
import { App, CfnOutput, CfnParameter, Stack } from "aws-cdk-lib";
import { InsightsReadOnlyRole } from "insights-connectors";

const app = new App();
const stack = new Stack(app, "SecurityTooling", { description: "The security team's own stack" });

// A NoEcho parameter keeps the external ID out of the template and out of source control.
const externalId = new CfnParameter(stack, "InsightsExternalId", { type: "String", noEcho: true });

const insights = new InsightsReadOnlyRole(stack, "Insights", {
  // The principal named in the Insights "Add an AWS Connector" CloudFormation template.
  trustedPrincipal: "arn:aws:iam::123456789012:root",
  externalId: externalId.valueAsString,
});

new CfnOutput(stack, "InsightsRoleArn", {
  value: insights.role.roleArn,
  description: "Paste into the ARN field of the Insights AWS connection panel",
});
app.synth();

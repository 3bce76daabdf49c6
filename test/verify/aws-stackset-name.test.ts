import { memberStackSetName } from "../../stacks/aws/member-stack-set-name";
import { exampleAwsConnector, onlyResource, synthTemplate } from "../stacks/aws/helpers";

test("the AWS reader looks for the StackSet under the name the stack gives it", () => {
  const stackSet = onlyResource(
    synthTemplate(exampleAwsConnector("all-sources.yaml")),
    "AWS::CloudFormation::StackSet",
  );
  expect(stackSet.Properties.StackSetName).toBe("test-aws-member-accounts");
  expect(memberStackSetName("test-aws")).toBe("test-aws-member-accounts");
});

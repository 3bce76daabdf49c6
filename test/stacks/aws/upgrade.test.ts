import { exampleAwsConnector, synthTemplate } from "./helpers";

/**
 * The AWS role had one shape on every main from dc8ff22 to 1635526 (findings of issue 26,
 * section 4, from synthesizing each commit): logical ID InsightsRoleAEC280F2, RoleName
 * BeyondTrustInsightsReadOnly, no Path. CloudFormation replaces a resource whose logical ID
 * changes, and an AWS::IAM::Role whose RoleName or Path changes (its registry schema's
 * createOnlyProperties are /properties/Path and /properties/RoleName, as cfn-lint 1.51.0 ships it),
 * which would change the ARN Insights holds.
 */
describe("upgrade: the AWS role keeps the logical ID and name every earlier main deployed it with", () => {
  test.each(["aws-single-account.yaml", "all-sources.yaml"])(
    "%s: InsightsRoleAEC280F2, BeyondTrustInsightsReadOnly",
    (file) => {
      const roles = synthTemplate(exampleAwsConnector(file)).findResources("AWS::IAM::Role");
      expect(Object.keys(roles)).toEqual(["InsightsRoleAEC280F2"]);
      const properties = roles.InsightsRoleAEC280F2.Properties;
      expect(properties.RoleName).toBe("BeyondTrustInsightsReadOnly");
      expect(properties.Path).toBeUndefined();
    },
  );
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { awsStackProps, InsightsAwsConnectorStack } from "../../../stacks/aws/connector-stack";
import { REPO } from "../../helpers/cli";
import { exampleAwsConnector } from "./helpers";

const cdkJson = JSON.parse(readFileSync(join(REPO, "cdk.json"), "utf8")) as { context: Record<string, unknown> };
// What `cdk init` writes into a new app's cdk.json: aws-cdk-lib's own list of recommended flags.
const recommended = JSON.parse(
  readFileSync(require.resolve("aws-cdk-lib/recommended-feature-flags.json"), "utf8"),
) as Record<string, unknown>;

/** Lists as sets (IAM action lists, tag lists) and nested templates parsed, so only meaning is compared. */
function meaning(value: unknown, key = ""): unknown {
  if (key === "TemplateBody" && typeof value === "string") return meaning(JSON.parse(value));
  if (Array.isArray(value))
    return value.map((v) => meaning(v)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, meaning(v, k)]));
  return value;
}

function synth(file: string, context: Record<string, unknown>) {
  const props = awsStackProps(exampleAwsConnector(file));
  const stack = new InsightsAwsConnectorStack(new App({ context }), "test-aws", props);
  const { CDKMetadata: _analytics, ...resources } = Template.fromStack(stack).toJSON().Resources;
  return {
    template: { ...Template.fromStack(stack).toJSON(), Resources: resources },
    stackTags: stack.tags.tagValues(),
  };
}

describe("cdk.json feature flags", () => {
  test("sets every flag the installed aws-cdk-lib recommends for a new app, at the recommended value", () => {
    expect(Object.keys(recommended).length).toBeGreaterThan(50);
    for (const [flag, value] of Object.entries(recommended))
      expect([flag, cdkJson.context[flag]]).toEqual([flag, value]);
  });

  test.each(["all-sources.yaml", "aws-single-account.yaml"])(
    "%s: the role, its trust, policies, tags and the StackSet mean the same with the flags as without",
    (file) => {
      const without = synth(file, {});
      const withFlags = synth(file, cdkJson.context);
      expect(meaning(withFlags.template)).toEqual(meaning(without.template));
      expect(withFlags.stackTags).toEqual(without.stackTags);
    },
  );

  test("the stack itself keeps the connector's tags under explicitStackTags", () => {
    expect(cdkJson.context["@aws-cdk/core:explicitStackTags"]).toBe(true);
    expect(synth("aws-single-account.yaml", cdkJson.context).stackTags).toEqual({ owner: "platform-team" });
  });
});

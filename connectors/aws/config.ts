import { z } from "zod";
import { propagationWaitField } from "../common/propagation";
import { AWS_PROPAGATION } from "./propagation";
import {
  awsAccountId,
  connectorName,
  iamPolicyArn,
  iamPrincipalArn,
  iamRoleName,
  rootOrgUnitId,
  tags,
} from "../../values/fields";
import { secretRefField } from "../../values/secret-ref";

/** The `aws` entry of a tenant config (guide: "Add an AWS Connector"). */
export const awsConnectorConfig = z.strictObject({
  kind: z.literal("aws").meta({
    description: "An AWS account or organization: a read-only role Insights assumes with an external ID.",
  }),
  name: connectorName,
  /** Account the stack (and, org-wide, the StackSet) is deployed from. */
  managementAccountId: awsAccountId.meta({
    description:
      "The 12-digit ID of the AWS account you deploy the stack to. With `organization` that is the " +
      "organization's management account; for a single account, it is that account's own ID.",
  }),
  /** Principal from the Insights CloudFormation template that assumes the role. */
  trustedPrincipal: iamPrincipalArn.meta({
    description:
      "The principal that assumes the role: the one in the Insights CloudFormation template " +
      "(Insights connection panel), e.g. arn:aws:iam::222222222222:root.",
  }),
  /**
   * External ID shown in the Insights connection panel, for a tenant without a connector API
   * (`sheet`; with one, `up` asks Insights). Read only at deploy time (lifecycle/deploy-inputs.ts),
   * when the AWS engine passes it to `cdk deploy` as the NoEcho `BtConnectorExternalId`
   * parameter; plan shows the reference, never the value.
   */
  externalId: secretRefField.meta({
    description:
      "A secret reference (`env:NAME` or `file:PATH`) to the external ID shown in the Insights connection " +
      "panel, for a `sheet` tenant (with the API, `up` asks Insights). Read only at deploy time; the role " +
      "trusts `trustedPrincipal` only with this `sts:ExternalId`.",
  }),
  /** Deploy the role to every account under the root OU; omit for a single account. */
  organization: z
    .strictObject({
      rootOrgUnitId: rootOrgUnitId.meta({
        description:
          "The AWS Organizations root ID (Organizations > AWS accounts > Root), like r-ab12: a " +
          "service-managed StackSet puts the role in every account under it.",
      }),
    })
    .optional()
    .meta({
      description:
        "Omit for a single account; with `rootOrgUnitId` the role also goes to every member account " +
        "(deploy from the management account, with trusted access for StackSets on).",
    }),
  roleName: iamRoleName.default("BeyondTrustInsightsReadOnly").meta({
    description: "Name of the read-only role Insights assumes (in every member account too, org-wide).",
  }),
  /** Permissions boundary attached to the role. */
  permissionsBoundary: iamPolicyArn.optional().meta({
    description: "ARN of a managed policy set as the role's permissions boundary; none by default.",
  }),
  maxSessionDurationSeconds: z
    .number()
    .int()
    .min(3600, "must be at least 3600 (1 hour)")
    .max(43200, "must be at most 43200 (12 hours)")
    .default(3600)
    .meta({ description: "How long an Insights session with the role lasts, in seconds: 3600 (1 hour) to 43200." }),
  tags: tags.default({}),
  /**
   * How long `up` keeps asking Insights to check this connector again after a deploy while the
   * source takes its new or changed identity, before calling it failed (minutes, 0 to 60).
   */
  propagationWaitMinutes: propagationWaitField(AWS_PROPAGATION),
});
export type AwsConnectorConfig = z.output<typeof awsConnectorConfig>;

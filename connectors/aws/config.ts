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
  kind: z.literal("aws"),
  name: connectorName,
  /** Account the stack (and, org-wide, the StackSet) is deployed from. */
  managementAccountId: awsAccountId,
  /** Principal from the Insights CloudFormation template that assumes the role. */
  trustedPrincipal: iamPrincipalArn,
  /**
   * External ID shown in the Insights connection panel, for a tenant without a connector API
   * (`sheet`; with one, `up` asks Insights). Read only at deploy time (lifecycle/deploy-inputs.ts),
   * when the AWS engine passes it to `cdk deploy` as the NoEcho `BtConnectorExternalId`
   * parameter; plan shows the reference, never the value.
   */
  externalId: secretRefField,
  /** Deploy the role to every account under the root OU; omit for a single account. */
  organization: z.strictObject({ rootOrgUnitId }).optional(),
  roleName: iamRoleName.default("BeyondTrustInsightsReadOnly"),
  /** Permissions boundary attached to the role. */
  permissionsBoundary: iamPolicyArn.optional(),
  maxSessionDurationSeconds: z
    .number()
    .int()
    .min(3600, "must be at least 3600 (1 hour)")
    .max(43200, "must be at most 43200 (12 hours)")
    .default(3600),
  tags: tags.default({}),
  /**
   * How long `up` keeps asking Insights to check this connector again after a deploy while the
   * source takes its new or changed identity, before calling it failed (minutes, 0 to 60).
   */
  propagationWaitMinutes: propagationWaitField(AWS_PROPAGATION),
});
export type AwsConnectorConfig = z.output<typeof awsConnectorConfig>;

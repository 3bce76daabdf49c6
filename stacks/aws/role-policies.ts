import { SECURITY_AUDIT_POLICY_ARN } from "../../connectors/aws/grants";
import { IDENTITY_READ_ACTIONS } from "../../connectors/aws/read-actions";

/**
 * What the Insights role may do, read from the catalog (connectors/aws): the managed policy
 * and the exact read actions `awsGrants` lists with their origins. They do not depend on a
 * connector's settings (only the trust and the StackSet target do), so the role needs no
 * tenant entry; test/stacks/aws/library.test.ts holds them equal to `awsGrants`.
 */
export function insightsRolePolicies(): { managedPolicyArns: string[]; actions: string[] } {
  return { managedPolicyArns: [SECURITY_AUDIT_POLICY_ARN], actions: Object.values(IDENTITY_READ_ACTIONS).flat() };
}

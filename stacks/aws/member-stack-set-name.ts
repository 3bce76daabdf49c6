/**
 * Name of the StackSet that puts the role in every member account. Its own small module:
 * `verify` reads the StackSet back by this name without loading aws-cdk-lib.
 */
export function memberStackSetName(stackName: string): string {
  return `${stackName}-member-accounts`;
}

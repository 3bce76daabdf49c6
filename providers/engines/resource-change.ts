/**
 * What a preview says about one resource. `declared`: the resource is in the synthesized stack,
 * and nothing compared it with what is deployed (no credentials, or the engine could not run).
 */
export type ResourceAction = "create" | "update" | "replace" | "delete" | "no-op" | "read" | "declared";

/** One resource of a preview, in the engine's own terms. */
export interface ResourceChange {
  /** The engine's address: Terraform's `type.name["key"]`, a CloudFormation logical ID, a Pulumi resource name. */
  readonly address: string;
  /** The type as the engine names it: `AWS::IAM::Role`, `azuread_application`, `okta:app/oAuth:OAuth`. */
  readonly type: string;
  readonly action: ResourceAction;
  /** Why, in the engine's words, when it says (Terraform's `reason`, CloudFormation's `MAY_REPLACE`). */
  readonly reason?: string;
}

/** Resources in a stable order: by address. */
export function byAddress(changes: readonly ResourceChange[]): ResourceChange[] {
  return [...changes].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

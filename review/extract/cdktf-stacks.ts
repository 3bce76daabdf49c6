import type { ExtractedGrant } from "../../plan/extracted-grant";
import { azureRoleAssignmentGrants } from "./azure-role-assignments";
import { entraAppRoleGrants } from "./entra-app-roles";
import { gcpOrganizationRoleGrants } from "./gcp-organization-roles";
import { gcpProjectServiceGrants } from "./gcp-project-services";
import { pingoneRoleAssignmentGrants } from "./pingone-role-assignments";
import { gcpProviderSideEffects } from "./provider-side-effects";
import type { CdktfKind, TerraformExtractor, TerraformJson } from "./terraform-json";

export type { CdktfKind } from "./terraform-json";

/** The resource families each CDKTF stack creates grants with, one extractor per family. */
const EXTRACTORS: Record<CdktfKind, readonly TerraformExtractor<ExtractedGrant>[]> = {
  azure: [entraAppRoleGrants, azureRoleAssignmentGrants],
  gcp: [gcpOrganizationRoleGrants, gcpProjectServiceGrants, gcpProviderSideEffects],
  pingone: [pingoneRoleAssignmentGrants],
};

/** Everything a synthesized CDKTF stack of `kind` grants, read from its `cdk.tf.json`. */
export function cdktfStackGrants(kind: CdktfKind, json: TerraformJson, artifact: string): ExtractedGrant[] {
  return EXTRACTORS[kind].flatMap((extract) => extract(json, artifact));
}

import type { ExtractedGrant } from "../../plan/extracted-grant";
import type { TerraformExtractor, TerraformJson } from "./terraform-json";

/**
 * Everything a synthesized CDKTF stack grants, read from its `cdk.tf.json` by the extractors of
 * the resource families its kind's stack grants with (the kind's adapter, kinds/, lists them).
 */
export function cdktfStackGrants(
  extractors: readonly TerraformExtractor<ExtractedGrant>[],
  json: TerraformJson,
  artifact: string,
): ExtractedGrant[] {
  return extractors.flatMap((extract) => extract(json, artifact));
}

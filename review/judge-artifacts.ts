import type { Plan } from "../plan/model";
import { plannedConnectors } from "../plan/select";
import { readArtifactFolder } from "./artifact-folder";
import { attachArtifacts } from "./attach";
import { readSynthesized } from "./extract";
import type { SynthesisSetup } from "./parallel";

/**
 * The head's plan as this code judges it, in a pull request's gate: `plan` is this code's plan
 * of the head's config, and the grants come from the head's artifacts (`dir`, written by the
 * head's `plan --artifacts-dir`), read with this code's extractors and access classifiers.
 * Nothing of the head's code runs. The head's artifacts are not compared with this code's
 * catalog: a pull request that changes the catalog would always differ, and `diff` judges what
 * the artifacts grant against the base's plan, rule by rule.
 */
export async function planFromArtifacts(
  plan: Plan,
  dir: string,
  setup: Pick<SynthesisSetup, "syntheses">,
): Promise<Plan> {
  const connectors = plannedConnectors(plan);
  const artifacts = readArtifactFolder(dir, connectors);
  const extracted = await readSynthesized(connectors, artifacts, setup);
  return attachArtifacts(plan, extracted, { compareWithCatalog: false }).plan;
}

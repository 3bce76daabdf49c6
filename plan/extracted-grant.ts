import type { Grant } from "../connectors/grant";

/** A grant as found in an artifact an engine will apply: no origin, but where it was found. */
export type ExtractedGrant = Pick<Grant, "source" | "scope" | "kind" | "name" | "access" | "condition"> & {
  /** File or resource the grant was read from, e.g. `acme-prod-aws.template.json Resources.InsightsRole…`. */
  readonly artifact: string;
};

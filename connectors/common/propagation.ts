import { z } from "zod";

/**
 * How long a source may take before a new or changed identity works everywhere, so `up` keeps
 * asking Insights to check a connector that is not yet Connected instead of calling it failed.
 * A per-kind rule (connectors/<kind>/propagation.ts): the vendor's own figure where it states
 * one, quoted with its page; otherwise the toolkit's choice, said to be one.
 */
export interface PropagationRule {
  /** What propagates, in progress lines and messages: `Google Cloud IAM`. */
  readonly source: string;
  /** The default wait in minutes: the vendor's figure, or the toolkit's choice. */
  readonly defaultMinutes: number;
  /** The vendor's statement, quoted; absent when the vendor states no figure. */
  readonly statement?: string;
  /** Where the statement is, or, without one, why the default is what it is. */
  readonly origin: string;
}

/** The longest wait a config may set: beyond an hour, a failure is not propagation. */
export const MAX_PROPAGATION_WAIT_MINUTES = 60;

/** The `propagationWaitMinutes` field of a kind whose deploy creates or changes an identity. */
export function propagationWaitField(rule: PropagationRule) {
  return z
    .number()
    .int()
    .min(0, "must be 0 (no wait) or more minutes")
    .max(MAX_PROPAGATION_WAIT_MINUTES, `must be at most ${MAX_PROPAGATION_WAIT_MINUTES} minutes`)
    .default(rule.defaultMinutes)
    .meta({
      description:
        `How long \`up\` keeps asking Insights to check this connector again after a deploy, while the new or changed identity ` +
        `propagates through ${rule.source}, before calling it failed: minutes, 0 to ${MAX_PROPAGATION_WAIT_MINUTES} ` +
        `(default ${rule.defaultMinutes}: ${rule.statement ? `the vendor's figure, "${rule.statement}" (${rule.origin})` : rule.origin}).`,
    });
}

/** The label a wait is shown with: the source and where its figure comes from. */
export function propagationLabel(rule: PropagationRule, minutes: number): string {
  const figure = rule.statement ? `the vendor's figure` : "no vendor figure; the toolkit's default";
  return `${rule.source} to propagate (${minutes} min; ${minutes === rule.defaultMinutes ? figure : "from the config"})`;
}

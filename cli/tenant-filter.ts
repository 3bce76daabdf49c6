import type { ConfigOf, KindName } from "../connectors/catalog";
import { loadConfig } from "../config/load";
import type { ToolkitConfig } from "../config/types";
import { buildPlan } from "../plan/build";
import type { PlannedConnector } from "../plan/model";
import { plannedOfKind } from "../plan/select";
import { didYouMean } from "../values/did-you-mean";
import { UsageError } from "./io";

/** `; did you mean "acme-prod"?` for each unknown word that is close to a known one. */
export function suggestions(unknown: readonly string[], known: readonly string[]): string {
  return unknown.map((word) => didYouMean(word, known)).join("");
}

/** Rejects `--tenant` names the config does not have, listing the ones it has. */
export function checkTenantNames(config: ToolkitConfig, requested: readonly string[] | undefined, file: string): void {
  const known = config.tenants.map((t) => t.name);
  const unknown = (requested ?? []).filter((t) => !known.includes(t));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown tenant ${unknown.join(", ")} in ${file}; it has: ${known.join(", ")}${suggestions(unknown, known)}`,
    );
}

export interface OneConnectorChoice {
  readonly config: string;
  readonly tenant: string;
  /** The connector's name, when the tenant has several of the kind. */
  readonly name?: string;
  /** What to call it in messages (`github connector`) and the flag that names it (`--connector`). */
  readonly noun: string;
  readonly flag: string;
}

/** The one connector of a kind a command acts on: by tenant, and by name when a tenant has several. */
export function chooseOneConnector<K extends KindName>(
  kind: K,
  choice: OneConnectorChoice,
): PlannedConnector<ConfigOf<K>> {
  const config = loadConfig(choice.config);
  checkTenantNames(config, [choice.tenant], choice.config);
  const candidates = plannedOfKind(buildPlan(config, [choice.tenant]), kind).filter(
    (planned) => !choice.name || planned.name === choice.name,
  );
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0)
    throw new UsageError(
      `tenant ${choice.tenant} has no ${choice.noun}${choice.name ? ` named "${choice.name}"` : ""} in ${choice.config}`,
    );
  throw new UsageError(
    `tenant ${choice.tenant} has more than one ${choice.noun}; choose one with ${choice.flag} (${candidates.map((c) => `"${c.name}"`).join(", ")})`,
  );
}

/** A command-line number that must be positive, e.g. `--timeout 30`. */
export function positiveNumber(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, got ${value}`);
  return n;
}

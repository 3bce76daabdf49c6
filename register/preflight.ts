// Before `register` makes any call: every secret reference it is going to read, resolved
// now, and every problem reported at once (FILE:LINE:COL, like any config problem), so a
// user fixes all unset variables in one go instead of one per run.
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { ConfigError, formatPath, sortProblems, type ConfigProblem } from "../config/problems";
import { locate } from "../config/locate";
import { SecretRef } from "../values/secret-ref";
import type { ToolkitConfig } from "../config/types";
import { buildPlan } from "../plan/build";

export interface PreflightOptions {
  readonly tenants?: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Every tenant goes to this emulator: no Insights token is read, sheet tenants are registered too. */
  readonly emulatorUrl?: string;
  /** Sheet tenants read their secrets only to reveal them. */
  readonly revealSecrets?: boolean;
}

interface Reference {
  readonly ref: SecretRef;
  readonly path: readonly PropertyKey[];
}

/** Every secret reference in a loaded config value (a connector, a tenant, the whole file), with where it sits. */
export function referencesIn(value: unknown, path: readonly PropertyKey[] = []): Reference[] {
  if (value instanceof SecretRef) return [{ ref: value, path }];
  if (Array.isArray(value)) return value.flatMap((v, i) => referencesIn(v, [...path, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => referencesIn(v, [...path, k]));
  return [];
}

/** The environment variables a loaded config's `env:` references name, each once, in file order. */
export function envReferenceNames(config: ToolkitConfig): string[] {
  const names = referencesIn(config.tenants).flatMap(({ ref }) => (ref.scheme === "env" ? [ref.target] : []));
  return [...new Set(names)];
}

/** The references register reads for the selected tenants, each with its place in the file. */
export function referencesToResolve(config: ToolkitConfig, options: PreflightOptions): Reference[] {
  const wanted: Reference[] = [];
  for (const planned of buildPlan(config, options.tenants).tenants) {
    const t = config.tenants.findIndex((tenant) => tenant.name === planned.name);
    const { insights } = config.tenants[t];
    if (!options.emulatorUrl && insights.adapter === "http" && insights.token) {
      wanted.push({ ref: insights.token, path: ["tenants", t, "insights", "token"] });
    }
    if (insights.adapter === "sheet" && !options.emulatorUrl && !options.revealSecrets) continue;
    for (const connector of planned.connectors.filter((c) => c.provisioning.mode !== "integration")) {
      const c = connector.position;
      const sent = new Set(
        connector.registration.flatMap((f) =>
          f.enteredIn !== "installer" && f.value.from === "secret" ? [f.value.ref] : [],
        ),
      );
      wanted.push(
        ...referencesIn(connector.config, ["tenants", t, "connectors", c]).filter(({ ref }) =>
          sent.has(ref.toString()),
        ),
      );
    }
  }
  return wanted;
}

/** Throws a {@link ConfigError} listing every reference that does not resolve; values are never kept. */
export function checkSecretsResolve(config: ToolkitConfig, options: PreflightOptions): void {
  const failures: { path: readonly PropertyKey[]; message: string }[] = [];
  for (const { ref, path } of referencesToResolve(config, options)) {
    try {
      ref.resolve(config.dir, options.env);
    } catch (error) {
      failures.push({ path, message: `${(error as Error).message} (register reads it)` });
    }
  }
  if (failures.length === 0) return;
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(config.file, "utf8"), { lineCounter: lines });
  const problems: ConfigProblem[] = failures.map(({ path, message }) => ({
    file: config.file,
    ...locate(doc, lines, path),
    path: formatPath(path),
    message,
  }));
  throw new ConfigError(sortProblems(problems));
}

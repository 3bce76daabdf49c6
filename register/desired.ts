import { kindOf } from "../connectors/catalog";
import type { ConnectorKind } from "../connectors/kind";
import { parseSecretRef, SecretRef, SecretResolutionError } from "../values/secret-ref";
import { SecretValue } from "../values/secret-value";
import type { PlannedConnector } from "../plan/model";
import { revealValues, type RegistrationValues } from "../providers/insights/adapter";
import type { StackOutputs } from "./outputs";
import { InvalidConfigError } from "../values/errors";

/** One connector as Insights should have it: the form's values, secrets wrapped. */
export interface DesiredConnector {
  readonly tenant: string;
  readonly kind: string;
  readonly name: string;
  readonly values: RegistrationValues;
  /** Keys of the fields that are secret. */
  readonly secretFields: ReadonlySet<string>;
}

/** A value the registration needs is not available; says which field and where it should come from. */
export class MissingValueError extends InvalidConfigError {}

export interface ValueSources {
  /** Folder of the config file, for `file:` references. */
  readonly configDir: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The connector's stack outputs, when it has a stack. */
  readonly outputs?: StackOutputs;
}

/**
 * Resolves each field of a planned registration: config literals as they are, secret
 * references read now, stack outputs from the deployed stack. Collector fields typed
 * into the installer are not sent. The result is checked against the kind's form.
 */
export function desiredConnector(tenant: string, planned: PlannedConnector, sources: ValueSources): DesiredConnector {
  const values: RegistrationValues = {};
  const secretFields = new Set<string>();
  for (const field of planned.registration) {
    if (field.enteredIn === "installer") continue;
    const source = field.value;
    let value: string | undefined;
    if (source.from === "config") value = source.value;
    else if (source.from === "secret") value = resolveRef(source.ref, sources);
    else if (source.from === "output") {
      value = sources.outputs?.[source.output];
      if (value === undefined) {
        const stack = planned.provisioning.mode === "stack" ? planned.provisioning.stackName : "its stack";
        throw new MissingValueError(
          `"${field.label}" needs output ${source.output} of stack ${stack}: deploy the stack, or pass its outputs with --outputs`,
        );
      }
    }
    if (value === undefined) continue;
    values[field.key] = field.secret ? new SecretValue(value) : value;
    if (field.secret) secretFields.add(field.key);
  }
  checkAgainstForm(kindOf({ kind: planned.kind, name: planned.name }) as ConnectorKind<any>, values);
  return { tenant, kind: planned.kind, name: planned.name, values, secretFields };
}

function resolveRef(text: string, sources: ValueSources): string {
  const ref = parseSecretRef(text);
  if (!(ref instanceof SecretRef)) throw new MissingValueError(ref);
  try {
    return ref.resolve(sources.configDir, sources.env);
  } catch (error) {
    if (error instanceof SecretResolutionError) throw new MissingValueError(error.message);
    throw error;
  }
}

/** Catches a wrong value before any call, naming the field and never the value. */
function checkAgainstForm(kind: ConnectorKind<any>, values: RegistrationValues): void {
  const result = kind.registration.apiSchema.safeParse(revealValues(values));
  if (result.success) return;
  const label = (key: string) => kind.registration.fields.find((f) => f.key === key)?.label ?? key;
  throw new MissingValueError(result.error.issues.map((i) => `"${label(String(i.path[0]))}" ${i.message}`).join("; "));
}

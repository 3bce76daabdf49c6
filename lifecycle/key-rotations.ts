import { join } from "node:path";
import { kindOf, type ConnectorConfig } from "../connectors/catalog";
import { keyRotation } from "../connectors/common/credential-rotation";
import { beginGcpKeyRotation, completeGcpKeyRotation, FIRST_GCP_KEY_SLOTS } from "../connectors/gcp/key-rotation";
import { beginOktaKeyRotation, completeOktaKeyRotation, oktaKeySlots } from "../connectors/okta/key-rotation";
import { terraformOutputSource, type StackOutputs } from "../register/outputs";
import type { ConnectorEngine } from "./engine-port";
import type { KeySlots, OverlapRotation } from "./rotate";

/** Where a deployed stack's key slots are read back from. */
export interface KeySlotSources {
  /** A CDKTF stack's outputs (`terraform output`); undefined before its first apply. */
  terraformOutputs(stackName: string): Promise<StackOutputs | undefined>;
  /** The Okta stack's `keySlots` config; null when the stack has none yet, undefined when it does not exist. */
  oktaKeySlots(stackName: string): Promise<unknown | null | undefined>;
}

/** The GCP stack's module brings the Google provider bindings (seconds to load): only when a GCP key rotates. */
function gcpStack(): typeof import("../stacks/gcp/connector-service-account") {
  return require("../stacks/gcp/connector-service-account") as typeof import("../stacks/gcp/connector-service-account");
}

/** Due by the connector's `keyRotationDays`; a key of unknown age is due, so its age becomes known. */
function dueByAge(connector: { readonly keyRotationDays: number }) {
  return (slots: KeySlots, now: Date) =>
    !slots.current.createdAt || keyRotation(new Date(slots.current.createdAt), connector, now).due;
}

/**
 * The rotating key of a connector, wired to its stack: the GCP service account key (Terraform
 * variable `service_account_key_generations`, slots read back from the outputs) and the Okta
 * key (the Pulumi stack's `keySlots` config). Other kinds rotate inside their apply, or not at all.
 */
export function keyRotationFor(
  connector: ConnectorConfig,
  engine: ConnectorEngine,
  sources: KeySlotSources,
): OverlapRotation | undefined {
  const rotation = kindOf(connector).credentialRotation;
  if (rotation?.by !== "key-slots") return undefined;
  const stack = engine.step.stackName;
  // The kind says its key rotates by slots; where its stack keeps them is the engine's business.
  if (connector.kind === "gcp") {
    return {
      credential: rotation.credential,
      read: async () => {
        const outputs = await sources.terraformOutputs(stack);
        return outputs ? gcpStack().gcpKeySlotsFromOutputs(outputs) : undefined;
      },
      // The provider reports the key's creation (`valid_after`); the first apply needs only the generation.
      first: () => FIRST_GCP_KEY_SLOTS,
      due: dueByAge(connector),
      begin: beginGcpKeyRotation,
      complete: completeGcpKeyRotation,
      parameters: (slots) => gcpStack().gcpKeyGenerationsVariables(slots),
    };
  }
  if (connector.kind === "okta") {
    return {
      credential: rotation.credential,
      read: async () => {
        const raw = await sources.oktaKeySlots(stack);
        if (raw === undefined) return undefined;
        // A stack from before key slots holds one key, generation 1, of unknown age.
        return raw === null ? { current: { generation: 1 } } : oktaKeySlots.parse(raw);
      },
      first: (now) => ({ current: { generation: 1, createdAt: now.toISOString() } }),
      due: dueByAge(connector),
      begin: beginOktaKeyRotation,
      complete: completeOktaKeyRotation,
      parameters: (slots) => ({ keySlots: JSON.stringify(slots) }),
    };
  }
  return undefined;
}

/** Parameters a destroy needs: the GCP stack's variable is required by every plan, and any valid list will do. */
export function destroyParameters(connector: ConnectorConfig): Record<string, string> | undefined {
  return connector.kind === "gcp" ? gcpStack().gcpKeyGenerationsVariables(FIRST_GCP_KEY_SLOTS) : undefined;
}

/** The real sources: `terraform output` in the synthesized stack, the Pulumi stack's config in the local backend. */
export function engineKeySlotSources(settings: {
  readonly cdktfOut: string;
  readonly stateDir: string;
}): KeySlotSources {
  const terraform = terraformOutputSource(settings.cdktfOut);
  return {
    terraformOutputs: (stackName) => terraform.outputs(stackName, "cdktf"),
    async oktaKeySlots(stackName) {
      const { LocalWorkspace } = await import("@pulumi/pulumi/automation");
      const { OKTA_KEY_SLOTS_CONFIG } = await import("../stacks/okta/program");
      // The same backend and workspace as the Okta engine and `register`'s Pulumi output source.
      const backend = join(settings.stateDir, "pulumi");
      const workspace = { stackName, workDir: join(backend, "workspace") };
      const stack = await LocalWorkspace.selectStack(workspace, {
        envVars: { PULUMI_BACKEND_URL: `file://${backend}` },
      }).catch(() => undefined);
      if (!stack) return undefined;
      const entry = Object.entries(await stack.getAllConfig()).find(([key]) =>
        key.endsWith(`:${OKTA_KEY_SLOTS_CONFIG}`),
      );
      return entry ? JSON.parse(entry[1].value) : null;
    },
  };
}

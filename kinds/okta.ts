import type { oktaStackOutputs } from "../stacks/okta/program";
import type { StackAdapter } from "./adapter";

/** The Okta stack's outputs, by name (a type only: the program's module loads Pulumi). */
type OktaOutput = keyof ReturnType<typeof oktaStackOutputs>;

/** Okta: the Pulumi program; its key rotates by key slots that `up` walks. */
export const oktaAdapter: StackAdapter<"okta"> = {
  stack: async () => (await import("../review/extract/okta-program")).declareOktaProgram,
  extract: async () => {
    const [{ oktaProgramGrants }, { oktaKeyLifetimes }] = await Promise.all([
      import("../review/extract/okta-program-grants"),
      import("../review/extract/okta-key-lifetime"),
    ]);
    return (declared, connector, artifact) => ({
      grants: oktaProgramGrants(declared, connector, artifact),
      lifetimes: oktaKeyLifetimes(declared, artifact),
    });
  },
  reader: async () => (await import("../verify/readers/okta")).oktaReader,
  // The registered key slot's creation (an output of the program, checked by the compiler), by `keyRotationDays`.
  rotation: { createdAt: "keyCreatedAt" satisfies OktaOutput, periodDays: "keyRotationDays" },
  engine: async () => (await import("../lifecycle/engines/okta-pulumi")).oktaPulumiEngine,
};

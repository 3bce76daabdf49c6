import { oktaPulumiEngine } from "../lifecycle/engines/okta-pulumi";
import type { StackAdapter } from "./adapter";

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
  // stacks/okta/program.ts `oktaStackOutputs`: the registered key slot's creation, rotated by `keyRotationDays`.
  rotation: { createdAt: "keyCreatedAt", periodDays: "keyRotationDays" },
  engine: oktaPulumiEngine,
};

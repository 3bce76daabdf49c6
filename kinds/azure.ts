import type { StackAdapter } from "./adapter";

/** Entra ID and Azure: the CDKTF stack; its client secret rotates by two slots that `up` walks. */
export const azureAdapter: StackAdapter<"azure"> = {
  stack: async () => (await import("../stacks/azure/entra-connector-stack")).entraConnectorStack,
  extract: async () => [
    (await import("../review/extract/entra-app-roles")).entraAppRoleGrants,
    (await import("../review/extract/azure-role-assignments")).azureRoleAssignmentGrants,
  ],
  reader: async () => (await import("../verify/readers/azure")).azureReader,
  // stacks/azure/entra-connector-stack.ts: the registered secret's `start_date`, rotated by `secretRotationDays`.
  rotation: { createdAt: "client_secret_created_at", periodDays: "secretRotationDays" },
  engine: async () => (await import("../lifecycle/engines/cdktf")).cdktfEngine,
};

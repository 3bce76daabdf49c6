import type { StackAdapter } from "./adapter";

/** Entra ID and Azure: the CDKTF stack; its client secret rotates in the apply (`time_rotating`). */
export const azureAdapter: StackAdapter<"azure"> = {
  stack: async () => (await import("../stacks/azure/entra-connector-stack")).entraConnectorStack,
  extract: async () => [
    (await import("../review/extract/entra-app-roles")).entraAppRoleGrants,
    (await import("../review/extract/azure-role-assignments")).azureRoleAssignmentGrants,
  ],
  reader: async () => (await import("../verify/readers/azure")).azureReader,
  // stacks/azure/entra-connector-stack.ts: the secret's `time_rotating` due time, by `secretRotationDays`.
  rotation: { dueAt: "client_secret_rotation_due", periodDays: "secretRotationDays" },
  engine: async () => (await import("../lifecycle/engines/cdktf")).cdktfEngine,
};

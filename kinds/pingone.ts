import type { StackAdapter } from "./adapter";

/** PingOne: the CDKTF stack on the hand-written provider bindings; its secret rotates in the apply. */
export const pingoneAdapter: StackAdapter<"pingone"> = {
  stack: async () => (await import("../stacks/pingone/pingone-connector-stack")).pingoneConnectorStack,
  extract: async () => [(await import("../review/extract/pingone-role-assignments")).pingoneRoleAssignmentGrants],
  reader: async () => (await import("../verify/readers/pingone")).pingoneReader,
  // stacks/pingone/pingone-connector-stack.ts: the secret's `time_rotating` due time, by `secretRotationDays`.
  rotation: { dueAt: "client_secret_rotation_due", periodDays: "secretRotationDays" },
  engine: async () => (await import("../lifecycle/engines/cdktf")).cdktfEngine,
};

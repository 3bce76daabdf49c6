import type { StackAdapter } from "./adapter";

/** Google Cloud: the CDKTF stack; its service account key rotates by key slots that `up` walks. */
export const gcpAdapter: StackAdapter<"gcp"> = {
  stack: async () => (await import("../stacks/gcp/gcp-connector-stack")).gcpConnectorStack,
  extract: async () => [
    (await import("../review/extract/gcp-organization-roles")).gcpOrganizationRoleGrants,
    (await import("../review/extract/gcp-project-services")).gcpProjectServiceGrants,
    (await import("../review/extract/provider-side-effects")).gcpProviderSideEffects,
  ],
  reader: async () => (await import("../verify/readers/gcp")).gcpReader,
  // stacks/gcp/gcp-connector-stack.ts: the registered key's `valid_after`, rotated by `keyRotationDays`.
  rotation: { createdAt: "service_account_key_created_at", periodDays: "keyRotationDays" },
  engine: async () => (await import("../lifecycle/engines/cdktf")).cdktfEngine,
};

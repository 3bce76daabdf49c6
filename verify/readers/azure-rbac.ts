import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { CallDeadline } from "../../providers/http/call-deadline";
import { azureRbacRoleAccess } from "../../review/access/azure-rbac-role";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { UnreadableSourceError, type ReadContext } from "../reading";
import { sourceEndpoint } from "../source-endpoint";
import { reasonOf, type EntraCredential } from "./entra-client";

const ARM_URL = "https://management.azure.com";
/** The SDK needs one, though role assignments at a scope never use it. */
const UNUSED_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
/** A ceiling on role assignments read: a principal with more is not the connector's. */
const MAX_ASSIGNMENTS = 1000;

/**
 * `/providers/Microsoft.Management/managementGroups/{tenant}` → the catalog's scope;
 * any other scope as ARM spells it.
 */
export function rbacScope(armScope: string, tenantId: string): string {
  const group = armScope.match(/^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i)?.[1];
  if (group) return `azure-management-group:${group.toLowerCase() === tenantId.toLowerCase() ? tenantId : group}`;
  return `azure-scope:${armScope}`;
}

/**
 * The service principal's Azure RBAC roles, through `@azure/arm-authorization` 9.0.0:
 * role assignments of the principal at, above and below the tenant root management group
 * (`$filter=principalId eq '{id}'`, types/arm-authorization.d.ts
 * RoleAssignmentsListForScopeOptionalParams), each role named by its definition. `INSIGHTS_ARM_URL`
 * moves ARM (`endpoint`, AuthorizationManagementClientOptionalParams; the token scope follows it).
 * Needs `Microsoft.Authorization/roleAssignments/read` and `roleDefinitions/read` there (Reader has both).
 */
export async function readRbacRoles(
  context: ReadContext,
  { credential, secret }: EntraCredential,
  tenantId: string,
  principalId: string,
): Promise<ExtractedGrant[]> {
  const { requestTimeoutMs, maxAttempts } = context.limits;
  const endpoint = (context.env.INSIGHTS_ARM_URL || ARM_URL).replace(/\/+$/, "");
  sourceEndpoint(endpoint, context.env.INSIGHTS_ARM_URL ? "INSIGHTS_ARM_URL" : "Azure Resource Manager"); // the token goes there
  const client = new AuthorizationManagementClient(credential, UNUSED_SUBSCRIPTION, {
    endpoint,
    credentialScopes: [`${endpoint}/.default`],
    retryOptions: { maxRetries: maxAttempts - 1 },
  });
  // One timer per request (providers/http/call-deadline.ts), all cleared when the read ends.
  const deadlines: CallDeadline[] = [];
  const options = () => {
    const deadline = new CallDeadline(requestTimeoutMs, context.signal);
    deadlines.push(deadline);
    return { abortSignal: deadline.signal, requestOptions: { timeout: requestTimeoutMs } };
  };
  const root = `providers/Microsoft.Management/managementGroups/${tenantId}`;
  const what = `role assignments of ${principalId} under management group ${tenantId}`;
  try {
    const grants: ExtractedGrant[] = [];
    const names = new Map<string, string>();
    const pages = client.roleAssignments.listForScope(root, {
      filter: `principalId eq '${principalId}'`,
      ...options(),
    });
    for await (const assignment of pages) {
      if (grants.length >= MAX_ASSIGNMENTS)
        throw new UnreadableSourceError(what, `more than ${MAX_ASSIGNMENTS}; stopped`);
      const definitionId = assignment.roleDefinitionId ?? "";
      if (!names.has(definitionId)) {
        const definition = await client.roleDefinitions.getById(definitionId.replace(/^\/+/, ""), options());
        names.set(definitionId, definition.roleName ?? definitionId);
      }
      const name = names.get(definitionId)!;
      grants.push({
        source: "azure",
        scope: rbacScope(assignment.scope ?? "", tenantId),
        kind: "azure-rbac-role",
        name,
        access: azureRbacRoleAccess(name),
        artifact: `role assignment ${assignment.name ?? assignment.id ?? "?"}`,
      });
    }
    return grants;
  } catch (error) {
    if (error instanceof UnreadableSourceError) throw error;
    throw new UnreadableSourceError(what, reasonOf(error, secret), { cause: error });
  } finally {
    deadlines.forEach((deadline) => deadline.clear());
  }
}

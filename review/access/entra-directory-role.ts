import type { AccessLevel } from "../../connectors/grant";

/*
 * Microsoft Entra built-in directory roles by template ID, as "Microsoft Entra built-in roles"
 * lists them (MicrosoftDocs/entra-docs, docs/identity/role-based-access-control/permissions-reference.md,
 * commit 00fe95d60143bbf5f832cdd8bb74765b182c2d8f, table "All roles").
 */

/** Roles whose description only reads: "Can read …", "Read everything … but not update anything". */
const READ_ROLES: ReadonlyMap<string, string> = new Map([
  ["88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers"],
  ["f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader"],
  ["5d6b6bb7-de71-4623-b4af-96380a352509", "Security Reader"],
  ["4a5d8f65-41da-4de4-8968-e035b65339cf", "Reports Reader"],
  ["790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b", "Message Center Reader"],
  ["75934031-6c7e-415a-99d7-48dbd49e875e", "Usage Summary Reports Reader"],
  ["1076ac91-f3d9-41a7-a339-dcdf5f480acc", "Teams Reader"],
]);

/** Roles the page marks "Privileged" that can change something: whoever holds one can take over more. */
const ADMIN_ROLES: ReadonlyMap<string, string> = new Map([
  ["62e90394-69f5-4237-9190-012177145e10", "Global Administrator"],
  ["e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator"],
  ["7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator"],
  ["9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator"],
  ["158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator"],
  ["cf1c38e5-3621-4004-a7cb-879624dced7c", "Application Developer"],
  ["c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator"],
  ["25a516ed-2fa0-40ea-a2d0-12923a21473a", "Authentication Extensibility Administrator"],
  ["ecb2c6bf-0ab6-418e-bd87-7986f8d63bbe", "Attribute Provisioning Administrator"],
  ["aaf43236-0c0d-4d5f-883a-6955382ac081", "B2C IEF Keyset Administrator"],
  ["7698a772-787b-4ac8-901f-60d6b08affd2", "Cloud Device Administrator"],
  ["b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", "Conditional Access Administrator"],
  ["9360feb5-f418-4baa-8175-e2a00bac4301", "Directory Writers"],
  ["8329153b-31d0-4727-b945-745eb3bc5f31", "Domain Name Administrator"],
  ["be2f45a1-457d-42af-a067-6ec1fa63bc45", "External Identity Provider Administrator"],
  ["729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator"],
  ["8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", "Hybrid Identity Administrator"],
  ["3a2c62db-5318-420d-8d74-23affee5d9d5", "Intune Administrator"],
  ["59d46f88-662b-457b-bceb-5c3809e5908f", "Lifecycle Workflows Administrator"],
  ["4ba39ca4-527c-499a-b93d-d9b492c50246", "Partner Tier1 Support"],
  ["e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8", "Partner Tier2 Support"],
  ["966707d0-3269-4727-9be2-8c3a10f19b9d", "Password Administrator"],
  ["194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator"],
  ["5f2222b1-57c3-48ba-8ad5-d4759f1fde6f", "Security Operator"],
  ["fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator"],
  ["db506228-d27e-4b7d-95e5-295956d6615f", "Agent ID Administrator"],
]);

/**
 * Access of a directory role assigned to the connector's service principal, by its template
 * ID (a role's display name can be reused by a custom role; the template ID of a built-in one
 * cannot). A custom role, or a built-in one listed in neither table, is write, never read.
 */
export function entraDirectoryRoleAccess(templateId: string | undefined): AccessLevel {
  const id = templateId?.toLowerCase() ?? "";
  if (READ_ROLES.has(id)) return "read";
  return ADMIN_ROLES.has(id) ? "admin" : "write";
}

/** The built-in role's name by template ID, when it is one of the classified roles. */
export function entraDirectoryRoleName(templateId: string | undefined): string | undefined {
  const id = templateId?.toLowerCase() ?? "";
  return READ_ROLES.get(id) ?? ADMIN_ROLES.get(id);
}

/**
 * The GitHub App permissions of guide steps 8 and 9, mapped from the label the guide
 * uses to the key GitHub's manifest and REST API use. All are "Read only".
 */
export const GITHUB_APP_PERMISSIONS: ReadonlyArray<{
  section: "Repository permissions" | "Organization permissions";
  label: string;
  key: string;
}> = [
  { section: "Repository permissions", label: "Administration", key: "administration" },
  { section: "Repository permissions", label: "Codespaces lifecycle admin", key: "codespaces_lifecycle_admin" },
  { section: "Repository permissions", label: "Metadata", key: "metadata" },
  { section: "Repository permissions", label: "Webhooks", key: "repository_hooks" },
  { section: "Organization permissions", label: "Administration", key: "organization_administration" },
  { section: "Organization permissions", label: "Blocking users", key: "organization_user_blocking" },
  { section: "Organization permissions", label: "Custom organization roles", key: "organization_custom_org_roles" },
  { section: "Organization permissions", label: "Custom repository roles", key: "organization_custom_roles" },
  { section: "Organization permissions", label: "Events", key: "organization_events" },
  { section: "Organization permissions", label: "Members", key: "members" },
  { section: "Organization permissions", label: "Webhooks", key: "organization_hooks" },
];

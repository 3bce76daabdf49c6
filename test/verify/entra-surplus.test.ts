import { ENTRA_SECRET_DISPLAY_NAME } from "../../connectors/azure/secret-lifetime";
import {
  credentialDrift,
  delegatedGrantDrift,
  directoryRoleDrift,
  ownerDrift,
} from "../../verify/readers/entra-surplus";

const SCOPE = "entra-tenant:t1";
const deployer = { id: "sp-ci", "@odata.type": "#microsoft.graph.servicePrincipal", displayName: "ci" };
const alice = { id: "u-alice", "@odata.type": "#microsoft.graph.user", displayName: "Alice" };

describe("Entra surplus: what makes the connector's identity more than its app roles", () => {
  test("a directory role is named by its built-in template, a custom lookalike never passes for it", () => {
    const drift = directoryRoleDrift(
      [
        { roleDefinition: { displayName: "Global Reader", templateId: "f2ef992c-3afb-46b9-b7cf-a126ee74c451" } },
        {
          directoryScopeId: "/administrativeUnits/au-1",
          roleDefinition: {
            displayName: "Global Administrator",
            templateId: "0000aaaa-0000-4000-8000-000000000001",
            isBuiltIn: false,
          },
        },
      ],
      SCOPE,
      "w",
    );
    expect(drift).toEqual([
      { change: "extra", subject: `entra-directory-role Global Reader @ ${SCOPE}`, access: "read", where: "w" },
      {
        change: "extra",
        subject: `entra-directory-role custom role Global Administrator @ ${SCOPE} (directory scope /administrativeUnits/au-1)`,
        access: "write",
        where: "w",
      },
    ]);
  });

  test("the one principal owning both objects is the deployer; any other owner is admin drift", () => {
    expect(ownerDrift([deployer], [deployer], "w")).toEqual([]);
    expect(ownerDrift([deployer, alice], [deployer], "w")).toEqual([
      { change: "extra", subject: "owner user Alice (u-alice) of the application", access: "admin", where: "w" },
    ]);
    // Nobody owns both: the deployer cannot be told, so every owner is named, with why.
    const unclear = ownerDrift([alice], [deployer], "w");
    expect(unclear.map((d) => d.subject)).toEqual([
      "owner user Alice (u-alice) of the application",
      "owner servicePrincipal ci (sp-ci) of the service principal",
    ]);
    expect(unclear[0]!.detail).toBe("the stack sets one owner, the identity that applied it; 0 own both");
  });

  test("the stack's named secret is no surplus; every other credential is admin", () => {
    const none = { keyCredentials: [], passwordCredentials: [] };
    const stackSecret = { keyId: "k1", displayName: ENTRA_SECRET_DISPLAY_NAME, endDateTime: "2027-01-01T00:00:00Z" };
    const where = { application: "app", principal: "sp" };
    expect(
      credentialDrift(
        { application: { keyCredentials: [], passwordCredentials: [stackSecret] }, principal: none, federated: [] },
        where,
      ),
    ).toEqual([]);
    const drift = credentialDrift(
      {
        application: { keyCredentials: [{ keyId: "c1" }], passwordCredentials: [stackSecret, { keyId: "k2" }] },
        principal: { keyCredentials: [], passwordCredentials: [{ displayName: ENTRA_SECRET_DISPLAY_NAME }] },
        federated: [{ name: "gh", issuer: "https://token.actions.githubusercontent.com", subject: "repo:a/b" }],
      },
      where,
    );
    expect(drift.map((d) => [d.subject, d.access, d.where])).toEqual([
      ["certificate c1 of the application", "admin", "app"],
      ["client secret k2 of the application", "admin", "app"],
      // On the service principal even the stack's name is no excuse: the stack puts no secret there.
      [`client secret ${ENTRA_SECRET_DISPLAY_NAME} of the service principal`, "admin", "sp"],
      ["federated credential gh of the application", "admin", "app, federatedIdentityCredentials"],
    ]);
  });

  test("each delegated scope is extra at its classified level, for all users or one", () => {
    const drift = delegatedGrantDrift(
      [
        { resourceId: "sp-graph", consentType: "AllPrincipals", scope: " User.Read  Directory.AccessAsUser.All" },
        { resourceId: "sp-x", consentType: "Principal", principalId: "u-1", scope: "openid" },
      ],
      (id) => (id === "sp-graph" ? "Microsoft Graph" : id),
      SCOPE,
      "w",
    );
    expect(drift.map((d) => [d.subject, d.access, d.detail])).toEqual([
      [`delegated User.Read of Microsoft Graph @ ${SCOPE}`, "read", "consented for all users"],
      [`delegated Directory.AccessAsUser.All of Microsoft Graph @ ${SCOPE}`, "admin", "consented for all users"],
      [`delegated openid of sp-x @ ${SCOPE}`, "write", "consented for user u-1"],
    ]);
  });
});

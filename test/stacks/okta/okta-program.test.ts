import { generateKeyPairSync } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import type { OktaConnectorConfig } from "../../../connectors/okta/config";
import { OKTA_SCOPES, oktaGrants } from "../../../connectors/okta/grants";
import { publicJwkFromPem } from "../../../stacks/okta/public-jwk";
import { VALID } from "../../helpers/config-text";
import { connectorFrom } from "../cdktf/helpers";

// A real key pair stands in for what the tls provider would generate, so the JWK
// conversion runs on real key material and the canary is a real private key.
const KEY = generateKeyPairSync("rsa", { modulusLength: 2048 });
const PRIVATE_PKCS8 = KEY.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const PUBLIC_PEM = KEY.publicKey.export({ type: "spki", format: "pem" }).toString();
const PRIVATE_BODY = PRIVATE_PKCS8.split("\n")[5];
const ORG_ID = "00o1abcdEFGH2345ijk6";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
}
const registered: Registered[] = [];
const invoked: string[] = [];

pulumi.runtime.setMocks(
  {
    newResource(args) {
      registered.push({ type: args.type, name: args.name, inputs: args.inputs });
      if (args.type === "tls:index/privateKey:PrivateKey") {
        return {
          id: "key",
          state: {
            ...args.inputs,
            privateKeyPem: PRIVATE_PKCS8,
            privateKeyPemPkcs8: PRIVATE_PKCS8,
            publicKeyPem: PUBLIC_PEM,
          },
        };
      }
      if (args.type === "okta:app/oAuth:OAuth")
        return { id: "0oaAPP", state: { ...args.inputs, clientId: "0oaCLIENTID123" } };
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call(args) {
      invoked.push(args.token);
      if (args.token === "okta:index/getOrgMetadata:getOrgMetadata") return { id: ORG_ID, pipeline: "idx" };
      throw new Error(`unexpected invoke ${args.token}`);
    },
  },
  "insights-connectors-okta",
  "acme-okta",
  false,
);

function settled<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => resolve(value)));
}

async function declare(extra = "") {
  const { declareOktaConnector, oktaStackOutputs } = await import("../../../stacks/okta/program");
  const connector = connectorFrom<OktaConnectorConfig>(`${VALID.okta}\n${extra}`);
  registered.length = 0;
  const resources = declareOktaConnector(connector, "acme-okta");
  // Wait until every resource has been registered with the (mock) engine.
  await Promise.all(
    [
      resources.key,
      resources.app,
      resources.scopes,
      resources.customRole,
      resources.resourceSet,
      ...resources.roleAssignments,
    ].map((r) => settled(r.urn)),
  );
  await settled(resources.resourceSet.id);
  return { connector, resources, outputs: oktaStackOutputs(resources) };
}

function only(type: string): Registered {
  const found = registered.filter((r) => r.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type}, got ${found.length}`);
  return found[0];
}

describe("Okta program (Pulumi, offline with mocks)", () => {
  test("creates an API Services app: client credentials, private_key_jwt with the generated public key, no secret, no DPoP", async () => {
    await declare();
    const app = only("okta:app/oAuth:OAuth").inputs;
    expect(app).toMatchObject({
      label: "BT Insights - Connector",
      type: "service",
      grantTypes: ["client_credentials"],
      responseTypes: ["token"],
      tokenEndpointAuthMethod: "private_key_jwt",
      omitSecret: true,
    });
    expect(app.jwks).toEqual([publicJwkFromPem(PUBLIC_PEM)]);
    expect(Object.keys(app).filter((k) => /dpop/i.test(k))).toEqual([]);
    expect(JSON.stringify(app)).not.toContain(PRIVATE_BODY);
    expect(app.clientBasicSecret).toBeUndefined();
    expect(only("tls:index/privateKey:PrivateKey").inputs).toEqual({ algorithm: "RSA", rsaBits: 2048 });
  });

  test("grants exactly the catalog's scopes against the org authorization server", async () => {
    const { connector } = await declare();
    const scopes = only("okta:index/appOauthApiScope:AppOauthApiScope").inputs;
    expect(scopes.issuer).toBe("https://acme.okta.com");
    expect(scopes.appId).toBe("0oaAPP");
    expect([...scopes.scopes].sort()).toEqual(
      oktaGrants(connector)
        .filter((g) => g.kind === "okta-scope")
        .map((g) => g.name)
        .sort(),
    );
    expect(scopes.scopes).toHaveLength(OKTA_SCOPES.length);
  });

  test("custom role holds only okta.iam.read; the resource set holds the org's IAM resources ORN", async () => {
    await declare();
    expect(only("okta:index/adminRoleCustom:AdminRoleCustom").inputs).toMatchObject({
      label: "Identity Security Insights",
      permissions: ["okta.iam.read"],
    });
    const set = only("okta:index/resourceSet:ResourceSet").inputs;
    expect(set.label).toBe("Identity Security Insights");
    expect(set.resourcesOrns).toEqual([`orn:okta:iam:${ORG_ID}:contained_resources`]);
    expect(set.resources).toBeUndefined();
    expect(invoked).toContain("okta:index/getOrgMetadata:getOrgMetadata");
  });

  test("configured resources replace the default: ORNs and REST URLs each to their own argument", async () => {
    await declare(
      `resourceSetResources:\n  - orn:okta:directory:${ORG_ID}:users\n  - https://acme.okta.com/api/v1/groups`,
    );
    const set = only("okta:index/resourceSet:ResourceSet").inputs;
    expect(set.resourcesOrns).toEqual([`orn:okta:directory:${ORG_ID}:users`]);
    expect(set.resources).toEqual(["https://acme.okta.com/api/v1/groups"]);
  });

  test("assigns the custom role over the resource set and Read-only Administrator to the app, and nothing else", async () => {
    await declare();
    const assignments = registered
      .filter((r) => r.type === "okta:app/oauthRoleAssignment:OauthRoleAssignment")
      .map((r) => r.inputs);
    assignments.sort((a, b) => a.type.localeCompare(b.type));
    expect(assignments).toEqual([
      {
        clientId: "0oaCLIENTID123",
        type: "CUSTOM",
        role: "acme-okta-role-id",
        resourceSet: "acme-okta-resource-set-id",
      },
      { clientId: "0oaCLIENTID123", type: "READ_ONLY_ADMIN" },
    ]);
    expect(registered.map((r) => r.type).sort()).toEqual([
      "insights-connectors:okta:InsightsOktaConnector",
      "okta:app/oAuth:OAuth",
      "okta:app/oauthRoleAssignment:OauthRoleAssignment",
      "okta:app/oauthRoleAssignment:OauthRoleAssignment",
      "okta:index/adminRoleCustom:AdminRoleCustom",
      "okta:index/appOauthApiScope:AppOauthApiScope",
      "okta:index/resourceSet:ResourceSet",
      "pulumi:providers:okta",
      "tls:index/privateKey:PrivateKey",
    ]);
    expect(only("pulumi:providers:okta").inputs).toMatchObject({ orgName: "acme", baseUrl: "okta.com" });
  });

  test("outputs domain and client ID in the clear and the private key only as a secret; the key is never printed", async () => {
    const printed: string[] = [];
    const spies = (["log", "info", "warn", "error"] as const).map((level) =>
      jest
        .spyOn(console, level)
        .mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" "))),
    );
    try {
      const { outputs } = await declare();
      expect(outputs.domain).toBe("acme.okta.com");
      expect(await settled(outputs.clientId)).toBe("0oaCLIENTID123");
      expect(await pulumi.isSecret(outputs.clientId)).toBe(false);
      expect(await pulumi.isSecret(outputs.privateKeyPem)).toBe(true);
      expect(await settled(outputs.privateKeyPem)).toBe(PRIVATE_PKCS8);
      // Nothing but the private key input of the key resource's own state carries it.
      for (const resource of registered) expect(JSON.stringify(resource.inputs)).not.toContain(PRIVATE_BODY);
      expect(String(outputs.privateKeyPem)).not.toContain(PRIVATE_BODY);
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
    expect(printed.join("\n")).not.toContain(PRIVATE_BODY);
  });
});

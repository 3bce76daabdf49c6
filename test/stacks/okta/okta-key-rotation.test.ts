import { generateKeyPairSync } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import type { OktaConnectorConfig } from "../../../connectors/okta/config";
import {
  beginOktaKeyRotation,
  completeOktaKeyRotation,
  type OktaKeySlots,
} from "../../../connectors/okta/key-rotation";
import { publicJwkFromPem } from "../../../stacks/okta/public-jwk";
import { VALID } from "../../helpers/config-text";
import { connectorFrom } from "../cdktf/helpers";

// Each tls key resource gets its own real key pair, kept by name as Pulumi state keeps a resource:
// the generation-2 key added during the overlap is the same key that remains after it.
const pairs = new Map<string, { privatePem: string; publicPem: string }>();
function pairFor(name: string) {
  if (!pairs.has(name)) {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    pairs.set(name, {
      privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    });
  }
  return pairs.get(name)!;
}

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
}
const registered: Registered[] = [];

pulumi.runtime.setMocks(
  {
    newResource(args) {
      registered.push({ type: args.type, name: args.name, inputs: args.inputs });
      if (args.type === "tls:index/privateKey:PrivateKey") {
        const { privatePem, publicPem } = pairFor(args.name);
        return { id: args.name, state: { ...args.inputs, privateKeyPemPkcs8: privatePem, publicKeyPem: publicPem } };
      }
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call: (args) => (args.token === "okta:index/getOrgMetadata:getOrgMetadata" ? { id: "00oORG" } : {}),
  },
  "insights-connectors-okta",
  "acme-okta",
  false,
);

const settled = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply((v) => resolve(v)));
const NOW = new Date("2026-11-23T18:00:00Z");
const STEADY: OktaKeySlots = { current: { generation: 1, createdAt: "2026-08-25T12:00:00.000Z" } };

async function declare(slots: OktaKeySlots | undefined, extra = "") {
  const { declareOktaConnector, oktaStackOutputs } = await import("../../../stacks/okta/program");
  registered.length = 0;
  const connector = connectorFrom<OktaConnectorConfig>(`${VALID.okta}\n${extra}`);
  const resources = declareOktaConnector(connector, "acme-okta", slots);
  await Promise.all([...resources.keys, resources.app, resources.scopes].map((r) => settled(r.urn)));
  const outputs = oktaStackOutputs(resources);
  return {
    keys: registered
      .filter((r) => r.type === "tls:index/privateKey:PrivateKey")
      .map((r) => r.name)
      .sort(),
    jwks: registered.find((r) => r.type === "okta:app/oAuth:OAuth")!.inputs.jwks,
    component: registered.find((r) => r.type === "insights-connectors:okta:InsightsOktaConnector")!.inputs,
    registeredKey: await settled(outputs.privateKeyPem),
    outputs,
  };
}

const jwkOf = (name: string) => publicJwkFromPem(pairFor(name).publicPem);

describe("Okta key rotation by overlap (Pulumi program under mocks)", () => {
  test("without slots (a new stack): one key, generation 1, the only JWK of the app", async () => {
    const steady = await declare(undefined);
    expect(steady.keys).toEqual(["acme-okta-key-1"]);
    expect(steady.jwks).toEqual([jwkOf("acme-okta-key-1")]);
    expect(steady.registeredKey).toBe(pairFor("acme-okta-key-1").privatePem);
    expect(steady.outputs.keyGeneration).toBe(1);
    expect(steady.component).toEqual({ keyRotationDays: 90, keyGenerations: [1] });
  });

  test("during a rotation the app holds both public keys, and the new private key is the one to register", async () => {
    const overlap = await declare(beginOktaKeyRotation(STEADY, NOW), "keyRotationDays: 30");
    expect(overlap.keys).toEqual(["acme-okta-key-1", "acme-okta-key-2"]);
    expect(overlap.jwks).toEqual([jwkOf("acme-okta-key-1"), jwkOf("acme-okta-key-2")]);
    expect(overlap.jwks[0].kid).not.toBe(overlap.jwks[1].kid);
    expect(overlap.registeredKey).toBe(pairFor("acme-okta-key-2").privatePem);
    expect(overlap.outputs).toMatchObject({ keyGeneration: 2, keyCreatedAt: "2026-11-23T18:00:00.000Z" });
    expect(overlap.component).toEqual({ keyRotationDays: 30, keyGenerations: [1, 2] });
  });

  test("after registration completes the rotation, only the new key is left in the app", async () => {
    const after = await declare(completeOktaKeyRotation(beginOktaKeyRotation(STEADY, NOW)));
    expect(after.keys).toEqual(["acme-okta-key-2"]);
    expect(after.jwks).toEqual([jwkOf("acme-okta-key-2")]);
    expect(after.registeredKey).toBe(pairFor("acme-okta-key-2").privatePem);
    expect(after.component.keyGenerations).toEqual([2]);
  });

  test("the program reads its slots from the stack config, and refuses slots it cannot trust", async () => {
    const { oktaKeySlotsFromConfig, OKTA_KEY_SLOTS_CONFIG } = await import("../../../stacks/okta/program");
    const slots = { current: { generation: 1 }, next: { generation: 2, createdAt: "2026-11-23T18:00:00Z" } };
    pulumi.runtime.setConfig(`insights-connectors-okta:${OKTA_KEY_SLOTS_CONFIG}`, JSON.stringify(slots));
    expect(oktaKeySlotsFromConfig(new pulumi.Config())).toEqual(slots);
    pulumi.runtime.setConfig("insights-connectors-okta:keySlots", JSON.stringify({ current: { generation: 0 } }));
    expect(() => oktaKeySlotsFromConfig(new pulumi.Config())).toThrow(
      "the stack config's keySlots is not valid: keySlots.current.generation: Too small: expected number to be >=1",
    );
  });
});

import { generateKeyPairSync } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import type { OktaConnectorConfig } from "../../../connectors/okta/config";
import { VALID } from "../../helpers/config-text";
import { connectorFrom } from "../cdktf/helpers";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}
const registered: Registered[] = [];
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
/** What the tls provider would report for a key: the program derives the app's JWK from it. */
const KEY_STATE = {
  privateKeyPemPkcs8: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
};

pulumi.runtime.setMocks(
  {
    newResource(args) {
      registered.push({ type: args.type, name: args.name, inputs: args.inputs });
      const keyState = args.type === "tls:index/privateKey:PrivateKey" ? KEY_STATE : {};
      return { id: `${args.name}-id`, state: { ...args.inputs, ...keyState } };
    },
    call: (args) => (args.token === "okta:index/getOrgMetadata:getOrgMetadata" ? { id: "00oORG" } : {}),
  },
  "insights-connectors-okta",
  "acme-okta",
  false,
);

const settled = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply((v) => resolve(v)));

/**
 * The Okta key as main declared it from 226a753 to 48c0d67 (stacks/okta/okta-connector.ts there):
 * `new tls.PrivateKey(\`${name}-key\`, { algorithm: "RSA", rsaBits: 2048 }, { parent: this })` inside
 * the component `insights-connectors:okta:InsightsOktaConnector` named after the stack.
 */
const EARLIER = {
  component: { type: "insights-connectors:okta:InsightsOktaConnector", name: "acme-okta" },
  key: { type: "tls:index/privateKey:PrivateKey", name: "acme-okta-key", inputs: { algorithm: "RSA", rsaBits: 2048 } },
};

/**
 * Pulumi replaces a resource whose URN (type, name, parent) changes unless an alias names the old
 * one, and a `tls_private_key` whose `algorithm`, `rsa_bits`, `ecdsa_curve` or `openssh_comment`
 * changes (each RequiresReplace in hashicorp/terraform-provider-tls
 * 0fc924334bda65def75180c513b52e5de0b25438, internal/provider/resource_private_key.go; @pulumi/tls
 * bridges that provider). The engine resolves aliases, so without the Pulumi CLI this checks what
 * the program hands it: the alias URN the SDK computes, the type, the parent and the inputs.
 */
describe("upgrade: an Okta stack from before key slots keeps its key (Pulumi program under mocks)", () => {
  test("generation 1 carries the earlier key's URN as an alias, with the same type, parent and inputs", async () => {
    const { declareOktaConnector } = await import("../../../stacks/okta/program");
    registered.length = 0;
    const resources = declareOktaConnector(connectorFrom<OktaConnectorConfig>(VALID.okta), "acme-okta");
    const [key] = resources.keys;
    await settled(key.urn);

    const component = await settled(resources.urn);
    expect(component).toBe(
      "urn:pulumi:acme-okta::insights-connectors-okta::insights-connectors:okta:InsightsOktaConnector::acme-okta",
    );
    // The URN the engine gave the earlier key: its name and type under the same component.
    const earlierKeyUrn = await settled(pulumi.createUrn(EARLIER.key.name, EARLIER.key.type, component));
    // The SDK's own alias URNs for the key (Resource.__aliases: each alias collapsed to a URN).
    const aliases = await Promise.all(
      ((key as unknown as { __aliases: pulumi.Output<string>[] }).__aliases ?? []).map(settled),
    );
    expect(aliases).toEqual([earlierKeyUrn]);
    expect(earlierKeyUrn).toBe(
      "urn:pulumi:acme-okta::insights-connectors-okta::insights-connectors:okta:InsightsOktaConnector$" +
        "tls:index/privateKey:PrivateKey::acme-okta-key",
    );

    const declared = registered.find((r) => r.name === "acme-okta-key-1")!;
    expect(declared.type).toBe(EARLIER.key.type);
    expect(declared.inputs).toEqual(EARLIER.key.inputs);
    expect(registered.find((r) => r.type === EARLIER.component.type)?.name).toBe(EARLIER.component.name);
  });

  test("a later generation is a new resource with no alias: a rotation adds a key, it never renames the old", async () => {
    const { declareOktaConnector } = await import("../../../stacks/okta/program");
    const slots = { current: { generation: 1 }, next: { generation: 2, createdAt: "2026-01-01T00:00:00.000Z" } };
    const resources = declareOktaConnector(connectorFrom<OktaConnectorConfig>(VALID.okta), "acme-okta", slots);
    const [first, second] = resources.keys;
    await Promise.all([settled(first.urn), settled(second.urn)]);
    expect((second as unknown as { __aliases: unknown[] }).__aliases).toEqual([]);
    expect(await settled(second.urn)).toMatch(/PrivateKey::acme-okta-key-2$/);
  });
});

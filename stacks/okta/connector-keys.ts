import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import type { OktaKeySlots } from "../../connectors/okta/key-rotation";
import { publicJwkFromPem, type PublicJwk } from "./public-jwk";

/** The connector's key pairs, one per slot, and what the app and registration take from them. */
export interface ConnectorKeys {
  /** Every key the app accepts: the current one, and the next one during a rotation. */
  readonly keys: readonly tls.PrivateKey[];
  /** Their public JWKs, in slot order (current, next); each `kid` is its RFC 7638 thumbprint. */
  readonly jwks: readonly pulumi.Output<PublicJwk>[];
  /** The key Insights must hold (the next one during a rotation). */
  readonly registered: tls.PrivateKey;
}

/**
 * One RSA key per key slot, named by generation so a rotation adds a resource rather than
 * replacing one: `@pulumi/okta` 7.0.0 has no resource for a single app JWK (only the app's
 * `jwks` list and `jwksUri`, app/oauth.d.ts), so the overlap is two entries in that list.
 * Each key is generated here and kept in Pulumi state as a secret: only public JWKs go to Okta.
 */
export function declareConnectorKeys(name: string, slots: OktaKeySlots, parent: pulumi.Resource): ConnectorKeys {
  const declare = (generation: number) =>
    new tls.PrivateKey(
      `${name}-key-${generation}`,
      { algorithm: "RSA", rsaBits: 2048 },
      {
        parent,
        // Stacks deployed before rotation named their only key `<name>-key`: it is generation 1.
        ...(generation === 1 ? { aliases: [{ name: `${name}-key` }] } : {}),
      },
    );
  const current = declare(slots.current.generation);
  const next = slots.next ? declare(slots.next.generation) : undefined;
  const keys = next ? [current, next] : [current];
  return {
    keys,
    jwks: keys.map((key) => key.publicKeyPem.apply(publicJwkFromPem)),
    // As oktaKeyToRegister: the next key while a rotation is under way.
    registered: next ?? current,
  };
}

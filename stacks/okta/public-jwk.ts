import { createHash, createPublicKey } from "node:crypto";

/** The public half of the connector's key, as Okta stores it in the app's JWKS. */
export interface PublicJwk {
  kty: "RSA";
  kid: string;
  n: string;
  e: string;
}

/**
 * Converts a PEM public key to the JWK Okta takes. The `kid` is the RFC 7638
 * thumbprint, so the same key always gets the same ID and a new key a new one.
 */
export function publicJwkFromPem(publicKeyPem: string): PublicJwk {
  const jwk = createPublicKey(publicKeyPem).export({ format: "jwk" }) as { kty?: string; n?: string; e?: string };
  if (jwk.kty !== "RSA" || !jwk.n || !jwk.e) throw new Error("the connector key must be an RSA key");
  // RFC 7638: the required members, in lexicographic order, without whitespace.
  const thumbprint = createHash("sha256")
    .update(JSON.stringify({ e: jwk.e, kty: "RSA", n: jwk.n }))
    .digest("base64url");
  return { kty: "RSA", kid: thumbprint, n: jwk.n, e: jwk.e };
}

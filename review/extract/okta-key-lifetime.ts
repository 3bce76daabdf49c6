import type { CredentialLifetime } from "../../plan/model";
import { OKTA_CONNECTOR_TYPE } from "../../stacks/okta/okta-connector";
import { CredentialLifetimeError } from "./credential-lifetime";
import type { DeclaredResource } from "./okta-program";

/**
 * Okta app keys, from the program as Pulumi's mock engine declared it: the connector component
 * records its rotation period and key generations. A public JWK has no expiry in Okta; a rotation
 * adds the new key beside the old one, and the old one leaves only after the new one is registered.
 */
export function oktaKeyLifetimes(resources: readonly DeclaredResource[], artifact: string): CredentialLifetime[] {
  return resources
    .filter((r) => r.type === OKTA_CONNECTOR_TYPE)
    .map((r) => {
      const where = `${artifact} ${r.type}::${r.name}`;
      const { keyRotationDays } = r.inputs;
      if (!Number.isInteger(keyRotationDays) || keyRotationDays < 1)
        throw new CredentialLifetimeError(`${where}: no keyRotationDays, so the key's rotation cannot be read`);
      return {
        credential: "Okta app key (private key JWT)",
        rotationDays: keyRotationDays,
        previousValidDays: 0,
        previousUntilRegistered: true,
        artifact: where,
      };
    });
}

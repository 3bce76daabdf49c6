import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import type * as tls from "@pulumi/tls";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { FIRST_OKTA_KEY_SLOTS, oktaKeyToRegister, type OktaKeySlots } from "../../connectors/okta/key-rotation";
import {
  OKTA_CLIENT_AUTHENTICATION,
  OKTA_CUSTOM_ROLE_PERMISSION,
  OKTA_READ_ONLY_ADMIN,
  OKTA_SCOPES,
  oktaIamResourcesOrn,
} from "../../connectors/okta/grants";
import { declareConnectorKeys } from "./connector-keys";
import { oktaOrg } from "./okta-org";

export interface InsightsOktaConnectorArgs {
  /** The tenant config's `okta` connector entry. */
  readonly connector: OktaConnectorConfig;
  /**
   * The app's key slots (current, and next during a rotation).
   * @default one key, generation 1
   */
  readonly keySlots?: OktaKeySlots;
}

const DESCRIPTION = "BeyondTrust Identity Security Insights (managed by insights-connectors)";

/** Pulumi type of the connector component; review reads the key rotation from its inputs by it. */
export const OKTA_CONNECTOR_TYPE = "insights-connectors:okta:InsightsOktaConnector";

/**
 * The guide's "Create an Okta App Integration" as code: an API Services app that
 * signs its token requests with a key generated here, the catalog's read scopes, a
 * custom role with only `okta.iam.read` over the IAM resources, and Read-only
 * Administrator.
 */
export class InsightsOktaConnector extends pulumi.ComponentResource {
  /** The org's domain, lower-cased, as Insights' "Okta Domain URL" takes it. */
  readonly domain: string;
  readonly clientId: pulumi.Output<string>;
  /** PKCS#8 PEM, as Okta's console would download it; a Pulumi secret. */
  readonly privateKeyPem: pulumi.Output<string>;
  /** The key Insights must hold: the next one during a rotation, else the current one. */
  readonly key: tls.PrivateKey;
  /** Every key in the app's JWKS: two during a rotation, one otherwise. */
  readonly keys: readonly tls.PrivateKey[];
  /** Generation and creation time of the key to register, for `status` and `up`. */
  readonly keyGeneration: number;
  readonly keyCreatedAt?: string;
  readonly app: okta.app.OAuth;
  readonly scopes: okta.AppOauthApiScope;
  readonly customRole: okta.AdminRoleCustom;
  readonly resourceSet: okta.ResourceSet;
  readonly roleAssignments: okta.app.OauthRoleAssignment[];

  constructor(name: string, args: InsightsOktaConnectorArgs, opts?: pulumi.ComponentResourceOptions) {
    const { connector } = args;
    const slots = args.keySlots ?? FIRST_OKTA_KEY_SLOTS;
    // The rotation schedule is recorded as the component's inputs, where plan reads the key's lifetime.
    const keyGenerations = [slots.current, ...(slots.next ? [slots.next] : [])].map((s) => s.generation);
    super(
      OKTA_CONNECTOR_TYPE,
      name,
      {
        keyRotationDays: connector.keyRotationDays,
        keyGenerations,
      },
      opts,
    );
    const org = oktaOrg(connector.domain);
    this.domain = connector.domain.toLowerCase();
    const child = { parent: this };

    const keys = declareConnectorKeys(name, slots, this);
    this.keys = keys.keys;
    const key = (this.key = keys.registered);
    this.keyGeneration = oktaKeyToRegister(slots).generation;
    this.keyCreatedAt = oktaKeyToRegister(slots).createdAt;

    this.app = new okta.app.OAuth(
      `${name}-app`,
      {
        label: connector.appLabel,
        type: "service",
        grantTypes: ["client_credentials"],
        responseTypes: ["token"],
        tokenEndpointAuthMethod: OKTA_CLIENT_AUTHENTICATION,
        // Several keys need a `kid` each, and the JWKS is updated by replacing the app, as the provider
        // does (developer.okta.com/docs/api/openapi/okta-management/management/tag/ApplicationSSOPublicKeys,
        // "Add a JSON Web Key", read 2026-11-23; its one-active-key rule is for encryption keys, not these
        // signing keys). Each `kid` is the key's thumbprint, so the two keys of a rotation never collide.
        jwks: keys.jwks.map((jwk) => ({ kty: jwk.kty, kid: jwk.kid, n: jwk.n, e: jwk.e })),
        omitSecret: true,
        // "Require DPoP" stays off: @pulumi/okta 7.0.0 has no argument for it, and Okta's
        // API creates OAuth clients with `dpop_bound_access_tokens` false unless asked.
        // The guide's console steps untick a box the console pre-ticks; there is nothing to untick here.
        adminNote: DESCRIPTION,
      },
      child,
    );
    this.clientId = this.app.clientId;

    this.scopes = new okta.AppOauthApiScope(
      `${name}-scopes`,
      {
        appId: this.app.id,
        issuer: org.issuer,
        scopes: OKTA_SCOPES.map(({ scope }) => scope),
      },
      child,
    );

    const role = (this.customRole = new okta.AdminRoleCustom(
      `${name}-role`,
      {
        label: connector.customRoleLabel,
        description: DESCRIPTION,
        permissions: [OKTA_CUSTOM_ROLE_PERMISSION],
      },
      child,
    ));

    const resources = connector.resourceSetResources;
    const resourceSet = (this.resourceSet = new okta.ResourceSet(
      `${name}-resource-set`,
      {
        label: connector.resourceSetLabel,
        description: DESCRIPTION,
        ...(resources
          ? splitResources(resources)
          : {
              resourcesOrns: [
                okta.getOrgMetadataOutput({}, child).id.apply((orgId) => oktaIamResourcesOrn(connector.domain, orgId)),
              ],
            }),
      },
      child,
    ));

    this.roleAssignments = [
      new okta.app.OauthRoleAssignment(
        `${name}-custom-role`,
        {
          clientId: this.app.clientId,
          type: "CUSTOM",
          role: role.id,
          resourceSet: resourceSet.id,
        },
        child,
      ),
      new okta.app.OauthRoleAssignment(
        `${name}-read-only-admin`,
        {
          clientId: this.app.clientId,
          type: OKTA_READ_ONLY_ADMIN,
        },
        child,
      ),
    ];

    this.privateKeyPem = pulumi.secret(key.privateKeyPemPkcs8);
    this.registerOutputs({
      clientId: this.clientId,
      privateKeyPem: this.privateKeyPem,
      keyGeneration: this.keyGeneration,
    });
  }
}

/** ORNs and REST URLs go to different provider arguments. */
function splitResources(resources: readonly string[]): { resourcesOrns?: string[]; resources?: string[] } {
  const orns = resources.filter((r) => r.startsWith("orn:"));
  const urls = resources.filter((r) => !r.startsWith("orn:"));
  return { ...(orns.length ? { resourcesOrns: orns } : {}), ...(urls.length ? { resources: urls } : {}) };
}

import type { AccessLevel, GrantKind } from "../../connectors/grant";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import type { ExtractedGrant } from "../../plan/extracted-grant";

/** A resource the Okta program declared, as Pulumi's mock engine saw it. */
export interface DeclaredResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
}

/** The org ID the mock engine hands the program's `getOrgMetadata` call during a plan. */
export const PLAN_ORG_ID = "00oPLANPLACEHOLDER";

/** Where every Okta grant applies: the org, by its domain. */
export const oktaOrgScope = (connector: OktaConnectorConfig) => `okta-org:${connector.domain.toLowerCase()}`;

/** Where a declared resource is named in grants: the program, then the resource's type and name. */
export const declaredAt = (artifact: string, r: DeclaredResource) => `${artifact} ${r.type}::${r.name}`;

/** What one extractor reads: each value of a list input of the resources of one type, as a grant. */
export interface ListInputFamily {
  readonly type: string;
  readonly input: string;
  readonly kind: GrantKind;
  readonly access: (value: string) => AccessLevel;
}

/** One grant per value of `family.input` of every declared resource of `family.type`. */
export function listInputGrants(
  family: ListInputFamily,
  resources: readonly DeclaredResource[],
  connector: OktaConnectorConfig,
  artifact: string,
): ExtractedGrant[] {
  return resources
    .filter((r) => r.type === family.type)
    .flatMap((r) =>
      (r.inputs[family.input] ?? []).map((name: string) => ({
        source: "okta",
        scope: oktaOrgScope(connector),
        kind: family.kind,
        name,
        access: family.access(name),
        artifact: declaredAt(artifact, r),
      })),
    );
}

/**
 * Runs the Okta program under Pulumi's mock engine (offline, no CLI, no plugin) and
 * returns what it declared. The mock hands out placeholder IDs and a fixed org ID.
 */
export async function declareOktaProgram(connector: OktaConnectorConfig, name: string): Promise<DeclaredResource[]> {
  const pulumi = await import("@pulumi/pulumi");
  const declared: DeclaredResource[] = [];
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        declared.push({ type: args.type, name: args.name, inputs: args.inputs });
        return {
          id: `${args.name}-id`,
          state: {
            ...args.inputs,
            ...(args.type === "tls:index/privateKey:PrivateKey" ? { publicKeyPem: PLACEHOLDER_PUBLIC_KEY } : {}),
          },
        };
      },
      call: (args) => (args.token === "okta:index/getOrgMetadata:getOrgMetadata" ? { id: PLAN_ORG_ID } : {}),
    },
    "insights-connectors-okta",
    name,
    false,
  );
  const { declareOktaConnector } = await import("../../stacks/okta/program");
  const resources = declareOktaConnector(connector, name);
  const settled = (o: { apply(f: (v: unknown) => void): unknown }) =>
    new Promise<void>((resolve) => void o.apply(() => resolve()));
  await Promise.all(
    [resources.app, resources.scopes, resources.customRole, resources.resourceSet, ...resources.roleAssignments].map(
      (r) => settled(r.urn),
    ),
  );
  await settled(resources.resourceSet.id);
  return declared;
}

/** A throwaway public key so the program's JWK conversion runs during a plan; never deployed. */
const PLACEHOLDER_PUBLIC_KEY = (() => {
  const { generateKeyPairSync } = require("node:crypto") as typeof import("node:crypto");
  return generateKeyPairSync("rsa", { modulusLength: 1024 })
    .publicKey.export({ type: "spki", format: "pem" })
    .toString();
})();

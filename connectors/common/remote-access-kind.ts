import { beyondtrustCloudHost } from "../../values/fields";
import { literalOrRefField, secretRefField } from "../../values/secret-ref";
import type { SecretRef } from "../../values/secret-ref";
import type { Grant } from "../grant";
import type { ConnectorKind, KindConfigSchema, LiteralOrRef } from "../kind";
import { fromConfig } from "../planned-value";
import { defineForm, nameField, plainText, secretText } from "../registration-form";
import { remoteAccessApiAccountGrants, type SessionReportsPermission } from "./remote-access-api-account";

/** The API account fields both products' config entries end with (after name and host). */
export const remoteAccessApiAccountFields = {
  clientId: literalOrRefField,
  clientSecret: secretRefField,
};

/** What both products' configs hold; each kind's own schema adds its host field. */
interface RemoteAccessConfigBase {
  readonly kind: string;
  readonly name: string;
  readonly clientId: LiteralOrRef;
  readonly clientSecret: SecretRef;
}

/**
 * Privileged Remote Access Cloud and Remote Support Cloud register the same way: an
 * API account made in the product's /login admin UI, then name, site, client ID and
 * secret in Insights. Only their labels, config key and guide sections differ.
 */
export function remoteAccessKind<C extends RemoteAccessConfigBase>(spec: {
  kind: C["kind"];
  /** The kind's config schema: name, the host under `hostKey`, then {@link remoteAccessApiAccountFields}. */
  config: KindConfigSchema<C>;
  title: string;
  hostKey: keyof C & ("subdomain" | "domain");
  hostLabel: string;
  guideSection: string;
  apiAccountSection: string;
  /** The product's own label for its session-report permission. */
  sessionReports: SessionReportsPermission;
  withEgressAllowances?: (source: string, scope: string) => Grant[];
}): ConnectorKind<C, "registration-only"> {
  const { config } = spec;
  const host = (c: C) => String(c[spec.hostKey]).toLowerCase();
  return {
    kind: spec.kind,
    title: spec.title,
    guideSection: spec.guideSection,
    provisioning: {
      mode: "registration-only",
      summary: `API account created by an administrator in the ${spec.title} /login admin UI (Management > API Configuration)`,
    },
    config,
    registration: defineForm([
      nameField,
      { ...plainText(spec.hostKey, spec.hostLabel, beyondtrustCloudHost), connectionPoint: true },
      plainText("clientId", "Client ID"),
      secretText("clientSecret", "Client Secret"),
    ]),
    plannedRegistration: (c) => ({
      name: { from: "config", value: c.name },
      [spec.hostKey]: { from: "config", value: host(c) },
      clientId: fromConfig(c.clientId),
      clientSecret: fromConfig(c.clientSecret),
    }),
    secretHosts: (c) => ({ source: [{ host: host(c), by: "Insights", field: String(spec.hostKey) }] }),
    grants: (c) => {
      const scope = `${spec.kind}-site:${host(c)}`;
      return [
        ...remoteAccessApiAccountGrants(spec.kind, scope, spec.apiAccountSection, spec.sessionReports),
        ...(spec.withEgressAllowances?.(spec.kind, scope) ?? []),
      ];
    },
  };
}

import type { z } from "zod";
import { activeDirectory } from "./active-directory";
import { aws } from "./aws";
import { azure } from "./azure";
import { epmCloud } from "./epm-cloud";
import { gcp } from "./gcp";
import { github } from "./github";
import type { ConnectorConfigBase, ConnectorKind, EngineName } from "./kind";
import { okta } from "./okta";
import { passwordSafeCloud } from "./password-safe-cloud";
import { passwordSafeOnprem } from "./password-safe-onprem";
import { pingone } from "./pingone";
import { praCloud } from "./pra-cloud";
import { praPrivilegedIdentity } from "./pra-privileged-identity";
import { remoteSupportCloud } from "./remote-support-cloud";

/** Every connector kind, in the order the guide describes them. Only lists; rules live in the kinds. */
export const CATALOG = [
  aws,
  azure,
  github,
  gcp,
  activeDirectory,
  okta,
  pingone,
  epmCloud,
  praCloud,
  passwordSafeCloud,
  passwordSafeOnprem,
  remoteSupportCloud,
  praPrivilegedIdentity,
] as const;

export type CatalogKind = (typeof CATALOG)[number];
/** Inferred from each kind's config schema (parameter positions such as `sheet` would defeat inference). */
export type ConnectorConfig = CatalogKind extends { readonly config: z.ZodType<infer C, any> } ? C : never;
export type KindName = ConnectorConfig["kind"];

export const KIND_NAMES = CATALOG.map((k) => k.kind) as KindName[];

/** The catalog entry of kind `K`, with its config type and how it is provisioned. */
export type CatalogEntry<K extends KindName> = Extract<CatalogKind, { readonly kind: K }>;
/** The config of one kind's entry in the tenant file. */
export type ConfigOf<K extends KindName> = Extract<ConnectorConfig, { readonly kind: K }>;
/** The engine that applies the stack of kind `K`; never for a kind without a stack. */
export type EngineOf<K extends KindName> = CatalogEntry<K>["provisioning"] extends {
  readonly engine: infer E extends EngineName;
}
  ? E
  : never;
/** The kinds whose prerequisites a stack of this toolkit provisions. */
export type StackKindName = {
  [K in KindName]: CatalogEntry<K>["provisioning"] extends { readonly mode: "stack" } ? K : never;
}[KindName];

const BY_NAME = new Map<string, ConnectorKind<any>>(CATALOG.map((k) => [k.kind, k as ConnectorKind<any>]));

/** The catalog entry of a kind; the config schema guarantees it exists. */
export function kindOf<C extends ConnectorConfigBase>(config: C): ConnectorKind<C> {
  const kind = BY_NAME.get(config.kind);
  if (!kind) throw new Error(`unknown connector kind ${config.kind}`);
  return kind as ConnectorKind<C>;
}

/** The kinds Insights registers as connectors (integrations live beside them). */
export const INSIGHTS_CONNECTOR_KINDS = CATALOG.filter((k) => k.provisioning.mode !== "integration");
